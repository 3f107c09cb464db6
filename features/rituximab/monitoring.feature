@monitoring
Feature: Rituximab monitoring (HBV during and after treatment; other monitoring NOT read)

  Scenario: HBV and liver monitoring is named
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And the screening results are complete and normal
    When the patient is assessed for rituximab
    Then the finding rituximab.monitoring.hbv-and-liver says "during and after treatment"
