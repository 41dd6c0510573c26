@allure.label.epic:Chapter_8_-_Cluster_management
Feature: 8.4.2 Lazy update and 8.7.1 split-mirror backup
  Changing a shared volume group on the node that has it varied on changes
  the VGDA on the disks, but not what the other nodes recorded when they
  imported it. HACMP notices at takeover (lazy update, book 8.4.2). A mirror
  can also be split to back up a consistent copy while the application runs
  on the other (book 8.7.1).

  Modelling choices (docs/modelling.md): the lazy update's exportvg,
  importvg and chvg take 90 s plus 20 s per logical volume [U: "a few minutes"]; the
  VGDA time stamp changes with every change of layout (mklvcopy, rmlvcopy,
  splitlvcopy, chvg -Q, extendvg, crfs).

  @sec-8.4.2 @allure.label.story:8.4.2_Lazy_update
  Scenario: nodeA changes the group: nodeB re-imports it before its takeover
    Book 8.4.2: when HACMP varies a group on, it compares the VGDA time stamp
    with the one it keeps in /usr/sbin/cluster/etc/vg; if they differ it
    exports and imports the group first, which makes the takeover minutes
    longer. Here nodeA adds a third copy of sharedlv and a new file system,
    /newfs, on a new logical volume. nodeB's ODM and /etc/filesystems know
    neither. After nodeA crashes, nodeB's get_disk_vg_fs runs the lazy update
    (exportvg, importvg through the first disk it knows, chvg -an), after
    which nodeB can mount /newfs: without the import, mount would not know it.

    Given the "hotstandby_ssa" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the change" has been appended to /sharedfs/drill.txt on nodeA
    When I type "mklvcopy sharedlv 3 hdisk3" on nodeA
    And I type "syncvg -v sharedvg" on nodeA
    And I type "mklv -y newlv -t jfs sharedvg 8 hdisk7" on nodeA
    And I type "crfs -v jfs -d newlv -m /newfs" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -l sharedvg on nodeA shows sharedlv with 3 copies
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows the line "lazy update" since the first fault
    And hacmp.out on nodeB shows the line "exportvg sharedvg" since the first fault
    And hacmp.out on nodeB shows the line "importvg -y sharedvg -V 60 hdisk2" since the first fault
    And hacmp.out on nodeB shows get_disk_vg_fs taking at least 120 seconds since the first fault
    And hacmp.out on nodeB shows get_disk_vg_fs completed with exit status 0 since the first fault
    And clfindres on nodeB shows rg1 UP on nodeB
    And lsvg sharedvg on nodeB shows "AUTO ON" no
    And /sharedfs/drill.txt on nodeB contains "written before the change"
    When I type "mount /newfs" on nodeB
    Then the last command on nodeB succeeded

  @sec-8.4.2 @allure.label.story:8.4.2_No_change_no_lazy_update
  Scenario: Without a change, the takeover needs no lazy update
    The same takeover without a change to the group: the time stamps
    agree, and get_disk_vg_fs is a matter of seconds.

    Given the "hotstandby_ssa" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows get_disk_vg_fs taking less than 30 seconds since the first fault
    And clfindres on nodeB shows rg1 UP on nodeB

  @sec-8.7.1 @allure.label.story:8.7.1_Split_mirror_backup
  Scenario: Split-mirror backup of /sharedfs
    Book 8.7.1: find the LV with lsvg -l; stop the application and unmount
    the file system (the LV needs at least one mirror); splitlvcopy -y newlv
    fslv; mount the file system and restart the application; declare newlv
    as a file system (the book adds it to /etc/filesystems) and mount it
    read-only; back it up; remove newlv; mklvcopy fslv again and synchronise.
    The backup holds what was there at the split, not what was written after.
    Here HACMP is stopped and the administrator varies the group on by hand.
    The split copy is mounted from its device (mount -o ro /dev/backuplv),
    which is what the /etc/filesystems stanza amounts to; crfs would run
    mkfs and wipe it.

    Given the "hotstandby_ssa" cluster is loaded
    When I type "varyonvg sharedvg" on nodeA
    And I type "mount /sharedfs" on nodeA
    And I append "written before the split" to /sharedfs/drill.txt on nodeA
    And I type "umount /sharedfs" on nodeA
    And I type "splitlvcopy -y backuplv sharedlv 1" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -l sharedvg on nodeA shows sharedlv with 1 copies
    When I type "mount /sharedfs" on nodeA
    And I append "written after the split" to /sharedfs/drill.txt on nodeA
    And I type "mount -o ro /dev/backuplv /backup" on nodeA
    Then the last command on nodeA succeeded
    And /backup/drill.txt on nodeA contains "written before the split"
    And /backup/drill.txt on nodeA does not contain "written after the split"
    When I type "echo no > /backup/drill.txt" on nodeA
    Then the last command on nodeA failed with "Cannot create"
    When I type "umount /backup" on nodeA
    And I type "rmlv -f backuplv" on nodeA
    And I type "mklvcopy sharedlv 2 hdisk6" on nodeA
    And I type "syncvg -v sharedvg" on nodeA
    Then lsvg -l sharedvg on nodeA shows sharedlv with 2 copies
    And lsvg -l sharedvg on nodeA shows no stale partitions
    And /sharedfs/drill.txt on nodeA contains "written after the split"

  @sec-8.4.2 @sec-7.2 @allure.label.story:8.4.2_Lazy_update_after_the_first_disk_was_replaced
  Scenario: The first disk of the group was replaced: the lazy update's importvg fails
    Book 8.4.2, note (1): if the first disk of the shared group was
    replaced, the lazy update's import fails, because importvg reads the
    VGDA through the first disk the node's ODM knows, whose PVID is no longer
    in the group. Here nodeA replaces hdisk2 by hdisk3 on line, with
    migratepv and reducevg. After nodeA crashes, nodeB's get_disk_vg_fs
    fails, and the cluster waits in RP_FAILED. The administrator imports the group
    through another of its disks, turns auto-varyon off, mounts the file
    system and resumes with clruncmd.

    Given the "hotstandby_ssa" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And "written before the change" has been appended to /sharedfs/drill.txt on nodeA
    When I type "migratepv hdisk2 hdisk3" on nodeA
    And I type "reducevg sharedvg hdisk2" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -l sharedvg on nodeA shows no stale partitions
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows get_disk_vg_fs completed with exit status 1 since the first fault
    And the cluster manager on nodeB is in state RP_FAILED
    When I type "importvg -y sharedvg -V 60 hdisk6" on nodeB
    And I type "chvg -a n sharedvg" on nodeB
    And I type "mount /sharedfs" on nodeB
    And I type "clruncmd nodeB" on nodeB
    And I wait until the cluster settles
    Then the cluster manager on nodeB is in state ST_STABLE
    And rg1 is held by nodeB only
    And /sharedfs/drill.txt on nodeB contains "written before the change"
