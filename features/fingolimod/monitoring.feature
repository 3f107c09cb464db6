@monitoring
Feature: During fingolimod: macular oedema, blood pressure, PML, malignancies

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 34
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
      """

  Scenario: On treatment: routine monitoring and the eye examination
    Given the current treatment is fingolimod
    And treatment.current.started is 2 months before the assessment date
    When the patient is assessed for fingolimod
    Then the finding fingolimod.monitoring.during-treatment has verdict info
    And the finding fingolimod.monitoring.macular-oedema says "3-4 months"

  Scenario: Suspected PML holds fingolimod
    Given the current treatment is fingolimod
    And infection.pml_suspected is true
    When the patient is assessed for fingolimod
    Then the finding fingolimod.monitoring.pml has verdict deferred
    And the verdict is deferred

  Scenario: A suspicious skin lesion is a precaution
    Given screening.skin_exam is suspicious
    When the patient is assessed for fingolimod
    Then the finding fingolimod.monitoring.malignancy has verdict eligible_with_precautions
