@allure.label.epic:Chapter_8_-_Cluster_management
Feature: 8.2 Stopping cluster services: graceful, with takeover, forced
  HACMP 4.3 stops its cluster services in one of three modes (book 8.2.3,
  typed here as "smit clstop graceful", "smit clstop takeover" and "smit
  clstop forced"):

  - graceful: the node releases its resources and nobody takes them over;
  - graceful with takeover: the node releases its resources and the next
    node in each group's node list takes them over;
  - forced (HACMP classic only): the daemons stop, the resources stay where
    they are, and nobody takes them over.

  The cluster is "hotstandby_custom": the hot standby cluster with a
  customised post-event command for node_down (book 5.1.2) that appends a
  line to /tmp/node_events.log on every node running the event, so each
  stop mode also shows whether the customised processing ran.

  Background:
    Given the "hotstandby_custom" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-8.2 @allure.label.story:8.2_Graceful_stop
  Scenario: Graceful stop on nodeA: rg1 goes down and nobody takes it over
    Book 8.2: a graceful stop releases the node's resources; nobody takes
    them over. nodeA runs node_down_local (stop_server, release_vg_fs,
    release_service_addr), so its service adapter is back on its boot address.

    When I stop cluster services on nodeA gracefully
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event     | arguments      |
      | node_down | nodeA graceful |
    And lssrc -g cluster on nodeA shows clstrmgr inoperative
    And clfindres on nodeB shows rg1 DOWN
    And rg1 is held by no node
    And netstat -in on nodeA shows 192.168.10.11 on en0
    And lsvg -o on nodeA does not list sharedvg
    And ps -u appuser on nodeA shows no appd
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    And /tmp/node_events.log on nodeB contains "post-event: node_down nodeA graceful"
    And lsvg -o on nodeB does not list sharedvg
    And netstat -in on nodeB does not show 192.168.10.1

  @sec-8.2 @sec-4.4.3 @allure.label.story:8.2_Graceful_stop_with_takeover
  Scenario: Graceful stop with takeover on nodeA: nodeB takes rg1 over
    Book 8.2: graceful with takeover releases the resources and the takeover
    node acquires them. Book 4.4.3 uses this stop to test takeover.
    The mode word HACMP adds after the node name differs between releases,
    so the drill only asks for "node_down nodeA". nodeB puts nodeA_svc on its
    standby adapter, which is then no longer a standby (fail_standby, book
    5.1.1.3).

    When I stop cluster services on nodeA gracefully with takeover
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments          |
      | node_down             | nodeA              |
      | acquire_takeover_addr | nodeA_svc          |
      | get_disk_vg_fs        | sharedvg           |
      | start_server          | app1               |
      | fail_standby          | nodeB 192.168.20.2 |
    And lssrc -g cluster on nodeA shows clstrmgr inoperative
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And lsvg -o on nodeB lists sharedvg
    And ps -u appuser on nodeB shows appd
    And lsvg -o on nodeA does not list sharedvg
    And ps -u appuser on nodeA shows no appd
    And client1 pings nodeA_svc without loss

  @sec-8.2 @sec-5.1.2 @allure.label.story:8.2_Forced_stop
  Scenario: Forced stop on nodeA: resources stay on nodeA, nobody takes over
    Book 8.2: a forced stop (HACMP classic) stops the cluster daemons only:
    the resources stay where they are and nobody takes them over. Book 5.1.2
    adds that a forced node_down runs no pre/post-event commands: the
    node_down post-event of this cluster must not run.
    Modelling choice: nodeB still runs node_down for nodeA (with the word
    "forced"), so it knows nodeA left, but acquires nothing.

    When I stop cluster services on nodeA forcefully
    And I wait until the cluster settles
    Then lssrc -g cluster on nodeA shows clstrmgr inoperative
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And lsvg -o on nodeA lists sharedvg
    And ps -u appuser on nodeA shows appd
    And rg1 is held by nodeA only
    And client1 pings nodeA_svc without loss
    And hacmp.out on nodeB shows no acquire_takeover_addr event since the last action
    And hacmp.out on nodeB shows no get_disk_vg_fs event since the last action
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
    And netstat -in on nodeB does not show 192.168.10.1
    And /tmp/node_events.log on nodeB does not contain "post-event: node_down nodeA forced"

  @sec-8.2 @allure.label.story:8.2_clstrmgr_killed
  Scenario: kill -9 of the cluster manager on nodeA: clexit.rc halts nodeA and nodeB takes over
    Book 8.2.3.3: if SRC sees a cluster daemon end abnormally it runs
    /usr/sbin/cluster/utilities/clexit.rc, which halts the node to avoid
    unpredictable results; so never stop clstrmgr with kill -9. The other
    node then sees a node failure and takes over. clexit.rc leaves an
    OPERATOR NOTIFICATION in nodeA's error log, read after nodeA is back.

    When I kill the cluster manager on nodeA with kill -9
    And I wait until the cluster settles
    Then AIX on nodeA is halted
    And hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments |
      | node_down             | nodeA     |
      | acquire_takeover_addr | nodeA_svc |
      | get_disk_vg_fs        | sharedvg  |
      | start_server          | app1      |
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And client1 pings nodeA_svc without loss
    When I power off nodeA
    And I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    Then errpt on nodeA shows "OPERATOR NOTIFICATION"
