@safety
Feature: Interferon beta-1a contraindications, work-up, precautions and monitoring (Avonex, Rebif)

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
    Given history.hypersensitivity_to is [interferon-beta-1a]
    When the patient is assessed for interferon-beta-1a
    Then the verdict is contraindicated
    And the finding interferon-beta-1a.contraindication.hypersensitivity is reported

  Scenario: EU: depression in the history asks to check the current 4.3
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1a.contraindication.check-eu-4-3-depression says "current 4.3"

  Scenario: US: depression in the history is a precaution
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for interferon-beta-1a
    Then the verdict is eligible_with_precautions
    And the finding interferon-beta-1a.administration.depression-caution-us is reported

  Scenario: Thyroid function never tested is asked for before the first dose
    Given screening.thyroid_function is unknown
    When the patient is assessed for interferon-beta-1a
    Then the verdict is workup_required
    And the finding interferon-beta-1a.workup.baseline-labs is reported

  Scenario: Abnormal liver tests are a precaution
    Given screening.liver_tests is abnormal
    When the patient is assessed for interferon-beta-1a
    Then the verdict is eligible_with_precautions
    And the finding interferon-beta-1a.workup.liver-tests-abnormal says "2.5 x ULN"

  Scenario: A new patient (product not yet recorded): Avonex first-injection and PAH findings apply
    When the patient is assessed for interferon-beta-1a
    Then the verdict is eligible
    And the finding interferon-beta-1a.administration.first-injection-supervised-im cites avonex-uspi-2023-07 section 2.2
    And the finding interferon-beta-1a.monitoring.pulmonary-arterial-hypertension-im is reported
    And the finding interferon-beta-1a.monitoring.liver-and-blood-counts is reported
    And the finding interferon-beta-1a.administration.injection-technique is reported

  Scenario: Rebif (SC): no Avonex first-injection or PAH finding
    Given the current treatment is interferon-beta-1a
    And treatment.current.formulation is SC
    When the patient is assessed for interferon-beta-1a
    Then the finding interferon-beta-1a.administration.first-injection-supervised-im is not reported
    And the finding interferon-beta-1a.monitoring.pulmonary-arterial-hypertension-im is not reported
