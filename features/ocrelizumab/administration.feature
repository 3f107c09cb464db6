@administration
Feature: Before each ocrelizumab dose: infection, PML, premedication, observation (US 2.2, 2.3, 5.2, 5.3)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 39
    And the screening results are complete and normal

  Scenario: An active infection defers the dose
    Given infection.active is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.administration.active-infection says "until the infection has resolved"

  Scenario: An unrecorded infection status needs checking before the dose
    Given infection.active is unknown
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.administration.active-infection is undecided
    And infection.active is reported missing

  Scenario: Suspected PML withholds treatment
    Given infection.pml_suspected is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.administration.pml-suspected says "withhold"

  Scenario: IV premedication and observation are information, not precautions
    Given treatment.ocrelizumab.formulation is IV
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding ocrelizumab.administration.premedication-iv has verdict info
    And the finding ocrelizumab.administration.post-infusion-observation-iv says "at least 1 hour"
    And the finding ocrelizumab.administration.no-live-vaccines-on-treatment is reported

  Scenario: IV premedication is not shown for the subcutaneous form
    Given treatment.ocrelizumab.formulation is SC
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.premedication-iv is not reported
