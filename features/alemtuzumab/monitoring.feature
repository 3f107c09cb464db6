@monitoring
Feature: Autoimmunity monitoring to 48 months after the last alemtuzumab dose (boxed warning)

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
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: alemtuzumab, last_dose: "2025-11-24"}
        courses:
          - {drug: alemtuzumab, formulation: IV, doses: ["2025-11-24"]}
      """

  Scenario: After course 1: monthly labs, thyroid every 3 months
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.monitoring.autoimmunity-48-months says "48 months"
    And the finding alemtuzumab.monitoring.autoimmunity-48-months cites lemtrada-uspi-openfda-2026-09 section BW

  Scenario Outline: A low platelet count asks for evaluation
    Given labs.platelets_10e9_per_l is <platelets>
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.monitoring.low-platelets is <reported>

    Examples:
      | platelets | reported     |
      | 149       | reported     |
      | 150       | not reported |

  Scenario: An abnormal urinalysis asks for evaluation of the kidneys
    Given screening.urinalysis is abnormal
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.monitoring.abnormal-urinalysis says "anti-glomerular basement membrane"

  Scenario: Abnormal thyroid function is followed up
    Given screening.thyroid_function is abnormal
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.monitoring.abnormal-thyroid has verdict eligible_with_precautions

  Scenario: An active malignancy asks for the current label
    Given history.malignancy_active is true
    When the patient is assessed for alemtuzumab
    Then the verdict is workup_required
    And the finding alemtuzumab.monitoring.active-malignancy applies

  Scenario: Malignancy status unrecorded is asked for
    Given history.malignancy_active is unknown
    When the patient is assessed for alemtuzumab
    Then the finding alemtuzumab.monitoring.active-malignancy is undecided
