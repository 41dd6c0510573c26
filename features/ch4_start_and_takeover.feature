@allure.label.epic:Chapter_4_-_HACMP_installation_and_cluster_definition
Feature: 4.4 First start, takeover and reintegration
  Book 4.4 tests a freshly defined cluster: the first start (4.4.2) and a
  takeover with reintegration (4.4.3). nodeA's en0 boots on its boot label
  nodeA_boot (192.168.10.11, same subnet as the service address) with its
  burned-in MAC; HACMP's node_up then puts the service address nodeA_svc
  (192.168.10.1) and its locally administered MAC (HWAT) on en0.

  Background:
    Given the "hotstandby" cluster is loaded

  @sec-4.4.2 @allure.label.story:4.4.2_First_start
  Scenario: Before HACMP starts netstat shows the boot address, after it the service address
    Book 4.4.2: before HA starts, "netstat -i" shows the boot address; after,
    the service address.

    Then netstat -in on nodeA shows 192.168.10.11 on en0
    And netstat -in on nodeA shows the hardware address 02:60:8c:2f:00:a0 on en0
    And netstat -in on nodeA does not show 192.168.10.1
    And lssrc -g cluster on nodeA shows clstrmgr inoperative
    When I start cluster services on nodeA and nodeB
    And I wait until the cluster settles
    Then netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en0
    And netstat -in on nodeA does not show 192.168.10.11
    And lssrc -g cluster on nodeA shows clstrmgr active
    And clfindres on nodeA shows rg1 UP on nodeA
    And netstat -in on nodeB does not show 192.168.10.1

  @sec-4.4.3 @allure.label.story:4.4.3_Takeover_and_reintegration
  Scenario: smit clstop with takeover on nodeA, then smit clstart on nodeA
    Book 4.4.3: stop HACMP on nodeA gracefully with takeover: rg1 moves to
    nodeB; start HACMP on nodeA again: rg1 comes back to nodeA.

    Given cluster services are started on nodeA and nodeB
    When I stop cluster services on nodeA gracefully with takeover
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And netstat -in on nodeA shows 192.168.10.11 on en0
    And client1 pings nodeA_svc without loss
    When I start cluster services on nodeA
    And I wait until the cluster settles
    Then clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And client1 pings nodeA_svc without loss
    And netstat -in on nodeB does not show 192.168.10.1
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd
