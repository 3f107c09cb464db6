@switching
Feature: Switching to and from alemtuzumab

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

  Scenario: Switching in from natalizumab: blood counts, and natalizumab's own switch-out findings
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 4 weeks before the assessment date
    And labs.jcv_antibody is positive
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.switching.from-immunosuppressive-dmt has verdict eligible_with_precautions
    And the finding natalizumab.switching.out-pml-window is reported
    And the finding natalizumab.switching.out-return-of-activity is reported

  Scenario: Replacing alemtuzumab: monitoring runs on to 48 months after its last dose
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2024-11-25", "2025-11-24"]}
      """
    When the patient is assessed for ocrelizumab
    Then the finding alemtuzumab.switching.out-48-month-monitoring applies
    And the finding alemtuzumab.switching.out-only-if-activity says "only if"

  Scenario: Replacing alemtuzumab with the last course undated: its date is asked for
    Given the current treatment is alemtuzumab
    When the patient is assessed for ocrelizumab
    Then the finding alemtuzumab.switching.out-48-month-monitoring is undecided

  Scenario: Five years after the last course the 48-month rule no longer applies (near miss)
    Given an earlier treatment with alemtuzumab stopped 5 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding alemtuzumab.switching.out-48-month-monitoring is not reported
