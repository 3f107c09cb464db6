@eligibility
Feature: Who alemtuzumab is labelled for (US section 1: after two or more MS drugs, not CIS; EU 4.1: highly active RRMS)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      screening: {hiv: negative, cbc_date: "2026-11-10", urinalysis: normal, thyroid_function: normal, skin_exam: normal}
      labs: {serum_creatinine_umol_per_l: 70}
      infection: {pml_suspected: false, pml_confirmed: false}
      history: {malignancy_active: false, stroke_or_cervicocephalic_dissection: false, bleeding_disorder_or_anticoagulant: false, autoimmune_disease: false, hypersensitivity_to: []}
      cardiac: {uncontrolled_hypertension: false, major_event_past_6_months: false}
      reproductive: {pregnant: false, breastfeeding: false}
      treatment:
        prior:
          - {drug: interferon-beta-1a, stopped: "2023-01-10", reason: breakthrough}
          - {drug: glatiramer-acetate, stopped: "2026-09-01", reason: breakthrough}
      """

  Scenario: US: RRMS after two MS drugs is eligible
    When the patient is assessed for alemtuzumab
    Then the verdict is eligible
    And the finding alemtuzumab.eligibility.us-after-two-dmts applies
    And the finding alemtuzumab.eligibility.us-after-two-dmts says "two or more"

  Scenario: US: one earlier drug and a current one count as two
    Given treatment.prior is [{drug: interferon-beta-1a, stopped: "2023-01-10"}]
    And the current treatment is glatiramer-acetate
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.eligibility.us-after-two-dmts applies

  Scenario: US: only one MS drug tried is not shown as indicated
    Given treatment.prior is [{drug: interferon-beta-1a, stopped: "2023-01-10"}]
    When the patient is assessed for alemtuzumab
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.us-fewer-than-two-dmts applies
    And the finding alemtuzumab.eligibility.us-after-two-dmts is not reported

  Scenario: US: not recommended for CIS
    Given diagnosis.phenotype is CIS
    When the patient is assessed for alemtuzumab
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.us-cis says "clinically isolated syndrome"

  Scenario Outline: US: progressive MS without activity is not indicated
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is false
    When the patient is assessed for alemtuzumab
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.us-progressive-not-active applies

    Examples:
      | phenotype |
      | SPMS      |
      | PPMS      |

  Scenario: Under 18 is not indicated
    Given patient.age is 17
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.under-18 applies

  Scenario: EU: rapidly evolving severe RRMS by the counts asks the clinician to confirm
    Given activity.relapses_past_12_months is 2
    And activity.gad_enhancing_lesions is 2
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is workup_required
    And the finding alemtuzumab.eligibility.eu-highly-active-confirm applies
    And the finding alemtuzumab.eligibility.us-after-two-dmts is not reported

  Scenario: EU: stable on earlier treatment is not indicated
    Given activity.relapses_past_12_months is 0
    And activity.gad_enhancing_lesions is 0
    And diagnosis.active_disease is false
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.eu-not-highly-active says "not recommended for inactive disease"

  Scenario: EU: SPMS is not indicated
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is not_indicated
    And the finding alemtuzumab.eligibility.eu-not-rrms applies

  Scenario Outline: After course 1 the second course is indicated in both jurisdictions
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2025-11-24"]}
      """
    When the patient is assessed for alemtuzumab under the <jur> label
    Then the finding alemtuzumab.eligibility.second-course has verdict eligible
    And the finding alemtuzumab.eligibility.eu-highly-active-confirm is not reported

    Examples:
      | jur |
      | US  |
      | EU  |

  Scenario: On alemtuzumab with no course recorded, the course dates are asked for
    Given the current treatment is alemtuzumab
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.eligibility.courses-not-recorded applies
