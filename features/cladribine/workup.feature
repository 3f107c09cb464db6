@workup
Feature: Work-up before each cladribine course (lymphocyte gates, infections, VZV, liver, MRI)

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value    |
      | screening.hbsag                    | negative |
      | screening.anti_hbc                 | negative |
      | screening.hcv                      | negative |
      | screening.hiv                      | negative |
      | screening.tuberculosis             | negative |
      | screening.vzv_igg                  | positive |
      | screening.liver_tests              | normal   |
      | infection.active                   | false    |
      | labs.lymphocytes_10e9_per_l        | 1.6      |
      | labs.creatinine_clearance_ml_min   | 95       |
      | history.malignancy_active          | false    |
      | history.hypersensitivity_to        | []       |
      | history.severely_immunocompromised | false    |
      | medications.current                | []       |
      | diagnosis.phenotype                | RRMS     |
      | patient.age                        | 38       |
      | patient.sex                        | male     |
  Scenario: A lymphocyte count never done asks for it, naming the field
    Given labs.lymphocytes_10e9_per_l is unknown
    When the patient is assessed for cladribine
    Then the verdict is workup_required
    And the finding cladribine.workup.lymphocytes-missing applies
    And labs.lymphocytes_10e9_per_l is reported missing

  Scenario Outline: Year 1 lymphocyte gate at the 0.8 x10^9/L boundary
    Given labs.lymphocytes_10e9_per_l is <count>
    When the patient is assessed for cladribine
    Then the finding <rule> applies
    And the verdict is <verdict>

    Examples:
      | count | rule                                                 | verdict                   |
      | 0.79  | cladribine.workup.lymphocytes-below-normal-year-1    | deferred                  |
      | 0.8   | cladribine.workup.lymphocytes-confirm-normal-year-1  | eligible_with_precautions |

  Scenario: Year 2 with lymphocytes below 800/uL is delayed
    Given labs.lymphocytes_10e9_per_l is 0.7
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-12-01}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-12-01, 2025-12-29]
      """
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.workup.lymphocytes-year-2-low says "up to 6 months"
    And the finding cladribine.workup.lymphocytes-year-2-not-recovered is not reported
    And the schedule has "next dose: year 2, cycle 1: tablets on 4 or 5 days (lymphocytes >= 800/uL first)" on hold by cladribine.workup.lymphocytes-year-2-low

  Scenario: Year 2 lymphocytes not recovered 18 months after the first tablet: no second course
    Given labs.lymphocytes_10e9_per_l is 0.7
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-04-01}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-04-01, 2025-04-28]
      """
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.workup.lymphocytes-year-2-not-recovered applies

  Scenario: HIV and tuberculosis screening never done
    Given screening.hiv is unknown
    And screening.tuberculosis is unknown
    When the patient is assessed for cladribine
    Then the verdict is workup_required
    And the finding cladribine.workup.infection-screening applies
    And screening.hiv is reported missing, asked by cladribine.workup.infection-screening
    And screening.tuberculosis is reported missing, asked by cladribine.workup.infection-screening

  Scenario: Hepatitis C screening never done
    Given screening.hcv is unknown
    When the patient is assessed for cladribine
    Then the finding cladribine.workup.hepatitis-screening applies
    And screening.hcv is reported missing, asked by cladribine.workup.hepatitis-screening

  Scenario: HBsAg positive holds the course for a liver specialist
    Given screening.hbsag is positive
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.workup.hbsag-positive applies

  Scenario: Confirmed active hepatitis B is contraindicated
    Given screening.hbsag is positive
    And screening.hbv_active is true
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.active-hepatitis applies
    And the finding cladribine.workup.hbsag-positive is not reported

  Scenario: Latent tuberculosis holds the start
    Given screening.tuberculosis is latent
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.workup.latent-tuberculosis applies

  Scenario: VZV status unknown without a chickenpox history asks for antibodies
    Given screening.vzv_igg is unknown
    When the patient is assessed for cladribine under the EU label
    Then the finding cladribine.workup.vzv-antibodies applies
    And screening.vzv_igg is reported missing

  Scenario: A confirmed chickenpox history needs no VZV test
    Given screening.vzv_igg is unknown
    And history.varicella_or_vzv_vaccine is true
    When the patient is assessed for cladribine
    Then the finding cladribine.workup.vzv-antibodies is not reported

  Scenario: VZV antibody negative: vaccinate and postpone 4 to 6 weeks
    Given screening.vzv_igg is negative
    When the patient is assessed for cladribine under the EU label
    Then the verdict is deferred
    And the finding cladribine.workup.vzv-negative says "4 to 6 weeks"

  Scenario Outline: A live vaccine less than 4 weeks ago holds the course; 4 to 6 weeks asks the clinician
    Given a live vaccine <amount> before the assessment date
    When the patient is assessed for cladribine
    Then the finding cladribine.workup.live-vaccine-recent <recent>
    And the finding cladribine.workup.live-vaccine-4-to-6-weeks <later>

    Examples:
      | amount  | recent          | later           |
      | 27 days | applies         | is not reported |
      | 28 days | is not reported | applies         |
      | 41 days | is not reported | applies         |
      | 42 days | is not reported | is not reported |

  Scenario: Liver tests never done
    Given screening.liver_tests is unknown
    When the patient is assessed for cladribine
    Then the verdict is workup_required
    And screening.liver_tests is reported missing, asked by cladribine.workup.liver-tests

  Scenario: Abnormal liver tests are a precaution
    Given screening.liver_tests is abnormal
    When the patient is assessed for cladribine
    Then the finding cladribine.workup.abnormal-liver-tests has verdict eligible_with_precautions
    And the finding cladribine.workup.abnormal-liver-tests is marked uncertain with "NOT read"
