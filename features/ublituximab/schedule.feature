@schedule
Feature: The ublituximab dosing calendar (EU 4.2 of 2023: 150 mg, 450 mg 2 weeks later, then every 24 weeks; at least 5 months apart)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Before the first infusion the start is listed without dates
    When the patient is assessed for ublituximab
    Then the schedule has "150 mg IV (first infusion)"
    And the schedule has "450 mg IV two weeks after the first (second infusion)"
    And the finding ublituximab.schedule.dosing cites briumvi-smpc-eu-2023 section 4.2

  Scenario: After the first infusion the second is due two weeks later
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ublituximab, started: 2026-11-10}
        courses:
          - {drug: ublituximab, formulation: IV, doses: [2026-11-10]}
      """
    When the patient is assessed for ublituximab
    Then the schedule has "next dose: 450 mg IV two weeks after the first (second infusion)" due on 2026-11-24

  Scenario: The first 450 mg dose is 24 weeks after the first infusion, never before 5 months after the last
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ublituximab, started: 2026-06-01}
        courses:
          - {drug: ublituximab, formulation: IV, doses: [2026-06-01, 2026-06-15]}
      """
    When the patient is assessed for ublituximab
    Then the schedule has "next dose: 450 mg IV every 24 weeks" due on 2026-11-16
    And the schedule has "next dose: 450 mg IV every 24 weeks" earliest on 2026-11-15

  Scenario: On maintenance the next dose is 24 weeks after the last one
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ublituximab, started: 2025-12-01}
        courses:
          - {drug: ublituximab, formulation: IV, doses: [2025-12-01, 2025-12-15, 2026-05-18, 2026-11-02]}
      """
    When the patient is assessed for ublituximab
    Then the schedule has "next dose: 450 mg IV every 24 weeks" due on 2027-04-19
    And the schedule has "next dose: 450 mg IV every 24 weeks" earliest on 2027-04-02

  Scenario: Pregnancy puts the next dose on hold
    Given reproductive.pregnant is true
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: ublituximab, started: 2025-12-01}
        courses:
          - {drug: ublituximab, formulation: IV, doses: [2025-12-01, 2025-12-15, 2026-05-18, 2026-11-02]}
      """
    When the patient is assessed for ublituximab
    Then the schedule has "next dose: 450 mg IV every 24 weeks" on hold by ublituximab.pregnancy.pregnant
    And no dose is shown as due
