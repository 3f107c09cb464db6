@pregnancy
Feature: Dimethyl fumarate in pregnancy and breastfeeding (label sections not read: check them)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 31
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.5

  Scenario: Pregnant: no dose until the clinician has checked the current label
    Given reproductive.pregnant is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is deferred
    And the finding dimethyl-fumarate.pregnancy.pregnant is marked uncertain with "not read"
    And the finding dimethyl-fumarate.pregnancy.breastfeeding is not reported

  Scenario: Pregnant on treatment: the continuous dosing is on hold
    Given reproductive.pregnant is true
    And the current treatment is dimethyl-fumarate
    And treatment.current.started is 1 year before the assessment date
    When the patient is assessed for dimethyl-fumarate
    Then the schedule has "daily dosing (continuous)" on hold by dimethyl-fumarate.pregnancy.pregnant
    And no dose is shown as due

  Scenario: Breastfeeding asks to check the current label
    Given reproductive.pregnant is false
    And reproductive.breastfeeding is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is workup_required
    And the finding dimethyl-fumarate.pregnancy.breastfeeding is marked uncertain with "not read"

  Scenario: A woman who could become pregnant is counselled
    Given reproductive.pregnant is false
    And reproductive.breastfeeding is false
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible
    And the finding dimethyl-fumarate.pregnancy.counselling is reported
