@contraindications
Feature: Teriflunomide contraindications (US section 4, 1/2023; EU 4.3, Czech copy)

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value      |
      | screening.liver_tests              | normal     |
      | screening.cbc_date                 | 2026-10-01 |
      | screening.tuberculosis             | negative   |
      | cardiac.uncontrolled_hypertension  | false      |
      | history.hepatic_impairment         | none       |
      | history.hypersensitivity_to        | []         |
      | history.severely_immunocompromised | false      |
      | medications.current                | []         |
      | infection.active                   | false      |
      | diagnosis.phenotype                | RRMS       |
      | patient.age                        | 38         |
      | patient.sex                        | male       |
  Scenario: Severe hepatic impairment is contraindicated and holds the start
    Given history.hepatic_impairment is severe
    When the patient is assessed for teriflunomide
    Then the verdict is contraindicated
    And the finding teriflunomide.contraindication.severe-hepatic-impairment applies
    And the schedule has "first dose: 7 mg or 14 mg by mouth (EU adults 14 mg; children by weight)" on hold by teriflunomide.contraindication.severe-hepatic-impairment

  Scenario: Unknown hepatic status asks for it
    Given history.hepatic_impairment is unknown
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And history.hepatic_impairment is reported missing, asked by teriflunomide.contraindication.severe-hepatic-impairment

  Scenario: Hypersensitivity to teriflunomide is contraindicated
    Given history.hypersensitivity_to is [teriflunomide]
    When the patient is assessed for teriflunomide
    Then the verdict is contraindicated
    And the finding teriflunomide.contraindication.hypersensitivity applies

  Scenario: US: leflunomide co-administration is contraindicated
    Given medications.current is [leflunomide]
    When the patient is assessed for teriflunomide
    Then the verdict is contraindicated
    And the finding teriflunomide.contraindication.us-leflunomide applies

  Scenario: EU: leflunomide holds the start until the SmPC is checked
    Given medications.current is [leflunomide]
    When the patient is assessed for teriflunomide under the EU label
    Then the verdict is deferred
    And the finding teriflunomide.contraindication.eu-leflunomide applies
    And the finding teriflunomide.contraindication.us-leflunomide is not reported

  Scenario: Unknown current medicines ask for the list
    Given medications.current is unknown
    When the patient is assessed for teriflunomide
    Then the verdict is workup_required
    And the finding teriflunomide.contraindication.us-leflunomide is undecided

  Scenario: EU: severe immunodeficiency is contraindicated
    Given history.severely_immunocompromised is true
    When the patient is assessed for teriflunomide under the EU label
    Then the verdict is contraindicated
    And the finding teriflunomide.contraindication.eu-immunodeficiency applies

  Scenario: EU: severe renal impairment asks whether the patient is on dialysis
    Given history.renal_impairment is severe
    When the patient is assessed for teriflunomide under the EU label
    Then the verdict is workup_required
    And the finding teriflunomide.workup.eu-dialysis says "dialysis"
