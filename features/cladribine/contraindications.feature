@contraindications
Feature: Cladribine contraindications (boxed warning 2026-09; US section 4, 2019 copy; EU 4.3 via the UK manufacturer)

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

  Scenario: Current malignancy is contraindicated (boxed warning) and holds the course
    Given history.malignancy_active is true
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.current-malignancy cites mavenclad-uspi-openfda-2026-09 section BW
    And the schedule has "year 1, cycle 1: tablets on 4 or 5 days (weight-based dose)" on hold by cladribine.contraindication.current-malignancy

  Scenario: Unknown malignancy status asks for it
    Given history.malignancy_active is unknown
    When the patient is assessed for cladribine
    Then the verdict is workup_required
    And the finding cladribine.contraindication.current-malignancy is undecided
    And history.malignancy_active is reported missing, asked by cladribine.contraindication.current-malignancy

  Scenario: HIV infection is contraindicated
    Given screening.hiv is positive
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.hiv applies

  Scenario: Active tuberculosis is contraindicated
    Given screening.tuberculosis is active
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.active-tuberculosis applies

  Scenario: A positive hepatitis C antibody is held as active chronic hepatitis until clarified
    Given screening.hcv is positive
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.active-hepatitis is explained by "hepatitis C"

  Scenario: Hypersensitivity to cladribine is contraindicated
    Given history.hypersensitivity_to is [cladribine]
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.hypersensitivity applies

  Scenario: EU: creatinine clearance below 60 mL/min is contraindicated; the US asks to check the label
    Given labs.creatinine_clearance_ml_min is 55
    When the patient is assessed for cladribine under the EU label
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.eu-renal-impairment applies

  Scenario: US: creatinine clearance below 60 mL/min is a precaution, not a contraindication
    Given labs.creatinine_clearance_ml_min is 55
    When the patient is assessed for cladribine
    Then the finding cladribine.contraindication.us-renal-check-label has verdict eligible_with_precautions
    And the finding cladribine.contraindication.eu-renal-impairment is not reported

  Scenario: EU: unknown renal function asks for the creatinine clearance
    Given labs.creatinine_clearance_ml_min is unknown
    When the patient is assessed for cladribine under the EU label
    Then the finding cladribine.contraindication.eu-renal-impairment is undecided
    And labs.creatinine_clearance_ml_min is reported missing

  Scenario: EU: an immunosuppressant is a contraindication
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for cladribine under the EU label
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.eu-immunocompromised applies

  Scenario: US: starting with an immunosuppressant is not recommended and held
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.contraindication.us-immunosuppressants applies

  Scenario: Unknown current medicines ask for the list
    Given medications.current is unknown
    When the patient is assessed for cladribine
    Then the finding cladribine.contraindication.us-immunosuppressants is undecided
    And medications.current is reported missing
