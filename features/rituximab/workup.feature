@workup
Feature: Before a first off-label rituximab infusion (boxed warning: HBV; other pre-treatment text NOT read)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: No hepatitis B test recorded: it is asked for by name
    When the patient is assessed for rituximab
    Then the finding rituximab.workup.hbv-screening has verdict workup_required
    And screening.hbsag is reported missing, asked by rituximab.workup.hbv-screening
    And screening.anti_hbc is reported missing, asked by rituximab.workup.hbv-screening
    And the findings include:
      | rule_id                                           | verdict |
      | rituximab.workup.before-first-infusion-check-label | info   |
      | rituximab.workup.immunoglobulins-check-label      | info    |
      | rituximab.workup.live-vaccines-check-label        | info    |

  Scenario: HBsAg positive holds the start until a liver specialist's assessment is recorded
    Given the screening results are complete and normal
    And screening.hbsag is positive
    When the patient is assessed for rituximab
    Then the finding rituximab.workup.hbsag-positive has verdict deferred
    And the finding rituximab.workup.hbsag-positive cites rituxan-hycela-uspi section 5.2

  Scenario Outline: Prior hepatitis B: expert consultation and monitoring
    Given the screening results are complete and normal
    And screening.hbsag is <hbsag>
    And screening.anti_hbc is positive
    And screening.hbv_active is <active>
    When the patient is assessed for rituximab
    Then the finding rituximab.workup.anti-hbc-positive has verdict eligible_with_precautions
    And the finding rituximab.workup.hbsag-positive is not reported

    Examples:
      | hbsag    | active  |
      | negative | unknown |
      | positive | false   |
