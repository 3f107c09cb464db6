@monitoring
Feature: Monitoring on diroximel fumarate: lymphocytes, PML, liver, GI (class 5.4-5.5; US 5.7)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 45
    And the screening results are complete and normal
    And the current treatment is diroximel-fumarate
    And treatment.current.started is 3 years before the assessment date

  Scenario: Lymphocytes below 0.5 on treatment: consider interruption
    Given labs.lymphocytes_10e9_per_l is 0.4
    When the patient is assessed for diroximel-fumarate
    Then the verdict is eligible_with_precautions
    And the finding diroximel-fumarate.monitoring.lymphocytes-below-0-5 says "more than 6 months"

  Scenario: Lymphocytes at 0.5 do not fire the interruption finding
    Given labs.lymphocytes_10e9_per_l is 0.5
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.monitoring.lymphocytes-below-0-5 is not reported

  Scenario: US and EU blood-count intervals differ
    Given labs.lymphocytes_10e9_per_l is 1.2
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.monitoring.lymphocytes-us says "every 6 to 12 months"
    And the finding diroximel-fumarate.monitoring.lymphocytes-eu is not reported
    And the finding diroximel-fumarate.monitoring.liver is reported
    And the finding diroximel-fumarate.monitoring.serious-gi-reactions is reported
    When the patient is assessed for diroximel-fumarate under the EU label
    Then the finding diroximel-fumarate.monitoring.lymphocytes-eu says "SmPC 4.4"
    And the finding diroximel-fumarate.monitoring.lymphocytes-us is not reported
