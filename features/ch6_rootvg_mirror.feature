@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 3.1.2 and 6.2.4.1 Mirrored rootvg
  A node's own disks fail too. Book 3.1.2 mirrors rootvg onto a second
  internal disk so that the node keeps running (and can boot) with either
  disk: every rootvg logical volume gets a copy on hdisk1 except the dump
  device, quorum is turned off so that one disk is enough, a boot image is
  written on hdisk1 and both disks go into the bootlist. Book 6.2.4.1 then
  pulls one of them.

  Modelling choices (docs/modelling.md): with quorum off, AIX varies rootvg on
  at boot with whatever disks answer; the firmware boots from the first disk
  of the bootlist that answers and holds a boot image; files in rootvg's file
  systems keep their content with the node, but reading and writing them goes
  through the LVM, so a disk that does not answer shows.

  @sec-3.1.2 @allure.label.story:3.1.2_Mirroring_rootvg
  Scenario: Mirroring rootvg by the book, then booting without hdisk0
    Book 3.1.2.1, step by step: extendvg rootvg hdisk1; chvg -Qn rootvg;
    mklvcopy of hd1, hd2, hd3, hd4, hd5 (the boot logical volume), hd6 (the
    paging space), hd8 (the log) and hd9var onto hdisk1; syncvg -v rootvg;
    bosboot -a -d /dev/hdisk1; bootlist -m normal hdisk0 hdisk1; shutdown -Fr
    so that quorum off takes effect. The node then survives losing
    hdisk0, and boots from hdisk1.

    Given the "hotstandby_ssa" cluster is loaded
    When I type "extendvg rootvg hdisk1" on nodeA
    And I type "chvg -Qn rootvg" on nodeA
    And I type "mklvcopy hd1 2 hdisk1" on nodeA
    And I type "mklvcopy hd2 2 hdisk1" on nodeA
    And I type "mklvcopy hd3 2 hdisk1" on nodeA
    And I type "mklvcopy hd4 2 hdisk1" on nodeA
    And I type "mklvcopy hd5 2 hdisk1" on nodeA
    And I type "mklvcopy hd6 2 hdisk1" on nodeA
    And I type "mklvcopy hd8 2 hdisk1" on nodeA
    And I type "mklvcopy hd9var 2 hdisk1" on nodeA
    Then the last command on nodeA succeeded
    And lsvg -l rootvg on nodeA shows hd4 open/stale
    When I type "syncvg -v rootvg" on nodeA
    And I type "bosboot -a -d /dev/hdisk1" on nodeA
    Then the last command on nodeA succeeded
    When I type "bootlist -m normal hdisk0 hdisk1" on nodeA
    And I type "shutdown -Fr" on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then lsvg rootvg on nodeA shows "QUORUM" 1
    And lsvg -l rootvg on nodeA shows hd1 with 2 copies
    And lsvg -l rootvg on nodeA shows hd2 with 2 copies
    And lsvg -l rootvg on nodeA shows hd3 with 2 copies
    And lsvg -l rootvg on nodeA shows hd4 with 2 copies
    And lsvg -l rootvg on nodeA shows hd5 with 2 copies
    And lsvg -l rootvg on nodeA shows hd6 with 2 copies
    And lsvg -l rootvg on nodeA shows hd8 with 2 copies
    And lsvg -l rootvg on nodeA shows hd9var with 2 copies
    And lsvg -l rootvg on nodeA shows no stale partitions
    And bootlist -m normal -o on nodeA lists hdisk0 and hdisk1
    When I pull hdisk0 out of nodeA
    And I wait 70 seconds
    Then AIX on nodeA is running
    And lsvg -l rootvg on nodeA shows hd4 open/stale
    When I type "shutdown -Fr" on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    And I wait 70 seconds
    Then AIX on nodeA is running
    And lsvg -p rootvg on nodeA shows hdisk0 missing
    And df -k on nodeA shows / readable
    And df -k on nodeA shows /usr readable
    And df -k on nodeA shows /var readable
    And df -k on nodeA shows /tmp readable
    And df -k on nodeA shows /home readable
    And lsps -a on nodeA shows hd6 active

  @sec-3.1.2 @allure.label.story:3.1.2_Rootvg_on_one_disk
  Scenario: Without the mirror, losing hdisk0 leaves nothing to boot from
    The other side of book 3.1.2: rootvg on one disk. Pull it and reboot:
    no disk of the bootlist can be booted, the firmware gives up, and AIX
    does not come back. (The LED the model shows is [U].)

    Given the "hotstandby_ssa" cluster is loaded
    When I pull hdisk0 out of nodeA
    And I type "shutdown -Fr" on nodeA
    And I wait 300 seconds
    Then AIX on nodeA is halted
    And the LED of nodeA shows E1F1

  @sec-3.1.2 @allure.label.story:3.1.2_Quorum_still_on
  Scenario: Mirrored but quorum still on: losing hdisk0 brings rootvg down, and it cannot boot
    Book 3.1.2 turns quorum off and reboots "so that quorum off works".
    Skip both: with two disks, hdisk0 holds two of the three VGDAs, so losing
    it loses the quorum (book 3.4.5.2). rootvg closes, the paging space can
    no longer be written and the kernel panics (LED 888). At the next boot
    the firmware starts from hdisk1, but rootvg cannot be varied on without
    a quorum: the boot stops at LED 552.

    Given the "hotstandby_ssa" cluster is loaded
    When I type "extendvg rootvg hdisk1" on nodeA
    And I type "mklvcopy hd2 2 hdisk1" on nodeA
    And I type "mklvcopy hd4 2 hdisk1" on nodeA
    And I type "mklvcopy hd5 2 hdisk1" on nodeA
    And I type "mklvcopy hd6 2 hdisk1" on nodeA
    And I type "mklvcopy hd8 2 hdisk1" on nodeA
    And I type "mklvcopy hd9var 2 hdisk1" on nodeA
    And I type "syncvg -v rootvg" on nodeA
    And I type "bosboot -a -d /dev/hdisk1" on nodeA
    And I type "bootlist -m normal hdisk0 hdisk1" on nodeA
    Then lsvg rootvg on nodeA shows "QUORUM" 2
    When I pull hdisk0 out of nodeA
    And I wait 70 seconds
    Then the LED of nodeA shows 888
    When I power off nodeA
    And I power on nodeA
    And I wait 300 seconds
    Then AIX on nodeA is halted
    And the LED of nodeA shows 552

  @sec-3.1.2 @allure.label.story:3.1.2_Quorum_off_takes_effect_at_reboot
  Scenario: chvg -Qn on rootvg without the reboot: the running rootvg still has quorum on
    Book 3.1.2 step 7: shutdown -Fr "so that quorum off works". The change
    is written at once, but the varied-on rootvg keeps the quorum it had at
    varyon (docs/modelling.md). Pulling hdisk0 before that reboot loses the
    quorum all the same and the node panics.

    Given the "hotstandby_ssa" cluster is loaded
    When I type "extendvg rootvg hdisk1" on nodeA
    And I type "chvg -Qn rootvg" on nodeA
    And I type "mklvcopy hd2 2 hdisk1" on nodeA
    And I type "mklvcopy hd4 2 hdisk1" on nodeA
    And I type "mklvcopy hd6 2 hdisk1" on nodeA
    And I type "mklvcopy hd8 2 hdisk1" on nodeA
    And I type "mklvcopy hd9var 2 hdisk1" on nodeA
    And I type "syncvg -v rootvg" on nodeA
    Then lsvg rootvg on nodeA shows "QUORUM" 1
    When I pull hdisk0 out of nodeA
    And I wait 70 seconds
    Then the LED of nodeA shows 888

  @sec-3.1.2 @allure.label.story:3.1.2_No_boot_image_on_hdisk1
  Scenario: Mirrored without bosboot on hdisk1: with hdisk0 gone the node cannot boot
    Book 3.1.2 step 5: bosboot -a -d on the new disk, before step 6 puts it
    in the bootlist. Without the boot image, hdisk1 holds a copy of hd5 but
    the firmware has nothing to load from it: with hdisk0 gone the node does
    not boot, although rootvg itself could be varied on. With hdisk0 back,
    it boots again.

    Given the "hotstandby_ssa" cluster is loaded
    When I type "extendvg rootvg hdisk1" on nodeA
    And I type "chvg -Qn rootvg" on nodeA
    And I type "mirrorvg rootvg hdisk1" on nodeA
    And I type "bootlist -m normal hdisk0 hdisk1" on nodeA
    And I type "shutdown -Fr" on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then lsvg -l rootvg on nodeA shows hd5 with 2 copies
    When I pull hdisk0 out of nodeA
    And I type "shutdown -Fr" on nodeA
    And I wait 300 seconds
    Then AIX on nodeA is halted
    And the LED of nodeA shows E1F1
    When I power off nodeA
    And I put hdisk0 back into nodeA
    And I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then AIX on nodeA is running

  @sec-6.2.4.1 @allure.label.story:6.2.4.1_Mirrored_rootvg_disk_failure
  Scenario: One disk of a mirrored rootvg is pulled; the node reboots from the other
    Book 6.2.4.1: bootlist -m normal -o lists hdisk0 and hdisk1; pull hdisk0
    (or its power) while the node runs; errpt -a shows the errors; the file
    systems, paging space, df and lsps -a are fine; smit clstop, then
    shutdown -F and a restart must work (here shutdown -Fr); power off, plug
    the disk back, power on: lsvg -l rootvg shows no stale logical volume.
    The dump device hd7 is not mirrored (book 3.1.2). HACMP on nodeB sees
    nothing: no node_down, rg1 stays on nodeA until its services are
    stopped; the drill stops them with takeover (the book does not say which
    mode), so nodeB holds rg1 during the reboot.

    Given the "hotstandby_rootvg" cluster is loaded
    And cluster services are started on nodeA and nodeB
    Then bootlist -m normal -o on nodeA lists hdisk0 and hdisk1
    And sysdumpdev -l on nodeA shows primary /dev/hd7
    And lsvg -l rootvg on nodeA shows hd7 with 1 copies
    And lsvg rootvg on nodeA shows "QUORUM" 1
    When I pull hdisk0 out of nodeA
    And I wait 60 seconds
    Then errpt on nodeA shows "DISK OPERATION ERROR"
    And errpt on nodeA shows "PHYSICAL VOLUME DECLARED MISSING"
    And lsvg -l rootvg on nodeA shows hd4 open/stale
    And lsvg -p rootvg on nodeA shows hdisk0 missing
    And df -k on nodeA shows / readable
    And df -k on nodeA shows /var readable
    And lsps -a on nodeA shows hd6 active
    And AIX on nodeA is running
    And hacmp.out on nodeB shows no node_down event since the first fault
    And clfindres on nodeB shows rg1 UP on nodeA
    When I append "written with one rootvg disk" to /home/drill.txt on nodeA
    Then /home/drill.txt on nodeA contains "written with one rootvg disk"
    When I stop cluster services on nodeA gracefully with takeover
    And I wait until the cluster settles
    And I type "shutdown -Fr" on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then AIX on nodeA is running
    And clfindres on nodeB shows rg1 UP on nodeB
    When I power off nodeA
    And I put hdisk0 back into nodeA
    And I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then lsvg -p rootvg on nodeA shows hdisk0 active
    And lsvg -l rootvg on nodeA shows no stale partitions
    And /home/drill.txt on nodeA contains "written with one rootvg disk"
