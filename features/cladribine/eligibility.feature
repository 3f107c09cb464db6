@eligibility
Feature: Who cladribine tablets are labelled for (US section 1 via the manufacturer; EU 4.1 via the UK manufacturer)

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

  Scenario: An adult with active RRMS after interferon is eligible in the US, with the lymphocyte range to confirm
    Given a male RRMS patient aged 40
    And an earlier treatment with interferon-beta-1a stopped 8 weeks before the assessment date for breakthrough
    When the patient is assessed for cladribine
    Then the verdict is eligible_with_precautions
    And the findings include:
      | rule_id                                            | verdict                   | status  |
      | cladribine.eligibility.us-relapsing-adult          | eligible                  | applies |
      | cladribine.workup.lymphocytes-confirm-normal-year-1 | eligible_with_precautions | applies |
      | cladribine.workup.baseline-mri                     | info                      | applies |
      | cladribine.workup.cancer-screening                 | info                      | applies |
    And the finding cladribine.eligibility.us-first-line is not reported
    And the finding cladribine.eligibility.us-relapsing-adult cites cladribine-tablets-us-indication-page section indication
    And every finding cites a source with its revision

  Scenario: No earlier MS drug: the US label generally recommends cladribine after another drug
    Given a male RRMS patient aged 40
    When the patient is assessed for cladribine
    Then the finding cladribine.eligibility.us-first-line has verdict eligible_with_precautions
    And the finding cladribine.eligibility.us-first-line says "inadequate response"

  Scenario: CIS is not recommended in the US and not indicated in the EU
    Given a male CIS patient aged 30
    When the patient is assessed for cladribine
    Then the verdict is not_indicated
    And the finding cladribine.eligibility.us-cis-not-recommended applies

  Scenario: CIS under the EU label
    Given a male CIS patient aged 30
    When the patient is assessed for cladribine under the EU label
    Then the verdict is not_indicated
    And the finding cladribine.eligibility.eu-cis applies
    And the finding cladribine.eligibility.us-cis-not-recommended is not reported

  Scenario Outline: Progressive MS without relapses is not indicated (<label>)
    Given a male <phenotype> patient aged 55
    And diagnosis.active_disease is false
    When the patient is assessed for cladribine under the <label> label
    Then the verdict is not_indicated
    And the finding cladribine.eligibility.not-progressive-without-relapses applies

    Examples:
      | phenotype | label |
      | PPMS      | US    |
      | SPMS      | EU    |

  Scenario: Under 18 is not indicated
    Given a male RRMS patient aged 16
    When the patient is assessed for cladribine
    Then the verdict is not_indicated
    And the finding cladribine.eligibility.under-18 applies

  Scenario: EU: two relapses in the past year meet the highly active indication
    Given a male RRMS patient aged 40
    And activity.relapses_past_12_months is 2
    When the patient is assessed for cladribine under the EU label
    Then the verdict is eligible_with_precautions
    And the finding cladribine.eligibility.eu-highly-active has verdict eligible
    And the finding cladribine.contraindication.eu-renal-impairment is not reported
    And history.renal_impairment is not reported missing
    And screening.hbv_active is not reported missing
    And the finding cladribine.eligibility.eu-confirm-highly-active is not reported
    And the finding cladribine.eligibility.us-relapsing-adult is not reported

  Scenario: EU: one relapse with an enhancing lesion on another DMT meets it too
    Given a male RRMS patient aged 40
    And the current treatment is dimethyl-fumarate
    And activity.relapses_past_12_months is 1
    And activity.gad_enhancing_lesions is 1
    When the patient is assessed for cladribine under the EU label
    Then the finding cladribine.eligibility.eu-highly-active applies

  Scenario: EU: one relapse on another DMT and no lesion data asks for the lesion count
    Given a male RRMS patient aged 40
    And the current treatment is interferon-beta-1a
    And activity.relapses_past_12_months is 1
    When the patient is assessed for cladribine under the EU label
    Then the verdict is workup_required
    And the finding cladribine.eligibility.eu-confirm-highly-active is undecided
    And activity.gad_enhancing_lesions is reported missing

  Scenario: EU: recorded activity below the CLARITY populations needs the clinician's confirmation, never "eligible"
    Given a male RRMS patient aged 40
    And activity.relapses_past_12_months is 0
    When the patient is assessed for cladribine under the EU label
    Then the verdict is workup_required
    And the finding cladribine.eligibility.eu-confirm-highly-active applies
    And the finding cladribine.eligibility.eu-highly-active is not reported

  Scenario: EU: year 2 of a started regimen stays indicated without new activity
    Given a male RRMS patient aged 40
    And activity.relapses_past_12_months is 0
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-12-01}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-12-01, 2025-12-29]
      """
    When the patient is assessed for cladribine under the EU label
    Then the finding cladribine.eligibility.eu-completing-regimen has verdict eligible
    And the finding cladribine.eligibility.eu-confirm-highly-active is not reported
