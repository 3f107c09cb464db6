@pregnancy
Feature: Siponimod in pregnancy (US: fetal risk, 10 days; EU: contraindicated, secondary)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 30
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
    And reproductive.contraception is true

  Scenario: Contraception during and 10 days after
    When the patient is assessed for siponimod
    Then the finding siponimod.pregnancy.contraception says "10 days"

  Scenario: US pregnant: held; EU pregnant: contraindicated
    Given reproductive.pregnant is true
    When the patient is assessed for siponimod
    Then the finding siponimod.pregnancy.us-pregnant has verdict deferred
    And the finding siponimod.pregnancy.eu-pregnant-or-no-contraception is not reported

  Scenario: EU SPMS, pregnant: contraindicated
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    And reproductive.pregnant is true
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.pregnancy.eu-pregnant-or-no-contraception has verdict contraindicated
    And the verdict is contraindicated

  Scenario: No contraception: US precaution, EU contraindication
    Given reproductive.contraception is false
    When the patient is assessed for siponimod
    Then the finding siponimod.pregnancy.us-no-contraception has verdict eligible_with_precautions

  Scenario: EU: unknown contraception is not negative
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    And reproductive.contraception is unknown
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.pregnancy.eu-pregnant-or-no-contraception is undecided

  Scenario: EU breastfeeding
    Given reproductive.breastfeeding is true
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.pregnancy.eu-breastfeeding has verdict deferred

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    When the patient is assessed for siponimod under the EU label
    Then no pregnancy finding is reported
