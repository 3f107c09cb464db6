@monitoring
Feature: During ozanimod: blood pressure, tyramine, PML, malignancies

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 38
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
    And diagnosis.active_disease is true

  Scenario: On ozanimod: blood pressure and tyramine
    Given the current treatment is ozanimod
    And treatment.current.started is 3 months before the assessment date
    When the patient is assessed for ozanimod
    Then the finding ozanimod.monitoring.during-treatment says "tyramine"

  Scenario: PML confirmed holds ozanimod
    Given infection.pml_confirmed is true
    When the patient is assessed for ozanimod
    Then the finding ozanimod.monitoring.pml has verdict deferred

  Scenario: Active malignancy
    Given history.malignancy_active is true
    When the patient is assessed for ozanimod
    Then the finding ozanimod.monitoring.malignancy has verdict eligible_with_precautions
