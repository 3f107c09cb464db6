@zunovo
Feature: Ocrevus Zunovo (subcutaneous ocrelizumab with hyaluronidase), US label of 9/2024

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 33
    And the screening results are complete and normal
    And history.life_threatening_infusion_reaction is false

  Scenario: On Zunovo: 920 mg every 6 months from the last injection, no earliest date
    Given SC ocrelizumab doses 26 weeks before the assessment date
    And the current treatment is ocrelizumab
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.sc-dosing says "920 mg"
    And the finding ocrelizumab.schedule.sc-dosing says "no split start dose"
    And the schedule has "next dose: 920 mg SC (Ocrevus Zunovo)" due on 2026-11-24
    And the schedule has "before the dose: premedication" due on 2026-11-24
    And the schedule has no "next dose: 600 mg IV"
    And the finding ocrelizumab.administration.premedication-sc says "dexamethasone"
    And the finding ocrelizumab.administration.premedication-sc is marked uncertain with "20 mg"
    And the finding ocrelizumab.administration.observation-sc says "15 minutes"
    And the finding ocrelizumab.administration.premedication-iv is not reported
    And the finding ocrelizumab.administration.iv-sc-not-interchangeable says "not interchangeable"

  Scenario: An overdue Zunovo dose restarts the schedule from the catch-up dose
    Given SC ocrelizumab doses 7 months before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.dose-overdue is reported
    And the schedule has "next dose: 920 mg SC (Ocrevus Zunovo)" due on 2026-10-22
    And the schedule has "following dose if the overdue dose is given on 2026-11-22" due on 2027-05-22

  Scenario: On IV ocrelizumab: no Zunovo premedication or observation (near miss)
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.premedication-sc is not reported
    And the finding ocrelizumab.administration.observation-sc is not reported
    And the finding ocrelizumab.schedule.sc-dosing is not reported

  Scenario: EU: patients on IV may move to SC (UK SmPC 4.2)
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.administration.iv-to-sc-transition-eu says "transition to SC"
    And the finding ocrelizumab.administration.iv-sc-not-interchangeable is not reported

  Scenario: US: the IV/SC transition wording of the UK SmPC is not shown (near miss)
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.iv-to-sc-transition-eu is not reported
