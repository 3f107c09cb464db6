@schedule
Feature: Glatiramer acetate calendar: 20 mg daily or 40 mg three times a week, continuous

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

  Scenario: A new patient sees the first injection and continuous dosing
    When the patient is assessed for glatiramer-acetate
    Then the finding glatiramer-acetate.schedule.dosing says "not interchangeable"
    And the schedule has "first injection (supervised): 20 mg/ml once daily or 40 mg/ml three times a week; no titration"
    And the schedule has "daily dosing (continuous)"

  Scenario: A contraindication holds continuous dosing
    Given the current treatment is glatiramer-acetate (SC) started 8 weeks before the assessment date
    And SC glatiramer-acetate doses 8 weeks before the assessment date
    And history.hypersensitivity_to is [glatiramer-acetate]
    When the patient is assessed for glatiramer-acetate
    Then the schedule has "daily dosing (continuous)" on hold by glatiramer-acetate.contraindication.hypersensitivity
