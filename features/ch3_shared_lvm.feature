@allure.label.epic:Chapter_3_-_Cluster_hardware_and_software_preparation
Feature: 3.4.4 and 3.4.5 Shared volume groups: import on the other nodes, and quorum
  A shared volume group is created on one node and imported on the others
  (book 3.4.4). Whether it can be varied on, and whether it stays varied
  on when disks fail, is decided by its quorum of VGDAs (book 3.4.5): each
  physical volume holds one (the only disk of a group holds two, and of two
  disks the first holds two).

  These drills run with HACMP stopped: the administrator varies the group
  on and off by hand, as while setting up. The group is sharedvg of the two-drawer
  fixture: four disks, hdisk2 and hdisk3 in drawer1, hdisk6 and hdisk7 in
  drawer2, one VGDA each; the fixture turns quorum off, the drills turn it on
  with chvg -Qy where they need it. Modelling choice (docs/modelling.md): a
  quorum change takes effect at the next varyon, as book 3.1.2 step 7 implies.

  Background:
    Given the "hotstandby_ssa" cluster is loaded

  @sec-3.4.5 @allure.label.story:3.4.5.1_Quorum_at_varyon
  Scenario: Quorum at varyon: more than half of the VGDAs with quorum on, all of them with quorum off
    Book 3.4.5.1: varyonvg succeeds when more than half of the VGDAs are
    good, and not at exactly half. Book 3.4.5.3: with quorum disabled every
    PV must be there, unless varyonvg -f forces it. What was written before
    is there at the end.

    When I type "varyonvg sharedvg" on nodeA
    And I type "mount /sharedfs" on nodeA
    And I append "written before the failures" to /sharedfs/drill.txt on nodeA
    And I type "umount /sharedfs" on nodeA
    And I type "chvg -Qy sharedvg" on nodeA
    And I type "varyoffvg sharedvg" on nodeA
    And I pull the SSA disk pdisk0
    And I type "varyonvg sharedvg" on nodeA
    Then the last command on nodeA succeeded
    And lsvg sharedvg on nodeA shows "QUORUM" 3
    And lsvg -p sharedvg on nodeA shows hdisk2 missing
    When I type "varyoffvg sharedvg" on nodeA
    And I power off drawer drawer1
    And I type "varyonvg sharedvg" on nodeA
    Then the last command on nodeA failed with "0516-052"
    And lsvg -o on nodeA does not list sharedvg
    When I power on drawer drawer1
    And I put the SSA disk pdisk0 back
    And I type "varyonvg sharedvg" on nodeA
    And I type "chvg -Qn sharedvg" on nodeA
    And I type "varyoffvg sharedvg" on nodeA
    And I pull the SSA disk pdisk0
    And I type "varyonvg sharedvg" on nodeA
    Then the last command on nodeA failed with "0516-056"
    When I type "varyonvg -f sharedvg" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -o on nodeA lists sharedvg
    When I type "mount /sharedfs" on nodeA
    Then /sharedfs/drill.txt on nodeA contains "written before the failures"

  @sec-3.4.5 @allure.label.story:3.4.5.2_Quorum_after_varyon
  Scenario: Quorum after varyon: losing half the VGDAs closes the group with quorum on, not with it off
    Book 3.4.5.2: when a write to a PV fails, the VGSAs on the other PVs note
    it; the group stays varied on while more than half of the VGDAs remain.
    A whole drawer is half the disks here: with quorum on the group closes
    (errpt: QUORUM LOST, VOLUME GROUP CLOSING) and the file system can no
    longer be written; with quorum off it stays, served by drawer2's copies.

    When I type "varyonvg sharedvg" on nodeA
    And I type "chvg -Qy sharedvg" on nodeA
    And I type "varyoffvg sharedvg" on nodeA
    And I type "varyonvg sharedvg" on nodeA
    And I type "mount /sharedfs" on nodeA
    And I append "written with quorum on" to /sharedfs/drill.txt on nodeA
    And I power off drawer drawer1
    And I type "echo more >> /sharedfs/drill.txt" on nodeA
    Then the last command on nodeA failed with "Cannot create"
    And errpt on nodeA shows "QUORUM LOST, VOLUME GROUP CLOSING"
    And lsvg -o on nodeA does not list sharedvg
    When I type "umount /sharedfs" on nodeA
    And I power on drawer drawer1
    And I type "varyonvg sharedvg" on nodeA
    And I type "chvg -Qn sharedvg" on nodeA
    And I type "varyoffvg sharedvg" on nodeA
    And I type "varyonvg sharedvg" on nodeA
    And I type "mount /sharedfs" on nodeA
    And I power off drawer drawer1
    And I append "written with quorum off" to /sharedfs/drill.txt on nodeA
    Then lsvg -o on nodeA lists sharedvg
    And lsvg -l sharedvg on nodeA shows sharedlv open/stale
    And /sharedfs/drill.txt on nodeA contains "written with quorum on"
    And /sharedfs/drill.txt on nodeA contains "written with quorum off"

  @sec-3.4.4 @allure.label.story:3.4.4_Importing_the_group_on_another_node
  Scenario: importvg on nodeB turns auto-varyon on; chvg -a n turns it off again
    Book 3.4.4: vary the group off on the source node; on the other node,
    importvg with the same name (and major number, for NFS); importvg sets
    auto-varyon to yes, which must be changed back to no (smit chvg), then
    vary the group off there. Left on, a reboot of nodeB varies the group on
    at boot and reserves its disks, so nodeA can no longer vary it on.
    clverify reports a group that is not imported on a node of its resource
    group, as well as a shared group with auto-varyon on.

    When I type "exportvg sharedvg" on nodeB
    And I type "clverify" on nodeA
    Then the last command on nodeA failed with "sharedvg of resource group rg1 is not imported on nodeB"
    When I type "importvg -y sharedvg -V 60 hdisk2" on nodeB
    Then the last command on nodeB succeeded
    And lsvg sharedvg on nodeB shows "AUTO ON" yes
    And lsvg -o on nodeB lists sharedvg
    When I type "clverify" on nodeA
    Then the last command on nodeA failed with "auto-varyon set on nodeB"
    When I type "varyoffvg sharedvg" on nodeB
    And I type "shutdown -Fr" on nodeB
    And I wait up to 600 seconds for nodeB to reboot
    Then lsvg -o on nodeB lists sharedvg
    When I type "varyonvg sharedvg" on nodeA
    Then the last command on nodeA failed with "reserved by another host"
    When I type "chvg -a n sharedvg" on nodeB
    Then lsvg sharedvg on nodeB shows "AUTO ON" no
    When I type "varyoffvg sharedvg" on nodeB
    And I type "shutdown -Fr" on nodeB
    And I wait up to 600 seconds for nodeB to reboot
    Then lsvg -o on nodeB does not list sharedvg
    When I type "varyonvg sharedvg" on nodeA
    Then the last command on nodeA succeeded
    When I type "clverify" on nodeA
    Then the last command on nodeA succeeded
