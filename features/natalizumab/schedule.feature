@schedule
Feature: The natalizumab calendar (300 mg IV every 4 weeks)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, hypersensitivity_to: []}
      medications: {current: []}
      labs: {jcv_antibody: negative}
      reproductive: {pregnant: false, breastfeeding: false}
      """

  Scenario: A new patient sees the first infusion without a date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.schedule.dosing says "every 4 weeks"
    And the schedule has "dose 1: 300 mg IV over about 1 hour"

  Scenario: On natalizumab, the next infusion is 4 weeks after the last
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: natalizumab, started: "2026-10-04"}
        courses:
          - {drug: natalizumab, formulation: IV, doses: ["2026-10-04", "2026-11-01"]}
      """
    When the patient is assessed for natalizumab
    Then the schedule has "next dose: 300 mg IV over about 1 hour (every 4 weeks)" due on 2026-11-29

  Scenario: Signs of PML put the next infusion on hold
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: natalizumab, started: "2026-10-04"}
        courses:
          - {drug: natalizumab, formulation: IV, doses: ["2026-10-04", "2026-11-01"]}
      """
    And infection.pml_suspected is true
    When the patient is assessed for natalizumab
    Then the schedule has "next dose: 300 mg IV over about 1 hour (every 4 weeks)" on hold by natalizumab.administration.pml-suspected
    And no dose is shown as due

  Scenario: A contraindication puts the first infusion on hold
    Given infection.pml_confirmed is true
    When the patient is assessed for natalizumab
    Then the schedule has "dose 1: 300 mg IV over about 1 hour" on hold by natalizumab.contraindication.pml

  Scenario: The EU subcutaneous product has no calendar here
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: natalizumab, started: "2026-10-04", formulation: SC}
      """
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.schedule.sc-not-encoded says "not read"
