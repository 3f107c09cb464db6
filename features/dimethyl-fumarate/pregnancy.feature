@pregnancy
Feature: Dimethyl fumarate in pregnancy and breastfeeding (label sections not read: check them)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 31
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.5

  Scenario Outline: Pregnant or breastfeeding asks to check the current label
    Given reproductive.<field> is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is workup_required
    And the finding dimethyl-fumarate.pregnancy.pregnant-or-breastfeeding is marked uncertain with "not read"

    Examples:
      | field        |
      | pregnant     |
      | breastfeeding |

  Scenario: A woman who could become pregnant is counselled
    Given reproductive.pregnant is false
    And reproductive.breastfeeding is false
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible
    And the finding dimethyl-fumarate.pregnancy.counselling is reported
