@monitoring
Feature: Monitoring while on ocrelizumab and after stopping (US sections 5.2-5.7)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 42
    And the screening results are complete and normal
    And history.life_threatening_infusion_reaction is false
    And IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab

  Scenario: On treatment: immunoglobulins, PML, colitis, liver and breast screening are listed
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.immunoglobulins says "until B-cell repletion"
    And the finding ocrelizumab.monitoring.immunoglobulins cites ocrevus-uspi-2024-01 section 5.4
    And the finding ocrelizumab.monitoring.pml-vigilance says "withhold"
    And the finding ocrelizumab.monitoring.colitis-symptoms is marked uncertain with "5.6 was not read"
    And the finding ocrelizumab.monitoring.liver-injury cites ocrevus-uspi-2025-08 section 5.7
    And the finding ocrelizumab.monitoring.breast-cancer-screening tells the patient "breast cancer screening"
    And the verdict is eligible

  Scenario: Before the first dose there is no on-treatment monitoring (near miss)
    Given treatment.ocrelizumab.doses is []
    And treatment.current is unknown
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.immunoglobulins is not reported
    And the finding ocrelizumab.monitoring.pml-vigilance is not reported
    And the finding ocrelizumab.monitoring.colitis-symptoms is not reported
    And the finding ocrelizumab.monitoring.liver-injury is not reported
    And the finding ocrelizumab.monitoring.breast-cancer-screening is reported

  Scenario: Low immunoglobulins on treatment are a precaution
    Given screening.immunoglobulins is low
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.monitoring.low-immunoglobulins-on-treatment says "IV immunoglobulin"
    And the finding ocrelizumab.workup.low-immunoglobulins is not reported

  Scenario: Normal immunoglobulins on treatment are not flagged (near miss)
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.low-immunoglobulins-on-treatment is not reported

  Scenario Outline: Recurrent serious infections ask for immunoglobulins
    Given infection.serious_recurrent is <recurrent>
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.recurrent-serious-infections is <reported>

    Examples:
      | recurrent | reported     |
      | true      | reported     |
      | false     | not reported |

  Scenario Outline: Abnormal liver tests on treatment are evaluated before the next dose
    Given screening.liver_tests is <tests>
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.abnormal-liver-tests-on-treatment is <reported>

    Examples:
      | tests    | reported     |
      | abnormal | reported     |
      | normal   | not reported |

  Scenario: HBV follow-up with a liver disease expert continues during treatment
    Given screening.anti_hbc is positive
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.workup.hbv-hepatology-consult says "during treatment"

  Scenario: After stopping, monitoring and no live vaccines until B-cell repletion
    Given the current treatment is ofatumumab
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.after-stopping-until-repletion says "live"
    And the finding ocrelizumab.monitoring.pml-vigilance is not reported

  Scenario: Recorded B-cell repletion ends the after-stopping monitoring (near miss)
    Given the current treatment is ofatumumab
    And labs.b_cells_repleted is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.after-stopping-until-repletion is not reported

  Scenario: Still on ocrelizumab: no after-stopping monitoring (near miss)
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.after-stopping-until-repletion is not reported
