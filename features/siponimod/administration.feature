@administration
Feature: Giving siponimod: first-dose monitoring, dose by genotype, infections, vaccines

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

  Scenario Outline: A slow heart rate or an abnormal ECG calls for first-dose monitoring
    Given <field> is <value>
    When the patient is assessed for siponimod
    Then the finding siponimod.administration.first-dose-monitoring <outcome>

    Examples:
      | field                      | value    | outcome                                   |
      | cardiac.resting_heart_rate | 54       | has verdict eligible_with_precautions     |
      | cardiac.resting_heart_rate | 55       | is not reported                           |
      | screening.ecg              | abnormal | has verdict eligible_with_precautions     |
      | cardiac.resting_heart_rate | unknown  | is undecided                              |

  Scenario: CYP2C9*1/*3: 1 mg maintenance
    Given genetics.cyp2c9_genotype is "*1/*3"
    When the patient is assessed for siponimod
    Then the finding siponimod.administration.maintenance-dose-by-genotype says "1 mg"
    And the verdict is eligible

  Scenario: Active infection defers the start
    Given infection.active is true
    When the patient is assessed for siponimod
    Then the finding siponimod.administration.active-infection has verdict deferred

  Scenario: A live vaccine 2 weeks ago defers the start; vaccines advice while on it
    Given a live vaccine 2 weeks before the assessment date
    When the patient is assessed for siponimod
    Then the finding siponimod.administration.live-vaccine-before-start has verdict deferred
    And the finding siponimod.administration.live-vaccines-during says "4 weeks after stopping"

  Scenario: Immunosuppressive medicines
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for siponimod
    Then the finding siponimod.administration.other-immune-therapies has verdict eligible_with_precautions
