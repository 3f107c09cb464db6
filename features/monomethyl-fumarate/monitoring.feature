@monitoring
Feature: Monitoring on monomethyl fumarate: lymphocytes, PML, liver, GI (US 5.4, 5.5)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 45
    And the screening results are complete and normal
    And the current treatment is monomethyl-fumarate
    And treatment.current.started is 3 years before the assessment date

  Scenario: Lymphocytes below 0.5 on treatment: consider interruption
    Given labs.lymphocytes_10e9_per_l is 0.4
    When the patient is assessed for monomethyl-fumarate
    Then the verdict is eligible_with_precautions
    And the finding monomethyl-fumarate.monitoring.lymphocytes-below-0-5 says "more than six months"

  Scenario: Lymphocytes at 0.5 do not fire the interruption finding
    Given labs.lymphocytes_10e9_per_l is 0.5
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.monitoring.lymphocytes-below-0-5 is not reported

  Scenario: Blood counts and liver tests on treatment (US)
    Given labs.lymphocytes_10e9_per_l is 1.2
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.monitoring.lymphocytes-us says "every 6 to 12 months"
    And the finding monomethyl-fumarate.monitoring.liver says "during treatment"
