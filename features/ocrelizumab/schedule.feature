@schedule
Feature: The ocrelizumab dosing calendar and infusion time (US 2.3 of 1/2024; schedule dates exact)
  Dates count from the assessment date. "6 months after" a date is the same day of the month 6
  months later, or the 1st of the next month when that day does not exist (docs/schedule.md).

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 40
    And the screening results are complete and normal
    And history.life_threatening_infusion_reaction is false

  Scenario: Before the first dose the IV start regimen is shown, without dates
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.iv-start-regimen says "two weeks later"
    And the finding ocrelizumab.schedule.iv-start-regimen cites ocrevus-uspi-2024-01 section 2.3
    And the schedule has "start dose (IV): 300 mg, then 300 mg two weeks later"
    And the finding ocrelizumab.administration.infusion-duration-iv says "2.5 hours"

  Scenario: A patient starting on Zunovo gets no IV start regimen (near miss)
    Given treatment.ocrelizumab.formulation is SC
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.iv-start-regimen is not reported
    And the finding ocrelizumab.administration.infusion-duration-iv is not reported
    And the schedule has no "start dose (IV): 300 mg, then 300 mg two weeks later"
    And the schedule has "first dose (SC, Ocrevus Zunovo): 920 mg, no split start"

  Scenario: After the first 300 mg infusion the second is due two weeks later
    Given IV ocrelizumab doses 10 days before the assessment date
    And the current treatment is ocrelizumab
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.iv-second-start-infusion is reported
    And the schedule has "second 300 mg start infusion (IV)" due on 2026-11-26
    And the schedule has "first 600 mg dose (IV)" due on 2027-05-12
    And the schedule has "before the dose: premedication" due on 2026-11-26

  Scenario: After the start dose the first 600 mg dose counts from infusion 1
    Given IV ocrelizumab doses 20 weeks and 18 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.iv-second-start-infusion is not reported
    And the finding ocrelizumab.schedule.iv-maintenance is reported
    And the schedule has "next dose: 600 mg IV" due on 2027-01-05
    And the schedule has "next dose: 600 mg IV" earliest on 2026-12-19

  Scenario: On maintenance the next dose, its earliest date and what is due before it
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.iv-maintenance says "every 6 months"
    And the schedule has "next dose: 600 mg IV" due on 2027-03-13
    And the schedule has "next dose: 600 mg IV" earliest on 2027-02-13
    And the schedule has "before the dose: check for an active infection" due on 2027-03-13
    And the schedule has "before the dose: premedication" due on 2027-03-13
    And the schedule has "after the dose: observation" due on 2027-03-13
    And the assessment assessments[0].schedule[0].status is upcoming
    And the finding ocrelizumab.schedule.dose-overdue is not reported

  Scenario: The minimum interval disagreement is stated beside the earliest date
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    When the clinician report for ocrelizumab is printed
    Then the clinician report contains "a newer manufacturer page says 20 weeks (2027-01-31)"
    And the clinician report contains "A minimum interval of 5 months should be maintained between each dose"

  Scenario: An overdue dose is given as soon as possible and the schedule restarts from it
    Given IV ocrelizumab doses 58 weeks, 56 weeks and 32 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.dose-overdue says "as soon as possible"
    And the finding ocrelizumab.schedule.dose-overdue is marked uncertain with "not in label text"
    And the schedule has "next dose: 600 mg IV" due on 2026-10-12
    And the assessment assessments[0].schedule[0].status is overdue
    And the schedule has "following dose if the overdue dose is given on 2026-11-22" due on 2027-05-22
    And the schedule has "before the dose: check for an active infection" due on 2026-11-22

  Scenario Outline: A dose is due exactly 6 months after the last one
    Given IV ocrelizumab doses 18 months, 17 months and <last> before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.dose-overdue is <reported>
    And the assessment assessments[0].schedule[0].status is <status>

    Examples:
      | last     | reported     | status   |
      | 6 months | reported     | due      |
      | 26 weeks | not reported | upcoming |

  Scenario: Six months after the 31st in a short month is the 1st of the next month
    Given the assessment date is 2026-02-20
    And treatment.ocrelizumab.formulation is IV
    And treatment.ocrelizumab.doses is [2024-08-15, 2024-08-29, 2025-08-31]
    When the patient is assessed for ocrelizumab
    Then the schedule has "next dose: 600 mg IV" due on 2026-03-01
    And the schedule has "next dose: 600 mg IV" earliest on 2026-01-31

  Scenario: Without the formulation no date is given and the formulation is asked for
    Given treatment.ocrelizumab.doses is [2026-07-01]
    When the patient is assessed for ocrelizumab
    Then the schedule has "next dose"
    And the schedule has no "next dose: 600 mg IV"
    And treatment.ocrelizumab.formulation is reported missing

  Scenario: A patient who stopped ocrelizumab has no next dose
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 30 weeks before the assessment date
    And the current treatment is ofatumumab
    When the patient is assessed for ocrelizumab
    Then the schedule has no "next dose: 600 mg IV"
    And the finding ocrelizumab.schedule.iv-maintenance is not reported
    And no schedule finding is reported

  Scenario: No serious infusion reaction so far allows the shorter 2-hour infusion
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And treatment.ocrelizumab.serious_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.shorter-infusion-eligible says "about 2 hours"
    And the finding ocrelizumab.administration.shorter-infusion-not-eligible is not reported

  Scenario: An earlier serious infusion reaction rules out the shorter infusion
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And treatment.ocrelizumab.serious_infusion_reaction is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.shorter-infusion-not-eligible says "standard"
    And the finding ocrelizumab.administration.shorter-infusion-eligible is not reported

  Scenario: An unrecorded infusion history does not pass as "no reaction"
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.shorter-infusion-eligible is not reported
    And treatment.ocrelizumab.serious_infusion_reaction is reported missing

  Scenario: The shorter infusion is not offered for the second start infusion (near miss)
    Given IV ocrelizumab doses 10 days before the assessment date
    And treatment.ocrelizumab.serious_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.shorter-infusion-eligible is not reported
