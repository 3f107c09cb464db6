@administration
Feature: Giving ozanimod: cardiac review, infections, vaccines, other immune therapies

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

  Scenario Outline: Slow heart rate, abnormal ECG or a heart-rate-lowering drug: cardiology advice
    Given <field> is <value>
    When the patient is assessed for ozanimod
    Then the finding ozanimod.administration.cardiac-review <outcome>

    Examples:
      | field                      | value          | outcome                               |
      | cardiac.resting_heart_rate | 50             | has verdict eligible_with_precautions |
      | medications.current        | [beta_blocker] | has verdict eligible_with_precautions |
      | cardiac.resting_heart_rate | 60             | is not reported                       |
      | medications.current        | unknown        | is undecided                          |

  Scenario: Active infection defers the start
    Given infection.active is true
    When the patient is assessed for ozanimod
    Then the finding ozanimod.administration.active-infection has verdict deferred

  Scenario: A live vaccine 10 days ago defers the start
    Given a live vaccine 10 days before the assessment date
    When the patient is assessed for ozanimod
    Then the finding ozanimod.administration.live-vaccine-before-start has verdict deferred
    And the finding ozanimod.administration.live-vaccines-during says "3 months after stopping"

  Scenario: Immunosuppressive medicines
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for ozanimod
    Then the finding ozanimod.administration.other-immune-therapies has verdict eligible_with_precautions
