@contraindications
Feature: Alemtuzumab contraindications (US section 4 first item; EU 4.3 from a structured summary)

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

  Scenario: A hypersensitivity reaction to alemtuzumab
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2025-11-24"]}
      history: {hypersensitivity_to: [alemtuzumab]}
      """
    When the patient is assessed for alemtuzumab
    Then the verdict is contraindicated
    And the finding alemtuzumab.contraindication.hypersensitivity applies

  Scenario: HIV infection is a contraindication
    Given screening.hiv is positive
    When the patient is assessed for alemtuzumab
    Then the verdict is contraindicated
    And the finding alemtuzumab.contraindication.hiv applies

  Scenario: HIV never tested: workup required, naming the field
    Given screening.hiv is unknown
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.contraindication.hiv is undecided
    And screening.hiv is reported missing, asked by alemtuzumab.contraindication.hiv

  Scenario: An active infection defers the course
    Given infection.active is true
    When the patient is assessed for alemtuzumab
    Then the verdict is deferred
    And the finding alemtuzumab.contraindication.active-infection applies

  Scenario Outline: EU cardiovascular, bleeding and autoimmune contraindications
    Given <field> is true
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is contraindicated
    And the finding <rule> applies

    Examples:
      | field                                      | rule                                                            |
      | cardiac.uncontrolled_hypertension          | alemtuzumab.contraindication.eu-uncontrolled-hypertension       |
      | history.stroke_or_cervicocephalic_dissection | alemtuzumab.contraindication.eu-stroke-or-dissection          |
      | cardiac.major_event_past_6_months          | alemtuzumab.contraindication.eu-angina-or-myocardial-infarction |
      | history.bleeding_disorder_or_anticoagulant | alemtuzumab.contraindication.eu-coagulopathy-or-anticoagulant   |
      | history.autoimmune_disease                 | alemtuzumab.contraindication.eu-other-autoimmune-disease        |

  Scenario: The same history under the US label is not an EU contraindication (US differs)
    Given cardiac.uncontrolled_hypertension is true
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.contraindication.eu-uncontrolled-hypertension is not reported

  Scenario: EU: blood pressure control unrecorded is asked for
    Given cardiac.uncontrolled_hypertension is unknown
    When the patient is assessed for alemtuzumab under the EU label
    Then the verdict is workup_required
    And the finding alemtuzumab.contraindication.eu-uncontrolled-hypertension is undecided
