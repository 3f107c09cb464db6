@schedule
Feature: Interferon beta-1a calendars: IM (Avonex) once a week; SC (Rebif) titrated over 4 weeks,
  then three times a week

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

  Scenario: A new patient without a recorded product is asked to record it
    When the patient is assessed for interferon-beta-1a
    Then the finding interferon-beta-1a.schedule.record-product says "IM is Avonex"
    And the schedule has "next dose"

  Scenario: Avonex (IM): the next dose is a week after the last
    Given the current treatment is interferon-beta-1a (IM) started 2 weeks before the assessment date
    And IM interferon-beta-1a doses 2 weeks and 10 days before the assessment date
    When the patient is assessed for interferon-beta-1a
    Then the finding interferon-beta-1a.schedule.dosing-im says "7.5 micrograms"
    And the schedule has "next dose: 30 micrograms IM once a week" due on 2026-11-19

  Scenario: Rebif (SC): the full dose from week 5 is dated 4 weeks after dose 1
    Given the current treatment is interferon-beta-1a (SC) started 3 weeks before the assessment date
    And SC interferon-beta-1a doses 3 weeks before the assessment date
    When the patient is assessed for interferon-beta-1a
    Then the finding interferon-beta-1a.schedule.dosing-sc says "at least 48 hours apart"
    And the schedule has "from week 5: full dose (44 or 22 micrograms) SC three times a week" due on 2026-11-29
    And the schedule has "daily dosing (continuous)"

  Scenario: A contraindication holds the Avonex calendar
    Given the current treatment is interferon-beta-1a (IM) started 2 weeks before the assessment date
    And IM interferon-beta-1a doses 2 weeks and 1 weeks before the assessment date
    And history.hypersensitivity_to is [interferon-beta-1a]
    When the patient is assessed for interferon-beta-1a
    Then the schedule has "next dose: 30 micrograms IM once a week" on hold by interferon-beta-1a.contraindication.hypersensitivity
    And no dose is shown as due
