@pregnancy
Feature: Teriflunomide embryofetal toxicity, contraception until < 0.02 mg/L, accelerated elimination, lactation

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value      |
      | screening.liver_tests              | normal     |
      | screening.cbc_date                 | 2026-10-01 |
      | screening.tuberculosis             | negative   |
      | cardiac.uncontrolled_hypertension  | false      |
      | history.hepatic_impairment         | none       |
      | history.hypersensitivity_to        | []         |
      | history.severely_immunocompromised | false      |
      | medications.current                | []         |
      | infection.active                   | false      |
      | diagnosis.phenotype                | RRMS       |
      | patient.age                        | 38         |
      | patient.sex                        | female     |
  Scenario: Pregnant: contraindicated, with accelerated elimination
    Given reproductive.pregnant is true
    And reproductive.contraception is true
    When the patient is assessed for teriflunomide
    Then the verdict is contraindicated
    And the finding teriflunomide.pregnancy.pregnant says "accelerated"
    And no dose is shown as due

  Scenario: Pregnancy not excluded before the first dose
    Given reproductive.contraception is true
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And the finding teriflunomide.pregnancy.pregnancy-test applies

  Scenario: No effective contraception is contraindicated
    Given reproductive.pregnant is false
    And reproductive.contraception is false
    When the patient is assessed for teriflunomide
    Then the verdict is contraindicated
    And the finding teriflunomide.pregnancy.no-contraception says "0.02 mg/L"

  Scenario: Contraception unknown asks for it
    Given reproductive.pregnant is false
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.pregnancy.no-contraception is undecided
    And reproductive.contraception is reported missing

  Scenario: Planning a pregnancy
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.planning_pregnancy is true
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.pregnancy.planning has verdict eligible_with_precautions

  Scenario: Breastfeeding: contraindicated in the EU
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.breastfeeding is true
    When the patient is assessed for teriflunomide under the EU label
    Then the verdict is contraindicated
    And the finding teriflunomide.pregnancy.eu-breastfeeding applies
    And the finding teriflunomide.pregnancy.us-breastfeeding is not reported

  Scenario: Breastfeeding: a benefit-risk precaution in the US
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.breastfeeding is true
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.pregnancy.us-breastfeeding has verdict eligible_with_precautions
    And the finding teriflunomide.pregnancy.eu-breastfeeding is not reported

  Scenario: A man whose partner plans a pregnancy gets no pregnancy finding but the elimination advice
    Given patient.sex is male
    And reproductive.planning_pregnancy is true
    When the patient is assessed for teriflunomide
    Then no pregnancy finding is reported
    And the finding teriflunomide.workup.men-partner-pregnancy applies
    And reproductive.pregnant is not reported missing
