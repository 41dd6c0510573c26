@allure.label.epic:Chapter_3_-_Cluster_hardware_and_software_preparation
Feature: 3.2.1.1 Two hubs for the service and the standby adapters
  Book 3.2.1.1 cables the service adapters to one hub and the standby
  adapters to another, the two hubs linked. In cluster "hotstandby" the
  service adapters (en0 of both nodes) are on hub1, the standby adapters
  (en1) on hub2, and hub2 is uplinked to hub1. The book expects: hub 1
  fails, swap_adapter; hub 2 fails, fail_standby (with a notify).

  Modelling choice: after hub1 has failed and been repaired, the service
  addresses sit on en1 (on hub2), so failing hub2 next would swap them
  again. The book's two cases therefore start from the same running cluster,
  as two drills. client1 is cabled to hub1 in this fixture, so it loses the
  service while hub1 is down; the book's clients would sit on the service
  network's own hub, beyond this drill.

  Background:
    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-3.2.1.1 @allure.label.story:3.2.1.1_Hub_of_the_service_adapters_fails
  Scenario: Hub 1 (service adapters) fails: swap_adapter on both nodes
    Book 3.2.1.1: hub 1 fails, swap_adapter. Both nodes lose their service
    adapter at once, and each moves its own service address (with its MAC,
    HWAT) to its standby adapter on hub2. Nobody fails as a node: the
    adapters on hub2 and the serial link still carry heartbeats. Repaired,
    the en0 adapters come back as standbys (join_standby).
    When hub hub1 fails
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments    |
      | swap_adapter | nodeA ether1 |
    And hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments    |
      | swap_adapter | nodeB ether1 |
    And netstat -in on nodeA shows 192.168.10.1 on en1
    And netstat -in on nodeB shows 192.168.10.2 on en1
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en1
    And client1 cannot ping nodeA_svc
    And rg1 is held by nodeA only
    And hacmp.out on nodeA shows no node_down event since the last action
    And hacmp.out on nodeB shows no node_down event since the last action
    When hub hub1 is repaired
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | join_standby | nodeA 192.168.20.1 |
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the first fault

  @sec-3.2.1.1 @allure.label.story:3.2.1.1_Hub_of_the_standby_adapters_fails
  Scenario: Hub 2 (standby adapters) fails: fail_standby on both nodes
    Book 3.2.1.1: hub 2 fails, fail_standby. Every node loses its standby
    adapter; the service addresses stay on en0 (hub1), clients keep the
    service, and every node runs fail_standby for each lost standby (HACMP
    runs each event on every active node). Repaired: join_standby.
    When hub hub2 fails
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | fail_standby | nodeA 192.168.20.1 |
    And hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | fail_standby | nodeB 192.168.20.2 |
    And hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments          |
      | fail_standby | nodeB 192.168.20.2 |
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeB shows 192.168.10.2 on en0
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeA shows no swap_adapter event since the last action
    And hacmp.out on nodeB shows no swap_adapter event since the last action
    And hacmp.out on nodeB shows no node_down event since the last action
    When hub hub2 is repaired
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments          |
      | join_standby | nodeA 192.168.20.1 |
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the first fault
