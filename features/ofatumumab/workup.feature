@workup
Feature: Before the first ofatumumab dose (US 2.1 of 08/2025; EU SmPC 4.4 start)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A new patient with no screening recorded: every test is asked for by name
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the findings include:
      | rule_id                               | verdict         |
      | ofatumumab.workup.hbv-screening       | workup_required |
      | ofatumumab.workup.immunoglobulins     | workup_required |
      | ofatumumab.workup.liver-tests         | workup_required |
    And screening.hbsag is reported missing, asked by ofatumumab.workup.hbv-screening
    And screening.immunoglobulins is reported missing, asked by ofatumumab.workup.immunoglobulins
    And screening.liver_tests is reported missing, asked by ofatumumab.workup.liver-tests
    And infection.active is reported missing, asked by ofatumumab.administration.active-infection

  Scenario: Only the liver tests are missing
    Given the screening results are complete and normal
    And screening.liver_tests is unknown
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the finding ofatumumab.workup.liver-tests says "bilirubin"
    And the finding ofatumumab.workup.liver-tests cites kesimpta-uspi-2025-08 section 2.1
    And the finding ofatumumab.workup.hbv-screening is not reported

  Scenario: The EU asks for the liver tests too, saying why
    Given the screening results are complete and normal
    And screening.liver_tests is unknown
    When the patient is assessed for ofatumumab under the EU label
    Then the finding ofatumumab.workup.liver-tests is marked uncertain with "2021 SmPC"

  Scenario: HBsAg positive holds the start until a liver specialist decides
    Given the screening results are complete and normal
    And screening.hbsag is positive
    When the patient is assessed for ofatumumab
    Then the verdict is deferred
    And the finding ofatumumab.workup.hbsag-positive-hepatology-review applies
    And the finding ofatumumab.contraindication.active-hbv is not reported

  Scenario Outline: Past or carried hepatitis B needs a liver disease expert
    Given the screening results are complete and normal
    And screening.hbsag is <hbsag>
    And screening.anti_hbc is positive
    And screening.hbv_active is <active>
    When the patient is assessed for ofatumumab
    Then the verdict is eligible_with_precautions
    And the finding ofatumumab.workup.hbv-hepatology-consult says "liver disease expert"

    Examples:
      | hbsag    | active  |
      | negative | unknown |
      | positive | false   |

  Scenario: Low immunoglobulins: consult an immunology expert
    Given the screening results are complete and normal
    And screening.immunoglobulins is low
    When the patient is assessed for ofatumumab
    Then the verdict is eligible_with_precautions
    And the finding ofatumumab.workup.low-immunoglobulins says "immunology expert"

  Scenario: Abnormal baseline liver tests are reviewed
    Given the screening results are complete and normal
    And screening.liver_tests is abnormal
    When the patient is assessed for ofatumumab
    Then the verdict is eligible_with_precautions
    And the finding ofatumumab.workup.abnormal-liver-tests is marked uncertain

  Scenario Outline: A live vaccine less than 4 weeks ago defers the first dose
    Given the screening results are complete and normal
    And a live vaccine <amount> before the assessment date
    When the patient is assessed for ofatumumab
    Then the verdict is <verdict>

    Examples:
      | amount  | verdict  |
      | 27 days | deferred |
      | 28 days | eligible |

  Scenario: The deferral names its rule
    Given the screening results are complete and normal
    And a live vaccine 2 weeks before the assessment date
    When the patient is assessed for ofatumumab
    Then the finding ofatumumab.workup.live-vaccine-too-recent has verdict deferred
    And the schedule has "20 mg SC at week 0 (dose 1)" on hold by ofatumumab.workup.live-vaccine-too-recent

  Scenario: A non-live vaccine less than 2 weeks ago is a precaution
    Given the screening results are complete and normal
    And a non-live vaccine "influenza" 10 days before the assessment date
    When the patient is assessed for ofatumumab
    Then the verdict is eligible_with_precautions
    And the finding ofatumumab.workup.non-live-vaccine-recent says "whenever possible"
