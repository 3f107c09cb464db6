@pregnancy
Feature: Alemtuzumab, contraception, pregnancy and breastfeeding (secondary sources; US 8 / EU 4.6 not read)

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

  Scenario: A woman who could become pregnant is counselled on 4 months of contraception
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.pregnancy.contraception says "4 months after each course"
    And the verdict is eligible

  Scenario: Pregnant: no course
    Given reproductive.pregnant is true
    When the patient is assessed for alemtuzumab
    Then the verdict is deferred
    And the finding alemtuzumab.pregnancy.pregnant applies
    And the finding alemtuzumab.pregnancy.contraception is not reported

  Scenario: Breastfeeding: no course
    Given reproductive.breastfeeding is true
    When the patient is assessed for alemtuzumab
    Then the verdict is deferred
    And the finding alemtuzumab.pregnancy.breastfeeding applies

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    And reproductive.pregnant is unknown
    And reproductive.breastfeeding is unknown
    When the patient is assessed for alemtuzumab
    Then no pregnancy finding is reported
