@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 6.2.4.2 7135 RAID disk failure and 5.2 SCSI adapter failure
  The shared volume group sharedvg is on one LUN of a 7135 RAIDiant array,
  hdisk2 to AIX. The array protects the data itself (RAID 5 with a hot spare,
  or RAID 1), so the LVM keeps one copy (book 3.4.3). A failed drive lights
  the array's yellow fault light; smit raidant shows the drives and LUNs.

  A SCSI adapter failure is another matter (book 5.2): AIX logs it, the LVM
  loses its disks, but HACMP does not react, since no heartbeat is lost. Only
  an error notification method that halts the node hands the disks to the
  other node.

  Modelling choices (docs/modelling.md): reconstruction runs at 4 MB/s per
  drive in virtual time; a drive put back after a hot spare took its place
  becomes the new hot spare; smit raidant is reduced to its outcome
  ("smit raidant list", "smit raidant drive hdiskN DRIVE CODE").

  @sec-6.2.4.2 @allure.label.story:6.2.4.2_RAID_5_with_hot_spare
  Scenario: A RAID-5 drive is pulled: the hot spare is rebuilt, then the drive goes back
    Book 6.2.4.2: pull a drive; the 7135's yellow light comes on (or list the
    arrays in smit raidant); df and lsps -a show the file systems and paging
    spaces fine; with a hot spare, wait for the reconstruction to finish;
    after that, put the drive back: lsvg -l shows no stale partition and the yellow
    light is off.

    Given the "hotstandby_raid5" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When I pull drive d2 out of array1
    Then smit raidant on nodeA shows the fault light of array1 on
    And smit raidant on nodeA shows LUN hdisk2 Reconstructing
    And smit raidant on nodeA shows drive d6 of array1 "Reconstructing"
    And errpt on nodeA shows "ARRAY DRIVE FAILURE"
    When I append "written during the reconstruction" to /sharedfs/drill.txt on nodeA
    And I wait 60 seconds
    Then df -k on nodeA shows /sharedfs readable
    And lsps -a on nodeA shows hd6 active
    And lsvg -l sharedvg on nodeA shows no stale partitions
    When I wait until smit raidant on nodeA shows every LUN Optimal
    And I put drive d2 back into array1
    Then smit raidant on nodeA shows drive d2 of array1 "Hot Spare"
    And smit raidant on nodeA shows the fault light of array1 off
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And /sharedfs/drill.txt on nodeA contains "written before the failure"
    And /sharedfs/drill.txt on nodeA contains "written during the reconstruction"
    And clfindres on nodeB shows rg1 UP on nodeA
    And rg1 is held by nodeA only

  @sec-6.2.4.2 @allure.label.story:6.2.4.2_Drive_failed_from_smit_raidant
  Scenario: A drive is failed from smit raidant with status 83
    Book 6.2.4.2, second way: smit raidant, Change/Show Drive Status, select
    the hdisk and the drive, status 83 (Fail drive). The array treats it as
    a failed drive: yellow light, the hot spare rebuilt. The light stays on
    while d3 is failed; once d3 is replaced (pulled and put back) it becomes
    the new hot spare and the light goes off.

    Given the "hotstandby_raid5" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When I inject the fault "smit raidant drive hdisk2 d3 83" on nodeA
    Then the last command on nodeA succeeded
    And smit raidant on nodeA shows drive d3 of array1 "Failed"
    And smit raidant on nodeA shows the fault light of array1 on
    When I wait 60 seconds
    Then smit raidant on nodeA shows LUN hdisk2 Reconstructing
    When I wait until smit raidant on nodeA shows every LUN Optimal
    Then smit raidant on nodeA shows the fault light of array1 on
    And df -k on nodeA shows /sharedfs readable
    And lsps -a on nodeA shows hd6 active
    When I pull drive d3 out of array1
    And I put drive d3 back into array1
    Then smit raidant on nodeA shows drive d3 of array1 "Hot Spare"
    And smit raidant on nodeA shows the fault light of array1 off
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And /sharedfs/drill.txt on nodeA contains "written before the failure"

  @sec-6.2.4.2 @allure.label.story:6.2.4.2_Two_drives_lost
  Scenario: A second RAID-5 drive is lost while the hot spare is rebuilt: the LUN is dead
    RAID 5 survives one lost drive. While the hot spare is being rebuilt it
    holds no data yet, so a second drive lost then leaves the LUN without
    enough data to rebuild anything: the array declares it dead. AIX loses
    the disk at its next write, the LVM closes the group and the file system
    cannot be read. As with the SCSI adapter (book 5.2), HACMP sees no
    heartbeat lost and takes nothing over.

    Given the "hotstandby_raid5" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I pull drive d2 out of array1
    And I pull drive d4 out of array1
    Then smit raidant on nodeA shows LUN hdisk2 Dead
    When I wait 70 seconds
    Then errpt on nodeA shows "QUORUM LOST, VOLUME GROUP CLOSING"
    And lsvg -o on nodeA does not list sharedvg
    And df -k on nodeA shows /sharedfs unreadable
    And clfindres on nodeB shows rg1 UP on nodeA
    And hacmp.out on nodeB shows no node_down event since the first fault

  @sec-6.2.4.2 @allure.label.story:6.2.4.2_RAID_5_without_hot_spare
  Scenario: A RAID-5 drive with no hot spare left: put back, 84 Replace, rebuild
    Book 6.2.4.2: without a hot spare, put the drive back, then select status
    84 (Replace drive) in smit raidant: the array rebuilds onto it. Here the
    hot spare d6 is taken out of the array first, so that none is left. The
    LUN stays usable, degraded, on four drives all along.

    Given the "hotstandby_raid5" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When I pull drive d6 out of array1
    And I pull drive d2 out of array1
    And I append "written while degraded" to /sharedfs/drill.txt on nodeA
    Then smit raidant on nodeA shows LUN hdisk2 Degraded
    And smit raidant on nodeA shows the fault light of array1 on
    And df -k on nodeA shows /sharedfs readable
    When I put drive d2 back into array1
    Then smit raidant on nodeA shows drive d2 of array1 "Failed"
    When I type "smit raidant drive hdisk2 d2 84" on nodeA
    Then smit raidant on nodeA shows LUN hdisk2 Reconstructing
    When I wait until smit raidant on nodeA shows every LUN Optimal
    And I put drive d6 back into array1
    Then smit raidant on nodeA shows the fault light of array1 off
    And smit raidant on nodeA shows drive d6 of array1 "Hot Spare"
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And /sharedfs/drill.txt on nodeA contains "written before the failure"
    And /sharedfs/drill.txt on nodeA contains "written while degraded"

  @sec-6.2.4.2 @allure.label.story:6.2.4.2_RAID_1_without_hot_spare
  Scenario: A RAID-1 drive without a hot spare: put back, 84 Replace, rebuild, syncvg
    Book 6.2.4.2: without a hot spare, after putting the drive back select
    status 84 (Replace drive) in smit raidant; for RAID 1, run syncvg
    NodeFvg; at the end lsvg -l shows no stale partition and the yellow light
    is off. The LUN stays usable on its other half all along. The LVM keeps
    one copy on a RAID LUN (book 3.4.3), so here syncvg finds nothing stale:
    the array did the mirroring.

    Given the "hotstandby_raid1" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When I pull drive d1 out of array1
    And I append "written while degraded" to /sharedfs/drill.txt on nodeA
    Then smit raidant on nodeA shows LUN hdisk2 Degraded
    And smit raidant on nodeA shows the fault light of array1 on
    And df -k on nodeA shows /sharedfs readable
    When I put drive d1 back into array1
    Then smit raidant on nodeA shows drive d1 of array1 "Failed"
    And smit raidant on nodeA shows the fault light of array1 on
    When I type "smit raidant drive hdisk2 d1 84" on nodeA
    And I wait 60 seconds
    Then smit raidant on nodeA shows LUN hdisk2 Reconstructing
    When I wait until smit raidant on nodeA shows every LUN Optimal
    And I type "syncvg -v sharedvg" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And smit raidant on nodeA shows the fault light of array1 off
    And /sharedfs/drill.txt on nodeA contains "written while degraded"

  @sec-5.2 @allure.label.story:5.2_SCSI_adapter_failure
  Scenario: nodeA's SCSI adapter fails: AIX logs it, HACMP does nothing
    Book 5.2: when a SCSI adapter fails, neither HACMP nor the LVM can
    recover. nodeA's only path to the array is gone: its next writes fail,
    AIX logs the adapter error and the LVM closes the group once no disk is
    left; nothing moves the disks, because the heartbeats go on: nodeB takes
    nothing over and the
    application is left without its data. Once the adapter is replaced, the
    administrator stops the application, unmounts the dead file system,
    varies the group on, mounts it and starts the application again: what
    was written before the failure is all there.

    Given the "hotstandby_raid5" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When the SCSI adapter scsi1 of nodeA fails
    And I wait 120 seconds
    Then errpt on nodeA shows "ADAPTER ERROR"
    And errpt on nodeA shows "QUORUM LOST, VOLUME GROUP CLOSING"
    And lsvg -o on nodeA does not list sharedvg
    And df -k on nodeA shows /sharedfs unreadable
    And clfindres on nodeB shows rg1 UP on nodeA
    And hacmp.out on nodeB shows no node_down event since the first fault
    And hacmp.out on nodeA shows no get_disk_vg_fs event since the first fault
    When I type "echo more >> /sharedfs/drill.txt" on nodeA
    Then the last command on nodeA failed with "Cannot create"
    When the SCSI adapter scsi1 of nodeA is repaired
    And I type "/usr/local/ha/stop_app1" on nodeA
    And I type "umount /sharedfs" on nodeA
    And I type "varyonvg sharedvg" on nodeA
    And I type "mount /sharedfs" on nodeA
    And I type "/usr/local/ha/start_app1" on nodeA
    Then lsvg -o on nodeA lists sharedvg
    And ps -u appuser on nodeA shows appd
    And /sharedfs/drill.txt on nodeA contains "written before the failure"

  @sec-5.2 @sec-2.6.2 @allure.label.story:5.2_Error_notification_halts_the_node
  Scenario: With an error notification method, the adapter failure halts nodeA and nodeB takes over
    Book 5.2 and 2.6.2: an error notification object matching the adapter's
    error label runs its method, here "halt -q", on nodeA. nodeA stops, nodeB
    sees a node failure, breaks the reserve and takes the disks over through
    its own adapter: the data written before the failure is there.

    Given the "hotstandby_raid5_notify" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA
    When the SCSI adapter scsi1 of nodeA fails
    And I wait 120 seconds
    And I wait until the cluster settles
    Then AIX on nodeA is halted
    And hacmp.out on nodeB shows these events in order since the first fault:
      | event          | arguments |
      | node_down      | nodeA     |
      | get_disk_vg_fs | sharedvg  |
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And /sharedfs/drill.txt on nodeB contains "written before the failure"
    When I power off nodeA
    And I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then errpt on nodeA shows "ADAPTER ERROR"
