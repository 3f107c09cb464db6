@workup
Feature: Work-up before the first dimethyl fumarate dose (US 2.2, 2.3; EMA 2015)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 34
    And the screening results are complete and normal

  Scenario: A blood count never done names the lymphocyte count
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is workup_required
    And labs.lymphocytes_10e9_per_l is reported missing, asked by dimethyl-fumarate.workup.cbc-lymphocytes
    And the finding dimethyl-fumarate.workup.cbc-lymphocytes has verdict workup_required

  Scenario: Liver tests never done are asked for
    Given labs.lymphocytes_10e9_per_l is 1.5
    And screening.liver_tests is unknown
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is workup_required
    And screening.liver_tests is reported missing, asked by dimethyl-fumarate.workup.liver-tests

  Scenario: Abnormal liver tests are a precaution
    Given labs.lymphocytes_10e9_per_l is 1.5
    And screening.liver_tests is abnormal
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible_with_precautions
    And the finding dimethyl-fumarate.workup.abnormal-liver-tests applies

  Scenario Outline: A very low lymphocyte count before the start asks to check the label
    Given labs.lymphocytes_10e9_per_l is <count>
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is <verdict>

    Examples:
      | count | verdict         |
      | 0.4   | workup_required |
      | 0.5   | eligible        |

  Scenario: The low-count check names the label sections not read
    Given labs.lymphocytes_10e9_per_l is 0.3
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.workup.low-lymphocytes-before-start says "check the current label"
    And the finding dimethyl-fumarate.workup.low-lymphocytes-before-start is marked uncertain with "not read"

  Scenario: A patient already on dimethyl fumarate is not asked for start work-up
    Given the current treatment is dimethyl-fumarate
    And treatment.current.started is 1 year before the assessment date
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.workup.cbc-lymphocytes is not reported
    And the finding dimethyl-fumarate.workup.low-lymphocytes-before-start is not reported
