@safety
Feature: Peginterferon beta-1a contraindications, work-up, precautions and monitoring

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | screening.cbc_date                      | 2 weeks before |
      | screening.thyroid_function              | normal         |
      | history.depression_or_suicidal_ideation | false          |
      | history.seizures                        | false          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |
      | reproductive.breastfeeding              | false          |

  Scenario: A recorded hypersensitivity contraindicates it
    Given history.hypersensitivity_to is [peginterferon-beta-1a]
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is contraindicated
    And the finding peginterferon-beta-1a.contraindication.hypersensitivity is reported

  Scenario: EU: depression in the history asks whether it is current and severe
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for peginterferon-beta-1a under the EU label
    Then the verdict is workup_required
    And the finding peginterferon-beta-1a.contraindication.severe-depression-eu says "report symptoms at once"
    And the finding peginterferon-beta-1a.administration.depression-caution-us is not reported

  Scenario: US: depression in the history is a precaution
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible_with_precautions
    And the finding peginterferon-beta-1a.administration.depression-caution-us has verdict eligible_with_precautions

  Scenario: US: a seizure disorder is a precaution
    Given history.seizures is true
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible_with_precautions
    And the finding peginterferon-beta-1a.administration.seizure-caution-us says "seizures"

  Scenario: A blood count never done is asked for before the first dose
    Given screening.cbc_date is unknown
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is workup_required
    And the finding peginterferon-beta-1a.workup.baseline-labs has verdict workup_required

  Scenario: Abnormal liver tests are a precaution
    Given screening.liver_tests is abnormal
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible_with_precautions
    And the finding peginterferon-beta-1a.workup.liver-tests-abnormal is reported

  Scenario: Injection, monitoring and PAH information for a new patient
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible
    And the finding peginterferon-beta-1a.administration.injection-technique says "latex"
    And the finding peginterferon-beta-1a.monitoring.liver-blood-counts-tma says "thrombotic microangiopathy"
    And the finding peginterferon-beta-1a.monitoring.pulmonary-arterial-hypertension cites plegridy-uspi-2023-07 section 5.8
