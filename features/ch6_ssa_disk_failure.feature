@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 6.2.1.4 and 6.2.4.3 SSA adapter and mirrored 7133 disk failures
  The shared volume group sharedvg lives on two 7133 drawers, each on its own
  SSA loop, and every logical volume has one copy in each drawer (book 3.4.3).
  Each node reaches drawer1 through ssa0 and drawer2 through ssa1. Losing an
  adapter's cables or one disk leaves one copy of everything: the file system
  stays usable, the copies that could not be written go stale, and HACMP does
  nothing, because no heartbeat is lost.

  The data is checked, not assumed: a line is written before the failure and
  another during it, and both are read back at the end.

  Modelling choices, see docs/modelling.md: the LVM finds a disk missing at the
  first write that fails, and syncd writes every mounted file system's
  superblock and log each minute; a copy stays stale until syncvg (or a
  varyonvg) copies the fresh partitions over it.

  Background:
    Given the "hotstandby_ssa" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the failure" has been appended to /sharedfs/drill.txt on nodeA

  @sec-6.2.1.4 @allure.label.story:6.2.1.4_SSA_adapter_failure
  Scenario: Every cable of nodeA's SSA adapter ssa0 is pulled
    Book 6.2.1.4: pull all the cables from the adapter; errpt -a shows the
    errors, lsvg -l shows some LV copies stale, df -k and lsps -a show every
    file system and paging space still usable; plug the cables back and check
    again. The copies on drawer1 (hdisk2) cannot be written from nodeA any
    more; drawer2's copies, through ssa1, take every write. nodeB still
    reaches drawer1 through its own ssa0: the loop carries on round the other
    way: to show it, nodeA then stops HACMP with takeover, and nodeB, whose
    varyon needs every disk (quorum is off, book 3.4.5.3), takes rg1 over
    with the data. Quorum off also keeps the group varied on at nodeA.
    Beyond the book's list: after the cables are back, syncvg on nodeB brings
    the stale copies up to date (docs/modelling.md: the model's syncvg first
    reopens a disk that answers again [U]).

    When I pull every cable of ssa0 on nodeA
    And I append "written during the failure" to /sharedfs/drill.txt on nodeA
    And I wait 60 seconds
    Then errpt on nodeA shows "LINK OPEN"
    And errpt on nodeA shows "PHYSICAL VOLUME DECLARED MISSING"
    And errpt on nodeA shows "PHYSICAL PARTITION MARKED STALE"
    And lsvg -p sharedvg on nodeA shows hdisk2 missing
    And lsvg -l sharedvg on nodeA shows sharedlv open/stale
    And lsvg -o on nodeA lists sharedvg
    And df -k on nodeA shows /sharedfs readable
    And lsps -a on nodeA shows hd6 active
    And /sharedfs/drill.txt on nodeA contains "written before the failure"
    And /sharedfs/drill.txt on nodeA contains "written during the failure"
    And clfindres on nodeB shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the first fault
    When I stop cluster services on nodeA gracefully with takeover
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 UP on nodeB
    And lsvg -o on nodeB lists sharedvg
    And lsvg -o on nodeA does not list sharedvg
    And /sharedfs/drill.txt on nodeB contains "written during the failure"
    When I plug the cables of ssa0 on nodeA back in
    And I type "syncvg -v sharedvg" on nodeB
    Then the last command on nodeB succeeded
    And lsvg -l sharedvg on nodeB shows no stale partitions
    And df -k on nodeB shows /sharedfs readable

  @sec-6.2.4.3 @allure.label.story:6.2.4.3_Mirrored_7133_disk_failure
  Scenario: A mirrored 7133 disk is pulled out and put back
    Book 6.2.4.3: the 7133 disks are hot-swappable; pull one out and check
    that the file systems and paging spaces are still usable; put it back and
    run syncvg NodeFvg: no stale partitions are left. pdisk0 is hdisk2, which
    holds the drawer1 copy of sharedlv and its log.

    When I pull the SSA disk pdisk0
    And I append "written during the failure" to /sharedfs/drill.txt on nodeA
    And I wait 60 seconds
    Then errpt on nodeA shows "SSA DEVICE ERROR"
    And lsvg -p sharedvg on nodeA shows hdisk2 missing
    And lsvg -l sharedvg on nodeA shows sharedlv open/stale
    And df -k on nodeA shows /sharedfs readable
    And lsps -a on nodeA shows hd6 active
    And /sharedfs/drill.txt on nodeA contains "written during the failure"
    And rg1 is held by nodeA only
    When I put the SSA disk pdisk0 back
    And I type "syncvg -v sharedvg" on nodeA
    Then lsvg -l sharedvg on nodeA shows no stale partitions
    And lsvg -p sharedvg on nodeA shows hdisk2 active
    And /sharedfs/drill.txt on nodeA contains "written before the failure"
    And /sharedfs/drill.txt on nodeA contains "written during the failure"
    When I type "varyonvg sharedvg" on nodeB
    Then the last command on nodeB failed with "reserved by another host"

  @sec-6.2.4.3 @sec-3.4.5 @sec-7.2 @allure.label.story:6.2.4.3_Takeover_with_a_disk_missing
  Scenario: With a disk pulled, nodeA crashes: the takeover needs every disk
    The mirror keeps the data, but the group must still be varied on. Quorum
    is off, so varyonvg needs every disk (book 3.4.5.3), and HACMP's scripts
    never force it with -f: with pdisk0 out, nodeB's get_disk_vg_fs fails and
    the cluster managers wait in RP_FAILED (book 7.2). The administrator puts
    the disk back, varies the group on and mounts the file system by hand;
    clruncmd resumes the event: node_down_complete starts app1, and both lines
    written by nodeA are there.
    Modelling choice: clruncmd resumes after the failed script, it does not
    run it again (docs/modelling.md).

    When I pull the SSA disk pdisk0
    And I append "written during the failure" to /sharedfs/drill.txt on nodeA
    And I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows get_disk_vg_fs completed with exit status 1 since the first fault
    And hacmp.out on nodeB shows the line "0516-056" since the first fault
    And the cluster manager on nodeB is in state RP_FAILED
    And lsvg -o on nodeB does not list sharedvg
    When I wait 400 seconds
    Then hacmp.out on nodeB shows these events in order since the first fault:
      | event           | arguments |
      | node_down       | nodeA     |
      | config_too_long |           |
    When I put the SSA disk pdisk0 back
    And I type "varyonvg sharedvg" on nodeB
    And I type "mount /sharedfs" on nodeB
    And I type "clruncmd nodeB" on nodeB
    And I wait until the cluster settles
    Then the cluster manager on nodeB is in state ST_STABLE
    And rg1 is held by nodeB only
    And ps -u appuser on nodeB shows appd
    And /sharedfs/drill.txt on nodeB contains "written before the failure"
    And /sharedfs/drill.txt on nodeB contains "written during the failure"

  @sec-2.2.2 @sec-2.2.2.2 @sec-7.4 @allure.label.story:2.2.2_Target-mode_SSA_heartbeat
  Scenario: Every IP network and the RS232 cable cut: target-mode SSA keeps the nodes together
    Book 2.2.2: non-IP networks (RS232, target-mode SCSI, target-mode SSA)
    let HACMP tell a network failure from a node failure. Here every Ethernet
    cable and the RS232 cable are pulled; the keepalives still cross the SSA
    loops between the nodes' adapters (/dev/tmssa2 on nodeA, /dev/tmssa1 on
    nodeB), so nodeB sees network_down events but no node_down, and nothing
    is taken over (compare book 7.4, where the cluster partitions).

    When I pull the serial cable rs232_ab
    And I pull every network cable of nodeA and nodeB
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows no node_down event since the first fault
    And hacmp.out on nodeA shows no node_down event since the first fault
    And hacmp.out on nodeB shows these events in order since the first fault:
      | event        | arguments |
      | network_down | -1 ether1 |
    And rg1 is held by nodeA only
    And /sharedfs/drill.txt on nodeA contains "written before the failure"

  @sec-6.1.5 @allure.label.story:6.1.5_LVM_checks
  Scenario: The LVM checks of the pre-test list
    Book 6.1.5: lsvg -o and lsvg show which groups are on, quorum and
    auto-varyon (off for shared groups), lsvg -l no stale partitions, df -k
    the file systems mounted with room, lspv the PVIDs set. With quorum off,
    lsvg shows QUORUM 1. Not modelled: /etc/filesystems and lsfs, and ghost
    disks (the model never defines a disk twice).

    Then lsvg -o on nodeA lists sharedvg
    And lsvg -o on nodeB does not list sharedvg
    And lsvg sharedvg on nodeA shows "AUTO ON" no
    And lsvg sharedvg on nodeA shows "QUORUM" 1
    And lsvg sharedvg on nodeA shows "VG DESCRIPTORS" 4
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And lsvg -l sharedvg on nodeA shows sharedlv with 2 copies
    And df -k on nodeA shows /sharedfs readable
    And df -k on nodeA shows / readable
    And df -k on nodeA shows /var readable
    And lspv on nodeA shows hdisk2 with PVID 00010001a0000002 in sharedvg
    And lspv on nodeB shows hdisk6 with PVID 00010001a0000006 in sharedvg
