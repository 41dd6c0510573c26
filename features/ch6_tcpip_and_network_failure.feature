@allure.label.epic:Chapter_6_-_Cluster_tests
Feature: 6.2.2.3 and 6.2.3 TCP/IP subsystem and network failure
  Not every lost network is a lost node. nodeA and nodeB also exchange
  heartbeats over the RS232 serial network (rs232_ab), which needs no TCP/IP.
  While that heartbeat goes on, HACMP knows the other node is alive: losing
  the IP network gives network_down, not node_down, and by default no
  resource moves (book 2.2.2: the serial network is there so that a network
  failure is told apart from a node failure).

  HACMP runs every cluster event on every active node, so the network events
  are checked in the hacmp.out of both nodes.

  Background:
    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-6.2.2.3 @allure.label.story:6.2.2.3_TCP/IP_subsystem_failure
  Scenario: tcp.clean stops TCP/IP on nodeA: network_down, not node_down
    Book 6.2.2.3: run "sh /etc/tcp.clean" on nodeA. Expected: only
    network_down, because the heartbeat goes on over the serial network, so
    it is not a node failure; no takeover unless customised; "startsrc -g
    tcpip" gives network_up.
    Modelling choice: with TCP/IP stopped nodeA's adapters carry no traffic,
    which nodeA itself notices as the loss of its own ether1 network, so the
    event reads "network_down nodeA ether1" (a local network_down). clfindres
    is a local command: it still runs on nodeA's console.

    When I inject the fault "sh /etc/tcp.clean" on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments    |
      | network_down | nodeA ether1 |
    And hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments    |
      | network_down | nodeA ether1 |
    And clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And hacmp.out on nodeA shows no node_down event since the last action
    And hacmp.out on nodeB shows no node_down event since the last action
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    And hacmp.out on nodeA shows no swap_adapter event since the last action
    And hacmp.out on nodeA shows no fail_standby event since the last action
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
    When I type "startsrc -g tcpip" on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event      | arguments    |
      | network_up | nodeA ether1 |
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the last action

  @sec-6.2.3 @sec-2.2.2 @allure.label.story:6.2.3_Network_failure
  Scenario: Every network cable pulled: network_down for the whole network, no takeover
    Book 6.2.3: pull every network cable of the cluster nodes. Expected:
    network_down; by default HACMP takes no action (a customised action would
    run if one were defined; none is in this cluster).
    Modelling choice: when no node can reach any other on ether1, HACMP 4.3
    logs a global network_down, with -1 in place of a node name. Plugged back,
    the network comes back with network_up.

    When I pull every network cable of nodeA and nodeB
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event        | arguments |
      | network_down | -1 ether1 |
    And hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments |
      | network_down | -1 ether1 |
    And clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And lsvg -o on nodeA lists sharedvg
    And ps -u appuser on nodeA shows appd
    And hacmp.out on nodeA shows no node_down event since the last action
    And hacmp.out on nodeB shows no node_down event since the last action
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    And lsvg -o on nodeB does not list sharedvg
    When I plug every network cable of nodeA and nodeB back in
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the last action:
      | event      | arguments |
      | network_up | -1 ether1 |
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no node_down event since the last action

  @sec-6.2.3 @sec-5.1.2 @sec-5.1.3 @allure.label.story:6.2.3_Network_failure_with_a_customised_action
  Scenario: Every network cable pulled on a cluster with a customised network_down: the action runs
    Book 6.2.3: "a customised action, if one is defined, must run: check that
    it did". hotstandby_custom defines a post-event command and a notify
    command for network_down (book 5.1.2 and 5.1.3). HACMP runs them on every
    node that runs the event, notify before and after the event script and
    the post-event command after it. Modelling choice: "$*" in a command
    stands for the event name and its arguments, which HACMP passes to the
    customised scripts. Still nothing takes over: the customisation only
    writes notices.

    Given the "hotstandby_custom" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I pull every network cable of nodeA and nodeB
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments |
      | network_down | -1 ether1 |
    And /tmp/network_events.log on nodeA contains "post-event: network_down -1 ether1"
    And /tmp/network_events.log on nodeB contains "post-event: network_down -1 ether1"
    And /tmp/notify.log on nodeB contains "notify: network_down -1 ether1"
    And rg1 is held by nodeA only
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    When I plug every network cable of nodeA and nodeB back in
    And I wait until the cluster settles
    Then /tmp/network_events.log on nodeB contains "post-event: network_up -1 ether1"
