@allure.label.epic:Chapter_7_-_Cluster_troubleshooting
Feature: 7.2 and 7.4 A failed event script, and a partitioned cluster
  Two ways a cluster goes wrong that the book's troubleshooting chapter
  teaches. An event script that fails leaves the cluster in reconfiguration:
  the cluster managers stop processing events, hacmp.out reports
  config_too_long after 360 seconds, and the administrator fixes the
  cause, then resumes with clruncmd (book 7.2). A cluster that loses every path
  between its nodes, the serial network included, splits into partitions
  that each believe the other is dead (book 7.4).

  Background:
    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB

  @sec-7.2 @sec-4.3.1.1 @sec-5.1.1 @allure.label.story:7.2_config_too_long
  Scenario: nodeB has lost its standby when nodeA fails: the takeover fails, config_too_long, clruncmd
    Book 7.2: an event script that runs longer than 360 s is reported as
    config_too_long in hacmp.out; usually a script failed; fix the cause and
    run clruncmd. Book 4.3.1.1 (N+1 rule): a node needs a free standby adapter
    for every service address it may take over. Here nodeB's only standby
    cable is out when nodeA loses power, so acquire_takeover_addr has nowhere
    to put nodeA's address.
    Modelling choice: a failing sub-event ends its script, so get_disk_vg_fs
    does not run; the cluster managers wait in RP_FAILED. After clruncmd the
    next step, node_down_complete, fails too (app1 needs /sharedfs, which is
    not mounted) and needs a second clruncmd; clfindres then shows rg1 in
    ERROR.

    When I pull the cable of nodeB en1
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows these events in order since the last action:
      | event        | arguments          |
      | fail_standby | nodeB 192.168.20.2 |
    When I power off nodeA
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows acquire_takeover_addr completed with exit status 1 since the last action
    And hacmp.out on nodeB shows no get_disk_vg_fs event since the last action
    And the cluster manager on nodeB is in state RP_FAILED
    And rg1 is held by no node
    When I wait 400 seconds
    Then hacmp.out on nodeB shows these events in order since the first fault:
      | event           | arguments |
      | node_down       | nodeA     |
      | config_too_long |           |
    When I plug the cable of nodeB en1 back in
    And I type "clruncmd nodeB" on nodeB
    And I wait until the cluster settles
    Then hacmp.out on nodeB shows node_down_remote_complete completed with exit status 1 since the last action
    When I type "clruncmd nodeB" on nodeB
    And I wait until the cluster settles
    Then the cluster manager on nodeB is in state ST_STABLE
    And clfindres on nodeB shows rg1 ERROR
    And rg1 is held by no node
    And lsvg -o on nodeB does not list sharedvg

  @sec-7.4 @sec-7.5 @sec-2.2.2 @allure.label.story:7.4_Partitioned_cluster
  Scenario: Every network and the serial link cut: both sides declare the other down, DGSP when they meet
    Book 7.4: when every path between the nodes is lost while both still run,
    each side takes the other for dead and tries to take its resources; a
    serial network prevents this (book 2.2.2). Here the RS232 cable is pulled
    as well as every Ethernet cable.
    Modelling choice: nodeB takes nodeA's service address (so it is configured
    on both nodes) but its varyonvg fails on the disk reserve nodeA still
    holds, so the takeover stops with its script failed; nodeA, which holds
    everything, takes nothing from nodeB because nodeB's group list is empty.
    Book 7.5: when the partitions hear each other again, every node of the
    smaller partition, or on a tie of the one lower in name order ("B is
    lower than A"), receives a DGSP message and halts at once. Here the serial
    cable is plugged back: nodeB halts and nodeA alone holds rg1.

    When I pull the serial cable rs232_ab
    And I pull every network cable of nodeA and nodeB
    And I wait until the cluster settles
    Then hacmp.out on nodeA shows these events in order since the first fault:
      | event     | arguments |
      | node_down | nodeB     |
    And hacmp.out on nodeB shows these events in order since the first fault:
      | event                 | arguments |
      | node_down             | nodeA     |
      | acquire_takeover_addr | nodeA_svc |
      | get_disk_vg_fs        | sharedvg  |
    And hacmp.out on nodeB shows get_disk_vg_fs completed with exit status 1 since the first fault
    And netstat -in on nodeA shows 192.168.10.1 on en0
    And netstat -in on nodeB shows 192.168.10.1 on en1
    And lsvg -o on nodeA lists sharedvg
    And lsvg -o on nodeB does not list sharedvg
    And the cluster manager on nodeB is in state RP_FAILED
    When I plug the serial cable rs232_ab back in
    And I wait until the cluster settles
    Then AIX on nodeB is halted
    And AIX on nodeA is running
    And rg1 is held by nodeA only
    And netstat -in on nodeA shows 192.168.10.1 on en0
    When I power off nodeB
    And I power on nodeB
    And I wait up to 600 seconds for nodeB to reboot
    Then errpt on nodeB shows "OPERATOR NOTIFICATION"
    And netstat -in on nodeB does not show 192.168.10.1
