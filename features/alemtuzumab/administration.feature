@administration
Feature: Giving an alemtuzumab course (REMS, setting, 2-hour observation, stroke, premedication, prophylaxis)

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

  Scenario: US: REMS, observation for two hours, stroke warning, premedication and prophylaxis
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.administration.rems says "REMS"
    And the finding alemtuzumab.administration.observation says "two hours after each infusion"
    And the finding alemtuzumab.administration.stroke-warning says "within 3 days"
    And the finding alemtuzumab.administration.premedication says "methylprednisolone"
    And the finding alemtuzumab.administration.herpes-prophylaxis says "CD4"
    And the finding alemtuzumab.administration.eu-alert-card-follow-up is not reported

  Scenario: EU: alert card and the 48-month follow-up commitment
    When the patient is assessed for alemtuzumab under the EU label
    Then the finding alemtuzumab.administration.eu-alert-card-follow-up says "48 months"
    And the finding alemtuzumab.administration.rems is not reported
    And the finding alemtuzumab.administration.observation is reported
