@workup
Feature: Work-up before the first ocrelizumab dose (US label section 2.1, 8/2025)
  Unknown is not negative: a test never done yields workup_required and names the field.

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 34

  Scenario: A new referral with nothing tested needs HBV, immunoglobulins and liver tests
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.workup.hbv-screening has verdict workup_required
    And the finding ocrelizumab.workup.hbv-screening cites ocrevus-uspi-2025-08 section 2.1
    And the finding ocrelizumab.workup.hbv-screening tells the patient "blood test for hepatitis B"
    And the finding ocrelizumab.workup.immunoglobulins is reported
    And the finding ocrelizumab.workup.liver-tests says "bilirubin"
    And screening.hbsag is reported missing
    And screening.anti_hbc is reported missing
    And screening.immunoglobulins is reported missing
    And screening.liver_tests is reported missing

  Scenario: Only anti-HBc missing still needs HBV screening
    Given the screening results are complete and normal
    And screening.anti_hbc is unknown
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.workup.hbv-screening is explained by "anti-HBc is unknown"
    And screening.anti_hbc is reported missing
    And screening.hbsag is not reported missing

  Scenario: Complete normal screening needs no work-up
    Given the screening results are complete and normal
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding ocrelizumab.workup.hbv-screening is not reported
    And the finding ocrelizumab.workup.immunisation-review is reported

  Scenario: Anti-HBc positive asks for a liver disease expert
    Given the screening results are complete and normal
    And screening.anti_hbc is positive
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.hbv-hepatology-consult says "liver disease expert"

  Scenario: An HBV carrier (HBsAg positive, active infection excluded by hepatology) asks for a liver disease expert
    Given the screening results are complete and normal
    And screening.hbsag is positive
    And screening.hbv_active is false
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.hbv-hepatology-consult is reported
    And no contraindication finding is reported

  Scenario: Low immunoglobulins ask for an immunology expert
    Given the screening results are complete and normal
    And screening.immunoglobulins is low
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.low-immunoglobulins says "immunology"

  Scenario: Abnormal baseline liver tests are a precaution with their uncertainty
    Given the screening results are complete and normal
    And screening.liver_tests is abnormal
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.workup.abnormal-liver-tests has verdict eligible_with_precautions

  Scenario Outline: A live vaccine less than 4 weeks ago defers the first dose
    Given the screening results are complete and normal
    And a live vaccine <amount> before the assessment date
    When the patient is assessed for ocrelizumab
    Then the verdict is <verdict>

    Examples:
      | amount  | verdict  |
      | 3 weeks | deferred |
      | 27 days | deferred |
      | 28 days | eligible |
      | 6 weeks | eligible |

  Scenario: The US live-vaccine deferral names its 4 weeks (the EU version says 6)
    Given the screening results are complete and normal
    And a live vaccine 20 days before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.workup.live-vaccine-too-recent says "at least 4 weeks"
    And the finding ocrelizumab.workup.eu-live-vaccine-too-recent is not reported

  Scenario: A non-live vaccine 10 days ago is a precaution, not a deferral
    Given the screening results are complete and normal
    And a non-live vaccine 10 days before the assessment date
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.non-live-vaccine-recent is reported

  Scenario: Work-up rules are for the first dose only
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.active is false
    When the patient is assessed for ocrelizumab
    Then no workup finding is reported
    And the finding ocrelizumab.workup.hbv-screening is not reported
