@switching
Feature: Switching to and from natalizumab
  Switch-in: a blood count after a DMT with immune effects (EU-style text). Switch-out: what is
  known about stopping natalizumab is shown in the assessment of the drug that would follow it.

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, life_threatening_infusion_reaction: false, hypersensitivity_to: []}
      medications: {current: []}
      labs: {jcv_antibody: positive, jcv_index: 0.5}
      reproductive: {pregnant: false, breastfeeding: false}
      """

  Scenario: Switching in from fingolimod: a blood count first
    Given the current treatment is fingolimod
    And treatment.current.last_dose is 1 weeks before the assessment date
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.switching.from-immunosuppressive-dmt has verdict eligible_with_precautions
    And the finding natalizumab.switching.cbc-before-switch applies
    And screening.cbc_date is reported missing, asked by natalizumab.switching.cbc-before-switch

  Scenario: Switching in from fingolimod with a recent blood count
    Given the current treatment is fingolimod
    And screening.cbc_date is 1 weeks before the assessment date
    When the patient is assessed for natalizumab
    Then the verdict is eligible_with_precautions
    And the finding natalizumab.switching.cbc-before-switch is not reported

  Scenario: Switching in from glatiramer acetate needs no blood-count rule (near miss)
    Given the current treatment is glatiramer-acetate
    When the patient is assessed for natalizumab
    Then the finding natalizumab.switching.from-immunosuppressive-dmt is not reported

  Scenario: Replacing natalizumab by ocrelizumab shows natalizumab's switch-out findings
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 3 weeks before the assessment date
    And treatment.ocrelizumab.formulation is IV
    When the patient is assessed for ocrelizumab
    Then the finding natalizumab.switching.out-return-of-activity says "return"
    And the finding natalizumab.switching.out-pml-window applies
    And the finding natalizumab.switching.out-pml-window says "current MRI"

  Scenario: On natalizumab, its own assessment does not show the switch-out findings
    Given the current treatment is natalizumab
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.switching.out-return-of-activity is not reported
    And the finding natalizumab.switching.out-pml-window is not reported
