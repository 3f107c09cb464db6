@schedule
Feature: Interferon beta-1b calendar: titration from 0.0625 mg, then 0.25 mg every other day
  (continuous self-injection)

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

  Scenario: A new patient sees the titration start and the target dose, undated
    When the patient is assessed for interferon-beta-1b
    Then the finding interferon-beta-1b.schedule.dosing says "every other day"
    And the schedule has "titration start: 0.0625 mg (0.25 mL) SC every other day, increased stepwise"
    And the schedule has "target dose 0.25 mg (1 mL) SC every other day (end of titration, about week 7)"
    And the schedule has "daily dosing (continuous)"

  Scenario: Two weeks after the first dose the target dose is dated six weeks from dose 1
    Given the current treatment is interferon-beta-1b (SC) started 2 weeks before the assessment date
    And SC interferon-beta-1b doses 2 weeks before the assessment date
    When the patient is assessed for interferon-beta-1b
    Then the schedule has "target dose 0.25 mg (1 mL) SC every other day (end of titration, about week 7)" due on 2026-12-20

  Scenario: A contraindication holds the calendar
    Given the current treatment is interferon-beta-1b (SC) started 2 weeks before the assessment date
    And SC interferon-beta-1b doses 2 weeks before the assessment date
    And history.hypersensitivity_to is [interferon-beta-1b]
    When the patient is assessed for interferon-beta-1b
    Then the verdict is contraindicated
    And the schedule has "target dose 0.25 mg (1 mL) SC every other day (end of titration, about week 7)" on hold by interferon-beta-1b.contraindication.hypersensitivity
    And no dose is shown as due
