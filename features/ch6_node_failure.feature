@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 6.2.2 Node failure and reintegration
  The book's node failure drills stop nodeA as a whole: AIX crashes, or the
  CPU dies (power off). HACMP on nodeB sees nodeA missing on every network,
  the serial RS232 heartbeat included, so it is a node failure: nodeB runs
  node_down for nodeA and takes over rg1 (service address with its MAC,
  volume group sharedvg with /sharedfs, application server app1). rg1 is
  cascading with nodeA first in its node list, so when nodeA comes back and
  starts HACMP it takes rg1 back (reintegration, the second takeover).

  The administrator checks the takeover the way the book lists: netstat -i,
  ping from a client, lsvg -o, a file edited on the shared file system, and
  ps -u for the application's user. The client's ARP entry is read before
  it pings again: it must still name the right hardware address, learnt
  before the failure (HWAT moved that MAC to nodeB).

  Background:
    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-6.2.2.1 @sec-5.1.1 @allure.label.story:6.2.2.1_AIX_crash
  Scenario: AIX crash on nodeA, takeover by nodeB, nodeA reboots and takes rg1 back
    Book 6.2.2.1: on an SMP node enable fast reboot with "mpcfg -cf 11 1";
    next, crash AIX with "cat /etc/hosts > /dev/kmem". Expected: nodeA halts
    with LED 888; nodeB takes over (check netstat -i, ping, lsvg -o, edit a
    file, ps -u of the application user); nodeA restarts, HACMP is started on
    it again, it reintegrates and takes its resources back (cascading).
    Book 5.1.1 gives the takeover node's events: node_down, node_down_remote
    (acquire_takeover_addr, get_disk_vg_fs), node_down_complete (start_server).
    nodeB puts nodeA_svc on its standby adapter, which is then no longer
    available as a standby: book 5.1.1.3 says fail_standby runs once IPAT
    has turned the standby into a service adapter, and join_standby runs
    once it is given back at reintegration.
    Modelling choice: after the dump the SMP node reboots by itself (fast
    reboot) but HACMP is not in /etc/inittab, so AIX comes up on its boot
    address and the administrator starts HACMP by hand.

    Given fast reboot after a crash is enabled on nodeA with "mpcfg -cf 11 1"
    And "written on nodeA before the crash" has been appended to /sharedfs/drill.txt on nodeA
    Then client1 pings nodeA_svc without loss
    And the ARP entry of client1 for nodeA_svc is 42:00:c0:a8:0a:01
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    Then the LED of nodeA shows 888
    When I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments          |
      | node_down             | nodeA              |
      | node_down_remote      | nodeA              |
      | acquire_takeover_addr | nodeA_svc          |
      | get_disk_vg_fs        | sharedvg           |
      | node_down_complete    | nodeA              |
      | start_server          | app1               |
      | fail_standby          | nodeB 192.168.20.2 |
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And netstat -in on nodeB shows the hardware address 42:00:c0:a8:0a:01 on en1
    And the ARP entry of client1 for nodeA_svc is 42:00:c0:a8:0a:01
    And the ARP entry of client1 for nodeA_svc is the hardware address of the adapter holding it
    And client1 pings nodeA_svc without loss
    And lsvg -o on nodeB lists sharedvg
    And /sharedfs/drill.txt on nodeB contains "written on nodeA before the crash"
    And ps -u appuser on nodeB shows appd
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And hacmp.out on nodeB shows no config_too_long event since the last action
    When I append "edited on nodeB after the takeover" to /sharedfs/drill.txt on nodeB
    Then /sharedfs/drill.txt on nodeB contains "edited on nodeB after the takeover"
    When I wait up to 600 seconds for nodeA to reboot
    Then AIX on nodeA is running
    And the LED of nodeA is blank
    And netstat -in on nodeA shows 192.168.10.11 on en0
    When I start cluster services on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments          |
      | node_up               | nodeA              |
      | node_up_remote        | nodeA              |
      | release_takeover_addr | nodeA_svc          |
      | stop_server           | app1               |
      | release_vg_fs         | sharedvg           |
      | join_standby          | nodeB 192.168.20.2 |
    And clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeB does not show 192.168.10.1
    And lsvg -o on nodeA lists sharedvg
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeA shows appd
    And ps -u appuser on nodeB shows no appd
    And /sharedfs/drill.txt on nodeA contains "edited on nodeB after the takeover"
    And client1 pings nodeA_svc without loss

  @sec-6.2.2.2 @allure.label.story:6.2.2.2_CPU_failure
  Scenario: CPU failure: nodeA is powered off, nodeB takes over, nodeA comes back
    Book 6.2.2.2: power nodeA off. Expected: nodeB takes over as in 6.2.2.1,
    its standby adapter taken for nodeA's address (fail_standby, book 5.1.1.3).
    After power on, AIX boots, HACMP is started by hand and nodeA takes rg1
    back (cascading fallback).

    Given client1 has talked to nodeA_svc
    When I power off nodeA
    And I wait until the cluster settles
    Then AIX on nodeA is off
    And hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments          |
      | node_down             | nodeA              |
      | node_down_remote      | nodeA              |
      | acquire_takeover_addr | nodeA_svc          |
      | get_disk_vg_fs        | sharedvg           |
      | node_down_complete    | nodeA              |
      | start_server          | app1               |
      | fail_standby          | nodeB 192.168.20.2 |
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And the ARP entry of client1 for nodeA_svc is the hardware address of the adapter holding it
    And client1 pings nodeA_svc without loss
    And lsvg -o on nodeB lists sharedvg
    And ps -u appuser on nodeB shows appd
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And hacmp.out on nodeB shows no config_too_long event since the last action
    When I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then AIX on nodeA is running
    When I start cluster services on nodeA
    And I wait until the cluster settles
    Then clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
    And client1 pings nodeA_svc without loss
