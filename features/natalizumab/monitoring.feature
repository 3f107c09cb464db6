@monitoring
Feature: PML risk stratification on natalizumab (boxed warning risk factors; EU 4.2 re-information)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, hypersensitivity_to: []}
      medications: {current: []}
      reproductive: {pregnant: false, breastfeeding: false}
      """
    And the current treatment is natalizumab

  Scenario: JCV positive and on natalizumab for 3 years: higher PML risk
    Given labs.jcv_antibody is positive
    And labs.jcv_index is 0.8
    And treatment.current.started is 3 years before the assessment date
    When the patient is assessed for natalizumab
    Then the verdict is eligible_with_precautions
    And the finding natalizumab.monitoring.jcv-positive-over-2-years applies
    And the finding natalizumab.monitoring.jcv-index-high is not reported
    And the finding natalizumab.monitoring.pml-risk-counselling says "all three"

  Scenario: JCV positive, under 2 years (near miss)
    Given labs.jcv_antibody is positive
    And labs.jcv_index is 0.8
    And treatment.current.started is 23 months before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.monitoring.jcv-positive-over-2-years is not reported

  Scenario: JCV positive and the start date unknown: treatment duration is asked for
    Given labs.jcv_antibody is positive
    And labs.jcv_index is 0.8
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.monitoring.jcv-positive-over-2-years is undecided

  Scenario Outline: A high anti-JCV antibody index
    Given labs.jcv_antibody is positive
    And labs.jcv_index is <index>
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.monitoring.jcv-index-high is <reported>

    Examples:
      | index | reported     |
      | 1.6   | reported     |
      | 1.5   | not reported |

  Scenario: JCV positive without an index: the index is suggested
    Given labs.jcv_antibody is positive
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.monitoring.jcv-index-not-recorded has verdict info

  Scenario: JCV negative on natalizumab: re-test every 6 months
    Given labs.jcv_antibody is negative
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.monitoring.jcv-negative-retest says "every 6 months"

  Scenario: Prior mitoxantrone is a PML risk factor
    Given labs.jcv_antibody is negative
    And treatment.current.started is 1 years before the assessment date
    And an earlier treatment with mitoxantrone stopped 2 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.monitoring.prior-immunosuppressant has verdict eligible_with_precautions

  Scenario: EU: re-informed about PML after 2 years
    Given labs.jcv_antibody is negative
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.monitoring.eu-reinform-after-2-years applies
