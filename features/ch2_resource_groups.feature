@allure.label.epic:Chapter_2_-_Cluster_planning
Feature: 2.4.1 Cascading resource groups and inactive takeover
  A cascading resource group has a node list in priority order: rg1 lists
  nodeA first, then nodeB. The book (2.4.1) says what happens when the nodes
  start HACMP one by one:

  - inactive takeover false: the first node up does not acquire the group
    unless it is the group's highest-priority node;
  - inactive takeover true: the first node up acquires the group, whatever
    its priority;
  - either way, a higher-priority node that joins later takes the group back.

  Cluster "hotstandby" has inactive_takeover false, "hotstandby_it" the same
  cluster with inactive_takeover true. Each drill starts with no HACMP running.

  @sec-2.4.1 @allure.label.story:2.4.1_Inactive_takeover_false
  Scenario: Inactive takeover false: nodeB alone leaves rg1 down until nodeA joins
    Book 2.4.1: with inactive takeover false, nodeB (second in rg1's node
    list) starting alone does not acquire rg1; when nodeA starts, nodeA
    acquires it.

    Given the "hotstandby" cluster is loaded
    When I start cluster services on nodeB
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 DOWN
    And rg1 is held by no node
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
    And netstat -in on nodeB does not show 192.168.10.1
    When I start cluster services on nodeA
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And ps -u appuser on nodeA shows appd
    And lsvg -o on nodeB does not list sharedvg

  @sec-2.4.1 @allure.label.story:2.4.1_Inactive_takeover_true
  Scenario: Inactive takeover true: nodeB alone acquires rg1, nodeA takes it back
    Book 2.4.1: with inactive takeover true, the first node up acquires the
    group even without the highest priority; nodeA, higher in the node list,
    takes it back when it joins. nodeB has no takeover address of its own to
    put nodeA_svc on but its standby adapter, so nodeA_svc goes on nodeB en1.

    Given the "hotstandby_it" cluster is loaded
    When I start cluster services on nodeB
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And lsvg -o on nodeB lists sharedvg
    And ps -u appuser on nodeB shows appd
    When I start cluster services on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments |
      | node_up               | nodeA     |
      | release_takeover_addr | nodeA_svc |
      | release_vg_fs         | sharedvg  |
    And clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And ps -u appuser on nodeA shows appd
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
    And netstat -in on nodeB does not show 192.168.10.1
