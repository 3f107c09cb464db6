@monitoring
Feature: During siponimod: macular oedema, blood pressure, PML, skin cancers

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And a patient profile in YAML:
      """
      screening:
        liver_tests: normal
        vzv_igg: positive
        ecg: normal
        eye_exam: normal
        skin_exam: normal
        cbc_date: 2026-10-01
      cardiac:
        major_event_past_6_months: false
        conduction_block: false
        pacemaker: false
        qtc_ms: 420
        resting_heart_rate: 72
        severe_untreated_sleep_apnoea: false
      history:
        diabetes: false
        uveitis: false
        hepatic_impairment: none
      infection:
        active: false
      medications:
        current: []
      genetics:
        cyp2c9_genotype: "*1/*1"
      """

  Scenario: On siponimod: routine monitoring
    Given the current treatment is siponimod
    And treatment.current.started is 6 months before the assessment date
    When the patient is assessed for siponimod
    Then the finding siponimod.monitoring.during-treatment has verdict info
    And the finding siponimod.monitoring.macular-oedema has verdict info

  Scenario: Suspected PML holds siponimod
    Given infection.pml_suspected is true
    When the patient is assessed for siponimod
    Then the finding siponimod.monitoring.pml has verdict deferred

  Scenario: A suspicious skin lesion
    Given screening.skin_exam is suspicious
    When the patient is assessed for siponimod
    Then the finding siponimod.monitoring.malignancy has verdict eligible_with_precautions
