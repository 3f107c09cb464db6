@workup
Feature: Work-up before the first teriflunomide dose (US boxed warning 2/2024; EU 4.4 monitoring)

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
      | patient.sex                        | male       |
  Scenario: Liver tests never done
    Given screening.liver_tests is unknown
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And screening.liver_tests is reported missing, asked by teriflunomide.workup.liver-tests
    And the finding teriflunomide.workup.liver-tests says "within 6 months"

  Scenario: Abnormal liver tests hold the start
    Given screening.liver_tests is abnormal
    When the patient is assessed for teriflunomide
    Then the verdict is deferred
    And the finding teriflunomide.workup.abnormal-liver-tests applies

  Scenario Outline: A blood count older than 6 months (or none) is asked for
    Given screening.cbc_date is <when>
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.workup.blood-count <outcome>

    Examples:
      | when       | outcome         |
      | unknown    | applies         |
      | 2026-05-01 | applies         |
      | 2026-06-01 | is not reported |

  Scenario: Tuberculosis screening never done
    Given screening.tuberculosis is unknown
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And screening.tuberculosis is reported missing, asked by teriflunomide.workup.tuberculosis-screening

  Scenario: Latent tuberculosis holds the start
    Given screening.tuberculosis is latent
    When the patient is assessed for teriflunomide
    Then the verdict is deferred
    And the finding teriflunomide.workup.tuberculosis-positive applies

  Scenario: Blood pressure not recorded
    Given cardiac.uncontrolled_hypertension is unknown
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And cardiac.uncontrolled_hypertension is reported missing, asked by teriflunomide.workup.blood-pressure

  Scenario: Uncontrolled hypertension is a precaution
    Given cardiac.uncontrolled_hypertension is true
    When the patient is assessed for teriflunomide
    Then the verdict is eligible_with_precautions
    And the finding teriflunomide.workup.hypertension applies

  Scenario: An active infection holds the start
    Given infection.active is true
    When the patient is assessed for teriflunomide
    Then the verdict is deferred
    And the finding teriflunomide.workup.active-infection applies

  Scenario: Live vaccines: the label text was not read, so the finding says to check it
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.workup.live-vaccines has verdict info
    And the finding teriflunomide.workup.live-vaccines is marked uncertain with "NOT read"
