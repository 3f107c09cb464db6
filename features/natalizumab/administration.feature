@administration
Feature: Giving natalizumab (TOUCH, EU alert card, observation, PML suspicion)

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

  Scenario: US: TOUCH programme, 1-hour observation for the first 12 infusions, no push
    When the patient is assessed for natalizumab
    Then the finding natalizumab.administration.touch-program says "TOUCH"
    And the finding natalizumab.administration.us-observation-first-12 says "first 12 infusions"
    And the finding natalizumab.administration.us-observation-after-12 is not reported
    And the finding natalizumab.administration.infusion says "never as an intravenous push"
    And the finding natalizumab.administration.eu-observation is not reported

  Scenario: US: from the 13th infusion, observation is at the clinician's judgement
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: natalizumab, started: "2025-12-08"}
        courses:
          - drug: natalizumab
            formulation: IV
            doses: ["2025-12-08", "2026-01-05", "2026-02-02", "2026-03-02", "2026-03-30", "2026-04-27",
                    "2026-05-25", "2026-06-22", "2026-07-20", "2026-08-17", "2026-09-14", "2026-10-12"]
      """
    When the patient is assessed for natalizumab
    Then the finding natalizumab.administration.us-observation-after-12 applies
    And the finding natalizumab.administration.us-observation-first-12 is not reported

  Scenario: EU: alert card and observation after every infusion
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.administration.eu-alert-card says "patient alert card"
    And the finding natalizumab.administration.eu-observation says "1 hour"
    And the finding natalizumab.administration.touch-program is not reported

  Scenario: Signs suggestive of PML: the dose is withheld
    Given the current treatment is natalizumab
    And infection.pml_suspected is true
    When the patient is assessed for natalizumab
    Then the verdict is deferred
    And the finding natalizumab.administration.pml-suspected applies
    And the finding natalizumab.administration.pml-suspected cites tysabri-uspi-2023-10 section BW

  Scenario: PML signs not asked: workup required before a dose
    Given infection.pml_suspected is unknown
    When the patient is assessed for natalizumab
    Then the finding natalizumab.administration.pml-suspected is undecided
    And infection.pml_suspected is reported missing
