@safety
Feature: Glatiramer acetate: anaphylaxis (Boxed Warning), hypersensitivity, post-injection
  reaction, lipoatrophy, liver

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |
      | reproductive.breastfeeding              | false          |

  Scenario: A recorded hypersensitivity (e.g. anaphylaxis) contraindicates it
    Given history.hypersensitivity_to is [glatiramer-acetate]
    When the patient is assessed for glatiramer-acetate
    Then the verdict is contraindicated
    And the finding glatiramer-acetate.contraindication.hypersensitivity says "permanently discontinued"

  Scenario: Earlier doses with an unrecorded hypersensitivity history need it recorded
    Given history.hypersensitivity_to is unknown
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: glatiramer-acetate, started: 2025-01-10}
        courses:
          - drug: glatiramer-acetate
            formulation: SC
            doses: [2025-01-10]
      """
    When the patient is assessed for glatiramer-acetate
    Then the verdict is workup_required
    And the finding glatiramer-acetate.contraindication.hypersensitivity is undecided

  Scenario: A new patient: Boxed Warning and injection information
    When the patient is assessed for glatiramer-acetate
    Then the verdict is eligible
    And the finding glatiramer-acetate.administration.anaphylaxis-warning cites glatiramer-uspi-openfda-2026 section BW
    And the finding glatiramer-acetate.administration.post-injection-reaction says "within minutes"
    And the finding glatiramer-acetate.administration.lipoatrophy-skin-necrosis says "Lipoatrophy"
    And the finding glatiramer-acetate.monitoring.hepatic-injury-signs is reported
    And the finding glatiramer-acetate.administration.first-self-injection-supervised-eu is not reported

  Scenario: EU: the first self-injection is supervised for 30 minutes
    When the patient is assessed for glatiramer-acetate under the EU label
    Then the finding glatiramer-acetate.administration.first-self-injection-supervised-eu says "30 minutes"

  Scenario: Liver disease is a precaution
    Given history.hepatic_impairment is moderate
    When the patient is assessed for glatiramer-acetate
    Then the verdict is eligible_with_precautions
    And the finding glatiramer-acetate.monitoring.liver-disease-precaution is reported
