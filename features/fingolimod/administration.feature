@administration
Feature: Giving fingolimod: first-dose observation, infections, vaccines, other immune therapies

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

  Scenario: The first dose is observed for 6 hours
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.first-dose-observation has verdict info
    And the finding fingolimod.administration.first-dose-observation says "at least 6 hours"
    And the finding fingolimod.administration.live-vaccines-during says "2 months after stopping"

  Scenario: On fingolimod, no first-dose observation
    Given the current treatment is fingolimod
    And treatment.current.started is 1 year before the assessment date
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.first-dose-observation is not reported

  Scenario: A beta blocker calls for cardiology advice and overnight ECG
    Given medications.current is [beta_blocker]
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.heart-rate-lowering-drugs has verdict eligible_with_precautions
    And the finding fingolimod.administration.heart-rate-lowering-drugs says "overnight"

  Scenario: An unrecorded medicines list is not negative
    Given medications.current is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.heart-rate-lowering-drugs is undecided
    And the finding fingolimod.contraindication.class-ia-iii-antiarrhythmic is undecided

  Scenario: Active infection defers the start; unknown infection status asks
    Given infection.active is true
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.active-infection has verdict deferred
    And the verdict is deferred

  Scenario: Unknown infection status is undecided
    Given infection.active is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.active-infection is undecided

  Scenario Outline: A live vaccine less than a month ago defers the start
    Given a live vaccine "varicella" <ago> before the assessment date
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.live-vaccine-before-start <outcome>

    Examples:
      | ago     | outcome                 |
      | 3 weeks | has verdict deferred    |
      | 5 weeks | is not reported         |

  Scenario: Immunosuppressive medicines add to fingolimod's immune effects
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for fingolimod
    Then the finding fingolimod.administration.other-immune-therapies has verdict eligible_with_precautions
