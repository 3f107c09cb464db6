@schedule
Feature: Peginterferon beta-1a calendar: 63 micrograms day 1, 94 day 15, 125 day 29, then every 14 days

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
      | activity.relapses_past_12_months        | 2              |

  Scenario: A new patient sees the titration steps, undated
    When the patient is assessed for peginterferon-beta-1a
    Then the finding peginterferon-beta-1a.schedule.dosing says "every 14 days"
    And the schedule has "dose 1: 63 micrograms (day 1)"
    And the schedule has "dose 2: 94 micrograms (day 15)"
    And the schedule has "dose 3: 125 micrograms (day 29)"

  Scenario: One week after dose 1, dose 2 is due 14 days after dose 1
    Given the current treatment is peginterferon-beta-1a (SC) started 1 weeks before the assessment date
    And SC peginterferon-beta-1a doses 1 weeks before the assessment date
    When the patient is assessed for peginterferon-beta-1a
    Then the schedule has "next dose: dose 2: 94 micrograms (day 15)" due on 2026-11-29

  Scenario: After the titration the next 125 microgram dose is 14 days after the last
    Given the current treatment is peginterferon-beta-1a (IM) started 5 weeks before the assessment date
    And IM peginterferon-beta-1a doses 5 weeks, 3 weeks and 1 weeks before the assessment date
    When the patient is assessed for peginterferon-beta-1a
    Then the schedule has "next dose: 125 micrograms every 14 days" due on 2026-11-29

  Scenario: A contraindication holds the next dose
    Given the current treatment is peginterferon-beta-1a (SC) started 5 weeks before the assessment date
    And SC peginterferon-beta-1a doses 5 weeks, 3 weeks and 1 weeks before the assessment date
    And history.hypersensitivity_to is [peginterferon-beta-1a]
    When the patient is assessed for peginterferon-beta-1a
    Then the schedule has "next dose: 125 micrograms every 14 days" on hold by peginterferon-beta-1a.contraindication.hypersensitivity
    And no dose is shown as due

  Scenario: A pregnancy holds the next dose until the clinician has decided
    Given the current treatment is peginterferon-beta-1a (SC) started 5 weeks before the assessment date
    And SC peginterferon-beta-1a doses 5 weeks, 3 weeks and 1 weeks before the assessment date
    And reproductive.pregnant is true
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is deferred
    And the schedule has "next dose: 125 micrograms every 14 days" on hold by peginterferon-beta-1a.pregnancy.pregnant-check-label
