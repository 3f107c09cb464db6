@pregnancy
Feature: Cladribine teratogenicity, contraception (women and men) and breastfeeding (US 10 days vs EU 1 week)

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value    |
      | screening.hbsag                    | negative |
      | screening.anti_hbc                 | negative |
      | screening.hcv                      | negative |
      | screening.hiv                      | negative |
      | screening.tuberculosis             | negative |
      | screening.vzv_igg                  | positive |
      | screening.liver_tests              | normal   |
      | infection.active                   | false    |
      | labs.lymphocytes_10e9_per_l        | 1.6      |
      | labs.creatinine_clearance_ml_min   | 95       |
      | history.malignancy_active          | false    |
      | history.hypersensitivity_to        | []       |
      | history.severely_immunocompromised | false    |
      | medications.current                | []       |
      | diagnosis.phenotype                | RRMS     |
      | patient.age                        | 38       |
      | patient.sex                        | female   |
  Scenario: A woman using contraception, not pregnant, gets the barrier-method advice only
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    When the patient is assessed for cladribine
    Then the finding cladribine.pregnancy.hormonal-contraception-barrier has verdict info
    And the finding cladribine.pregnancy.pregnancy-test is not reported
    And the finding cladribine.pregnancy.us-contraception is not reported

  Scenario: Pregnancy not excluded before the course asks for it
    Given reproductive.contraception is true
    When the patient is assessed for cladribine
    Then the verdict is workup_required
    And the finding cladribine.pregnancy.pregnancy-test applies

  Scenario: Pregnant is contraindicated and holds the course
    Given reproductive.pregnant is true
    And reproductive.contraception is true
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.pregnancy.pregnant applies
    And no dose is shown as due

  Scenario: US: no effective contraception is contraindicated
    Given reproductive.pregnant is false
    And reproductive.contraception is false
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.pregnancy.us-contraception says "6 months after the last dose"

  Scenario: EU: no effective contraception holds the course
    Given reproductive.pregnant is false
    And reproductive.contraception is false
    When the patient is assessed for cladribine under the EU label
    Then the verdict is deferred
    And the finding cladribine.pregnancy.eu-contraception applies
    And the finding cladribine.pregnancy.us-contraception is not reported

  Scenario: Contraception unknown asks for it
    Given reproductive.pregnant is false
    When the patient is assessed for cladribine
    Then the finding cladribine.pregnancy.us-contraception is undecided
    And reproductive.contraception is reported missing

  Scenario: US: breastfeeding is contraindicated on treatment days and for 10 days
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.breastfeeding is true
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.pregnancy.us-breastfeeding says "10 days"
    And the finding cladribine.pregnancy.eu-breastfeeding is not reported

  Scenario: EU: breastfeeding is contraindicated, with 1 week after the last dose
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.breastfeeding is true
    When the patient is assessed for cladribine under the EU label
    Then the verdict is contraindicated
    And the finding cladribine.pregnancy.eu-breastfeeding says "1 week"
    And the finding cladribine.pregnancy.us-breastfeeding is not reported

  Scenario: Planning a pregnancy
    Given reproductive.pregnant is false
    And reproductive.contraception is true
    And reproductive.planning_pregnancy is true
    When the patient is assessed for cladribine
    Then the finding cladribine.pregnancy.planning has verdict eligible_with_precautions

  Scenario: A man gets contraception counselling but no pregnancy finding and is never asked about pregnancy
    Given patient.sex is male
    When the patient is assessed for cladribine
    Then no pregnancy finding is reported
    And the finding cladribine.workup.men-contraception-counselling has verdict info
    And reproductive.pregnant is not reported missing
    And reproductive.contraception is not reported missing

  Scenario: US: a man recorded without contraception is contraindicated
    Given patient.sex is male
    And reproductive.contraception is false
    When the patient is assessed for cladribine
    Then the verdict is contraindicated
    And the finding cladribine.contraindication.us-men-without-contraception applies
    And no pregnancy finding is reported

  Scenario: EU: a man recorded without contraception is held
    Given patient.sex is male
    And reproductive.contraception is false
    When the patient is assessed for cladribine under the EU label
    Then the verdict is deferred
    And the finding cladribine.contraindication.eu-men-without-contraception applies
