@allure.label.epic:Report_checks
Feature: A drill that fails on purpose, for the report's browser tests
  The browser tests need a failed drill in the report, to check that its
  expected-vs-observed rows show. This one expects rg1 on nodeB although
  nothing has failed. It is run only by tests/browser/test_report_ui.py.

  @sec-2.4.2.1 @allure.label.story:Deliberately_failing_drill
  Scenario: Deliberately failing drill: rg1 expected on nodeB with nothing failed
    Book 2.4.2.1 puts rg1 on nodeA, its highest-priority node, while both
    nodes are up; a standby cable pulled on nodeB changes nothing to that.
    This drill expects the contrary, so it must fail.

    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB
    When I pull the cable of nodeB en1
    And I wait until the cluster settles
    Then lsvg -o on nodeA lists sharedvg
    And clfindres on nodeB shows rg1 UP on nodeB
