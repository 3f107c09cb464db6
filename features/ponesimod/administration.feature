@administration
Feature: Giving ponesimod: 4-hour first-dose monitoring, infections, vaccines, immune therapies

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 42
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

  Scenario Outline: First-dose monitoring for a slow heart rate or abnormal ECG
    Given <field> is <value>
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.first-dose-monitoring <outcome>

    Examples:
      | field                      | value    | outcome                               |
      | cardiac.resting_heart_rate | 52       | has verdict eligible_with_precautions |
      | screening.ecg              | abnormal | has verdict eligible_with_precautions |
      | cardiac.resting_heart_rate | 70       | is not reported                       |

  Scenario: A heart-rate-lowering drug; an unknown medicines list
    Given medications.current is [heart_rate_lowering_ccb]
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.heart-rate-lowering-drugs has verdict eligible_with_precautions

  Scenario: Unknown medicines are not negative
    Given medications.current is unknown
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.heart-rate-lowering-drugs is undecided

  Scenario: Active infection defers the start
    Given infection.active is true
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.active-infection has verdict deferred

  Scenario: A live vaccine 1 week ago defers the start
    Given a live vaccine 1 weeks before the assessment date
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.live-vaccine-before-start has verdict deferred
    And the finding ponesimod.administration.live-vaccines-during says "1-2 weeks"

  Scenario: Immunosuppressive medicines
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for ponesimod
    Then the finding ponesimod.administration.other-immune-therapies has verdict eligible_with_precautions
