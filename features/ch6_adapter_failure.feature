@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 6.2.1 Network adapter failure
  The first failure drills of the book's test chapter break nodeA's service
  adapter while the cluster runs. Cluster "hotstandby": nodeA holds the
  cascading group rg1 with the service label nodeA_svc (192.168.10.1) on en0,
  with hardware address takeover (HWAT: locally administered MAC
  42:00:c0:a8:0a:01); en1 is nodeA's standby adapter (nodeA_stby,
  192.168.20.1). nodeB waits as the hot standby. client1 sits on hub1.

  HACMP answers a failed service adapter with swap_adapter: the standby
  adapter of the same node takes over the service address and, with HWAT, the
  MAC too, so clients keep talking to the same hardware address. The failed
  adapter gets the standby address. No node fails, so nothing moves to nodeB.

  Background:
    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-6.2.1.1 @allure.label.story:6.2.1.1_Service_interface_down
  Scenario: ifconfig takes the service interface down, then the standby
    Book 6.2.1.1: type "ifconfig en0 down" on the service adapter of nodeA.
    Expected: swap_adapter; the standby en1 takes the service IP and the MAC;
    the old service interface en0 becomes the standby. Then "ifconfig en1 down"
    swaps them back.
    Modelling choice: the model logs swap_adapter with the node, the network,
    the service address, as HACMP 4.3 does ("swap_adapter nodeA ether1
    192.168.10.1"), followed by swap_adapter_complete.

    When I inject the fault "ifconfig en0 down" on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event                 | arguments    |
      | swap_adapter          | nodeA ether1 |
      | swap_adapter_complete | nodeA ether1 |
    And netstat -in on nodeA shows 192.168.10.1 on en1
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en1
    And netstat -in on nodeA shows 192.168.20.1 on en0
    And the service label nodeA_svc is on nodeA en1
    And client1 pings nodeA_svc without loss
    And the ARP entry of client1 for nodeA_svc is 42:00:c0:a8:0a:01
    And clfindres on nodeA shows rg1 UP on nodeA
    And hacmp.out on nodeB shows no node_down event since the last action
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    When I inject the fault "ifconfig en1 down" on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event                 | arguments    |
      | swap_adapter          | nodeA ether1 |
      | swap_adapter_complete | nodeA ether1 |
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en0
    And netstat -in on nodeA shows 192.168.20.1 on en1
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the last action

  @sec-6.2.1.2 @allure.label.story:6.2.1.2_Adapter_or_cable_failure
  Scenario: Pull the service adapter's cable, plug it back, pull the standby's cable
    Book 6.2.1.2: pull the cable of the service adapter. Expected: the standby
    takes the IP and the MAC; plugged back, the old service interface is now
    the standby (join_standby); pulling the (old) standby's cable brings the
    original layout back; then plug it back.

    When I pull the cable of nodeA en0
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments    |
      | swap_adapter | nodeA ether1 |
    And netstat -in on nodeA shows 192.168.10.1 on en1
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en1
    And netstat -in on nodeA shows 192.168.20.1 on en0
    And client1 pings nodeA_svc without loss
    And hacmp.out on nodeB shows no node_down event since the last action
    When I plug the cable of nodeA en0 back in
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | join_standby | nodeA 192.168.20.1 |
    And netstat -in on nodeA shows 192.168.20.1 on en0
    And netstat -in on nodeA shows 192.168.10.1 on en1
    When I pull the cable of nodeA en1
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments    |
      | swap_adapter | nodeA ether1 |
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en0
    And netstat -in on nodeA shows 192.168.20.1 on en1
    When I plug the cable of nodeA en1 back in
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | join_standby | nodeA 192.168.20.1 |
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the last action
