@schedule
Feature: The alemtuzumab course calendar (two courses 12 months apart; no further dose in the labelled regimen)

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

  Scenario: A new patient sees course 1 and course 2 without dates
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.schedule.courses says "5 consecutive days"
    And the schedule has "course 1: 12 mg/day IV over 4 hours on 5 consecutive days"

  Scenario: After course 1, course 2 is due 12 months later
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2025-11-24"]}
      """
    When the patient is assessed for alemtuzumab
    Then the schedule has "next dose: course 2: 12 mg/day IV over 4 hours on 3 consecutive days (12 months after course 1)" due on 2026-11-24

  Scenario: After both courses no further dose is planned
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2024-11-25", "2025-11-24"]}
      """
    And diagnosis.active_disease is false
    And activity.relapses_past_12_months is 0
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.schedule.after-two-courses applies
    And the verdict is eligible
    And the finding alemtuzumab.eligibility.regimen-complete applies
    And the schedule has "no further dose in the labelled regimen"
    And the schedule has no "course 2: 12 mg/day IV over 4 hours on 3 consecutive days (12 months after course 1)"

  Scenario: HIV infection puts course 1 on hold
    Given screening.hiv is positive
    When the patient is assessed for alemtuzumab
    Then the schedule has "course 1: 12 mg/day IV over 4 hours on 5 consecutive days" on hold by alemtuzumab.contraindication.hiv

  Scenario: Activity after both courses asks the clinician about an additional course
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-03-03"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2024-03-04", "2025-03-03"]}
      """
    And diagnosis.active_disease is true
    And activity.relapses_past_12_months is 1
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.eligibility.additional-course applies
