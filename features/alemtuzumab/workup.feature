@workup
Feature: Work-up before the first alemtuzumab course (boxed warning labs and skin exam; thyroid, liver)

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

  Scenario: Baseline labs never done: workup required, naming each missing field
    Given screening.cbc_date is unknown
    And screening.urinalysis is unknown
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.workup.baseline-labs applies
    And the finding alemtuzumab.workup.baseline-labs cites lemtrada-uspi-openfda-2026-09 section BW

  Scenario: Complete baseline labs are not asked again (near miss)
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.workup.baseline-labs is not reported
    And the finding alemtuzumab.workup.thyroid-baseline is not reported
    And the finding alemtuzumab.workup.skin-exam is not reported

  Scenario: Thyroid function and skin exam never done
    Given screening.thyroid_function is unknown
    And screening.skin_exam is unknown
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.workup.thyroid-baseline has verdict workup_required
    And the finding alemtuzumab.workup.skin-exam says "baseline and yearly skin exams"

  Scenario: A suspicious skin lesion is evaluated first
    Given screening.skin_exam is suspicious
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.workup.skin-exam-suspicious applies

  Scenario: Liver tests unknown or abnormal
    Given screening.liver_tests is unknown
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.workup.liver-tests applies

  Scenario: Abnormal liver tests ask for assessment
    Given screening.liver_tests is abnormal
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.workup.liver-tests-abnormal applies

  Scenario: Live vaccines: none after a course
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.workup.live-vaccine says "not after a course"
    And the finding alemtuzumab.workup.hbv-check-label is not reported

  Scenario: Positive hepatitis B serology asks for review (label section not read)
    Given screening.hbsag is positive
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.workup.hbv-check-label says "not read"

  Scenario: Severely immunocompromised: no course until reviewed
    Given history.severely_immunocompromised is true
    When the patient is assessed for alemtuzumab
    Then the verdict is deferred
    And the finding alemtuzumab.workup.severely-immunocompromised applies

  Scenario: Low immunoglobulins are noted
    Given screening.immunoglobulins is low
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.workup.immunoglobulins-check-label has verdict info

  Scenario: Signs of PML hold the course until evaluated
    Given infection.pml_suspected is true
    When the patient is assessed for alemtuzumab
    Then the verdict is deferred
    And the finding alemtuzumab.workup.pml-check-label applies
