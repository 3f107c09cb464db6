@contraindications
Feature: Ocrelizumab contraindications (US label section 4)

  Background:
    Given the assessment date is 2026-11-22
    And a PPMS patient aged 48
    And the screening results are complete and normal

  Scenario: Active hepatitis B confirmed by a liver specialist is a contraindication
    Given screening.hbsag is positive
    And screening.anti_hbc is positive
    And screening.hbv_active is true
    When the patient is assessed for ocrelizumab
    Then the verdict is contraindicated
    And the finding ocrelizumab.contraindication.active-hbv is explained by "HBsAg is positive"
    And the finding ocrelizumab.contraindication.active-hbv is explained by "active hepatitis B confirmed by a liver specialist"
    And the finding ocrelizumab.contraindication.active-hbv cites ocrevus-uspi-2024-01 section 4

  Scenario: HBsAg negative is not active hepatitis B
    Given screening.anti_hbc is positive
    When the patient is assessed for ocrelizumab
    Then no contraindication finding is reported
    And the verdict is eligible_with_precautions

  Scenario: A previous life-threatening infusion reaction is a contraindication
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is true
    When the patient is assessed for ocrelizumab
    Then the verdict is contraindicated
    And the finding ocrelizumab.contraindication.prior-life-threatening-infusion-reaction is reported

  Scenario: After earlier doses, an unrecorded infusion history needs work-up
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.contraindication.prior-life-threatening-infusion-reaction is undecided
    And history.life_threatening_infusion_reaction is reported missing
    And the verdict is workup_required

  Scenario: A patient never given ocrelizumab cannot have reacted to it
    When the patient is assessed for ocrelizumab
    Then history.life_threatening_infusion_reaction is not reported missing
    And the verdict is eligible
