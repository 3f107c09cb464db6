@schedule
Feature: Dimethyl fumarate calendar: a 7-day titration, then continuous twice-daily dosing

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 34
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.5

  Scenario: A new patient sees the start steps without dates
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.schedule.dosing says "120 mg twice daily for 7 days"
    And the schedule has "start: 120 mg by mouth twice daily for 7 days"
    And the schedule has "maintenance: 240 mg by mouth twice daily (from day 8)"

  Scenario: On treatment: continuous dosing and the 6-month blood count (US)
    Given the current treatment is dimethyl-fumarate
    And treatment.current.started is 2026-09-01
    When the patient is assessed for dimethyl-fumarate
    Then the schedule has "daily dosing (continuous)"
    And the schedule has "blood count with lymphocytes (US: at 6 months, then every 6-12 months)" due on 2027-03-01

  Scenario: Contraindicated: the start is on hold
    Given infection.pml_confirmed is true
    When the patient is assessed for dimethyl-fumarate
    Then the schedule has "start: 120 mg by mouth twice daily for 7 days" on hold by dimethyl-fumarate.contraindication.pml-confirmed
    And no dose is shown as due
