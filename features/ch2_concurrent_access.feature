@allure.label.epic:Chapter_2_-_Cluster_planning
Feature: 2.4.1 and 2.4.2.2 Concurrent access on 7133 SSA
  A concurrent resource group is online on every node of the group at once:
  each node varies the concurrent-capable volume group on in concurrent mode
  (no disk reserve) and the applications write raw logical volumes. Nothing
  is ever taken over: when a node fails, the others simply go on (book 2.4.1).
  The 7133 allows up to eight nodes on a loop, the 7135 four (book 2.4.2.2);
  with more than two adapters on a loop the disks are mirrored by the LVM,
  not by RAID (book 2.3.1.3), and quorum must stay on (book 3.4.5).

  Modelling choice (docs/modelling.md): an application's raw I/O is written
  here with dd, one 512-byte block at a time.

  Background:
    Given the "concurrent4" cluster is loaded
    And cluster services are started on nodeA, nodeB, nodeC and nodeD

  @sec-2.4.1 @sec-2.4.2.2 @allure.label.story:2.4.2.2_Concurrent_access
  Scenario: Four nodes share concvg; one fails and the others go on without a takeover
    Book 2.4.1: concurrent resource groups have no takeover, every node
    reaches the resources. Each node lists concvg among its varied-on
    groups; what one node writes, another reads. When nodeA loses power the
    other three keep the group online and run no get_disk_vg_fs.

    Then clfindres on nodeA shows concurrent group concrg UP on nodeA, nodeB, nodeC and nodeD
    And lsvg -o on nodeA lists concvg
    And lsvg -o on nodeB lists concvg
    And lsvg -o on nodeC lists concvg
    And lsvg -o on nodeD lists concvg
    And lsvg concvg on nodeC shows "VG Mode" Concurrent
    When I write "written by nodeA" to block 3 of /dev/rconclv on nodeA
    Then block 3 of /dev/rconclv on nodeC reads "written by nodeA"
    When I power off nodeA
    And I wait until the cluster settles
    Then clfindres on nodeB shows concurrent group concrg UP on nodeB, nodeC and nodeD
    And hacmp.out on nodeB shows no get_disk_vg_fs event since the first fault
    And hacmp.out on nodeD shows no get_disk_vg_fs event since the first fault
    When I write "written by nodeB after the failure" to block 4 of /dev/rconclv on nodeB
    Then block 3 of /dev/rconclv on nodeD reads "written by nodeA"
    And block 4 of /dev/rconclv on nodeC reads "written by nodeB after the failure"

  @sec-2.4.2.2 @sec-3.4.5 @sec-6.2.4.3 @allure.label.story:2.4.2.2_Concurrent_mirror_disk_failure
  Scenario: A mirrored disk of the concurrent group is pulled: every node still reads and writes
    The raw logical volume has a copy in each drawer. With pdisk0 (hdisk2)
    pulled, three of the four VGDAs remain, more than half, so the group
    stays online on every node (book 3.4.5.2); the copy in drawer2 serves
    reads and writes. After the disk is back, syncvg on one node brings the
    stale copy up to date for all.

    When I write "written before the failure" to block 5 of /dev/rconclv on nodeA
    And I pull the SSA disk pdisk0
    And I write "written during the failure" to block 6 of /dev/rconclv on nodeB
    And I write "written by nodeA during the failure" to block 7 of /dev/rconclv on nodeA
    And I write "written by nodeC during the failure" to block 8 of /dev/rconclv on nodeC
    And I write "written by nodeD during the failure" to block 9 of /dev/rconclv on nodeD
    Then lsvg -o on nodeA lists concvg
    And lsvg -o on nodeB lists concvg
    And lsvg -o on nodeC lists concvg
    And lsvg -o on nodeD lists concvg
    And lsvg -l concvg on nodeB shows conclv closed/stale
    And block 5 of /dev/rconclv on nodeD reads "written before the failure"
    And block 6 of /dev/rconclv on nodeC reads "written during the failure"
    And block 7 of /dev/rconclv on nodeB reads "written by nodeA during the failure"
    And block 8 of /dev/rconclv on nodeD reads "written by nodeC during the failure"
    And block 9 of /dev/rconclv on nodeA reads "written by nodeD during the failure"
    When I put the SSA disk pdisk0 back
    And I type "syncvg -v concvg" on nodeB
    Then lsvg -l concvg on nodeA shows no stale partitions
    And block 6 of /dev/rconclv on nodeA reads "written during the failure"

  @sec-3.4.5 @sec-2.4.2.2 @allure.label.story:3.4.5_Concurrent_access_needs_quorum
  Scenario: clverify refuses a concurrent volume group with quorum off
    Book 3.4.5: quorum must be enabled for concurrent access; disabling it
    risks corrupting the data. clverify checks it: after chvg -Qn on the
    concurrent group it reports the error, after chvg -Qy it is clean again.

    When I type "clverify" on nodeA
    Then the last command on nodeA succeeded
    When I type "chvg -Qn concvg" on nodeA
    And I type "clverify" on nodeA
    Then the last command on nodeA failed with "concurrent access needs quorum on"
    When I type "chvg -Qy concvg" on nodeA
    And I type "clverify" on nodeA
    Then the last command on nodeA succeeded
