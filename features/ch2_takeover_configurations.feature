@allure.label.epic:Chapter_2_-_Cluster_planning
Feature: 2.4.2 and 2.4.3 Takeover configurations and hardware address takeover
  Book 2.4.2.1 names the classic two-node set-ups. In hot standby, one node
  works and the other waits: a failure costs two takeovers, the failover to
  the standby node and the fallback when the owner returns (cascading). In
  mutual takeover both nodes work and each backs up the other.

  Book 2.4.3.4: with hardware address takeover (HWAT) the service address
  moves with its MAC, so clients need no ARP refresh. Without HWAT the
  address lands on an adapter with another MAC; clients named in clinfo.rc's
  PING_CLIENT_LIST get their ARP cache refreshed by a ping from the node that
  took over, so they reach the service address again without waiting for
  their ARP entry to time out.

  @sec-2.4.2.1 @allure.label.story:2.4.2.1_Hot_standby
  Scenario: Hot standby: failover to nodeB, fallback to nodeA
    Book 2.4.2.1: hot standby with a cascading group means two takeovers:
    nodeB takes rg1 over when nodeA fails; rg1 falls back to nodeA when
    nodeA comes back and starts HACMP.

    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I power off nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments |
      | node_down             | nodeA     |
      | acquire_takeover_addr | nodeA_svc |
      | start_server          | app1      |
    And clfindres on nodeB shows rg1 UP on nodeB
    And rg1 is held by nodeB only
    When I power on nodeA
    And I wait up to 600 seconds for nodeA to reboot
    And I start cluster services on nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event                 | arguments |
      | node_up               | nodeA     |
      | release_takeover_addr | nodeA_svc |
    And clfindres on nodeA shows rg1 UP on nodeA
    And rg1 is held by nodeA only
    And lsvg -o on nodeB does not list sharedvg
    And ps -u appuser on nodeB shows no appd

  @sec-2.4.2.1 @sec-6.2.2.1 @allure.label.story:2.4.2.1_Mutual_takeover
  Scenario: Mutual takeover: nodeB runs both groups, then gives rg1 back
    Book 2.4.2.1: in mutual takeover each node runs its own group and backs
    up the other's. Cluster "mutual": rg1 (nodeA_svc, vga, /fsa, appad as
    appauser) prefers nodeA; rg2 (nodeB_svc, vgb, /fsb, appbd as appbuser)
    prefers nodeB. When nodeA crashes, nodeB runs both; when nodeA is back,
    rg1 returns to nodeA and rg2 never moves.

    Given the "mutual" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And fast reboot after a crash is enabled on nodeA with "mpcfg -cf 11 1"
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then clfindres on nodeB shows rg1 UP on nodeB
    And clfindres on nodeB shows rg2 UP on nodeB
    And rg1 is held by nodeB only
    And rg2 is held by nodeB only
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And netstat -in on nodeB shows 192.168.10.2 on en0
    And lsvg -o on nodeB lists vga
    And lsvg -o on nodeB lists vgb
    And ps -u appauser on nodeB shows appad
    And ps -u appbuser on nodeB shows appbd
    And client1 pings nodeA_svc without loss
    And client1 pings nodeB_svc without loss
    When I wait up to 600 seconds for nodeA to reboot
    And I start cluster services on nodeA
    And I wait until the cluster settles
    Then clfindres on nodeA shows rg1 UP on nodeA
    And clfindres on nodeA shows rg2 UP on nodeB
    And rg1 is held by nodeA only
    And rg2 is held by nodeB only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And ps -u appauser on nodeA shows appad
    And ps -u appauser on nodeB shows no appad
    And netstat -in on nodeB shows 192.168.10.2 on en0
    And lsvg -o on nodeB does not list vga
    And hacmp.out on nodeB shows no release_service_addr event since the first fault

  @sec-2.4.3.4 @allure.label.story:2.4.3.4_Without_HWAT
  Scenario: Without HWAT, clinfo.rc refreshes the ARP cache of the clients it knows
    Book 2.4.3.4: without hardware address takeover, the service address
    moves to an adapter with another MAC; the clients listed in
    PING_CLIENT_LIST (clinfo.rc) get their ARP cache refreshed. Cluster
    "hotstandby_nohwat" lists client1 (192.168.10.100). The ARP entry is read
    before client1 pings, so the refresh must come from the cluster, not
    from client1's own ARP request.

    Given the "hotstandby_nohwat" cluster is loaded
    And cluster services are started on nodeA and nodeB
    And fast reboot after a crash is enabled on nodeA with "mpcfg -cf 11 1"
    Then client1 pings nodeA_svc without loss
    And the ARP entry of client1 for nodeA_svc is the hardware address of nodeA en0
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    And I wait until the cluster settles
    Then the service label nodeA_svc is on nodeB en1
    And the ARP entry of client1 for nodeA_svc is the hardware address of nodeB en1
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeB only
    And hacmp.out on nodeB shows no config_too_long event since the last action

  @sec-2.4.3.4 @sec-6.2.2.2 @allure.label.story:2.4.3.4_HWAT_on_Token-Ring
  Scenario: On Token-Ring, hardware address takeover takes about a minute
    Book 2.4.3.4: with hardware address takeover the MAC moves with the IP
    address, so clients need no ARP refresh; it takes about 60 s on
    Token-Ring (120 s on FDDI). Cluster "hotstandby_tr" is the hot standby
    cluster on Token-Ring adapters tr0 and tr1. nodeA loses power; nodeB's
    acquire_takeover_addr reconfigures tr1 with nodeA's locally administered
    address, which is what takes the minute. client1's ARP entry, learnt
    before the failure, stays right: it names the MAC that moved.

    Given the "hotstandby_tr" cluster is loaded
    And cluster services are started on nodeA and nodeB
    Then client1 pings nodeA_svc without loss
    And the ARP entry of client1 for nodeA_svc is 42:00:c0:a8:0a:01
    When I power off nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows acquire_takeover_addr taking at least 55 seconds since the last action
    And netstat -in on nodeB shows 192.168.10.1 on tr1
    And netstat -in on nodeB shows the hardware address 42:00:c0:a8:0a:01 on tr1
    And the ARP entry of client1 for nodeA_svc is 42:00:c0:a8:0a:01
    And the ARP entry of client1 for nodeA_svc is the hardware address of the adapter holding it
    And client1 pings nodeA_svc without loss
    And rg1 is held by nodeB only
