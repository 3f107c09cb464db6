@workup
Feature: Work-up before the first fingolimod dose (US Highlights 7/2024; US 2011 5.2; EU 2011 4.2)
  Unknown is not negative: a test never done asks for work-up and names the field.

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

  Scenario: No ECG recorded asks for one
    Given screening.ecg is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.ecg has verdict workup_required
    And screening.ecg is reported missing, asked by fingolimod.workup.ecg

  Scenario Outline: A blood count older than 6 months, or none, asks for a recent one
    Given screening.cbc_date is <when>
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.cbc <outcome>

    Examples:
      | when                                   | outcome                     |
      | 7 months before the assessment date    | has verdict workup_required |
      | unknown                                | has verdict workup_required |
      | 5 months before the assessment date    | is not reported             |

  Scenario: Unknown VZV immunity asks for antibodies; a confirmed chickenpox history does not
    Given screening.vzv_igg is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.vzv-antibodies has verdict workup_required
    And screening.vzv_igg is reported missing, asked by fingolimod.workup.vzv-antibodies

  Scenario: Chickenpox confirmed by a clinician needs no antibody test
    Given screening.vzv_igg is unknown
    And history.varicella_or_vzv_vaccine is true
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.vzv-antibodies is not reported

  Scenario: VZV antibody negative defers the start until one month after vaccination
    Given screening.vzv_igg is negative
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.vzv-negative has verdict deferred
    And the verdict is deferred
    And the finding fingolimod.workup.vzv-negative tells the patient "chickenpox vaccine"

  Scenario: Diabetes without an eye examination asks for one
    Given history.diabetes is true
    And screening.eye_exam is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.eye-exam-risk-group has verdict workup_required
    And screening.eye_exam is reported missing, asked by fingolimod.workup.eye-exam-risk-group

  Scenario: Unknown diabetes status with no eye examination is not negative
    Given history.diabetes is unknown
    And screening.eye_exam is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.eye-exam-risk-group is undecided
    And history.diabetes is reported missing, asked by fingolimod.workup.eye-exam-risk-group

  Scenario: Macular oedema found at the eye examination
    Given screening.eye_exam is macular_oedema
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.macular-oedema-found has verdict eligible_with_precautions

  Scenario: Liver tests not done, then abnormal
    Given screening.liver_tests is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.liver-tests has verdict workup_required
    And screening.liver_tests is reported missing, asked by fingolimod.workup.liver-tests

  Scenario: Abnormal liver tests are a precaution
    Given screening.liver_tests is abnormal
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.abnormal-liver-tests has verdict eligible_with_precautions
