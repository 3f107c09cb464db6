@eligibility
Feature: Who teriflunomide is labelled for (US section 1, 2/2024: adults, CIS/RRMS/active SPMS; EU 4.1, 2024: RRMS from 10 years)

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
  Scenario: An adult man with RRMS and a complete work-up is eligible
    When the patient is assessed for teriflunomide
    Then the verdict is eligible
    And the finding teriflunomide.eligibility.us-relapsing-adult cites teriflunomide-uspi-accord-2024-02 section 1
    And no pregnancy finding is reported
    And every finding cites a source with its revision

  Scenario: CIS is indicated in the US but not in the EU
    Given diagnosis.phenotype is CIS
    When the patient is assessed for teriflunomide under the EU label
    Then the verdict is not_indicated
    And the finding teriflunomide.eligibility.eu-not-rrms applies

  Scenario: CIS in the US
    Given diagnosis.phenotype is CIS
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.eligibility.us-relapsing-adult applies
    And the verdict is eligible

  Scenario: PPMS is not indicated in the US
    Given diagnosis.phenotype is PPMS
    When the patient is assessed for teriflunomide
    Then the verdict is not_indicated
    And the finding teriflunomide.eligibility.us-progressive-not-indicated applies

  Scenario Outline: Age limits differ: US adults, EU from 10 years
    Given patient.age is <age>
    When the patient is assessed for teriflunomide under the <label> label
    Then the verdict is <verdict>
    And the finding <rule> applies

    Examples:
      | age | label | verdict       | rule                                          |
      | 16  | US    | not_indicated | teriflunomide.eligibility.us-under-18         |
      | 16  | EU    | eligible      | teriflunomide.eligibility.eu-rrms             |
      | 9   | EU    | not_indicated | teriflunomide.eligibility.eu-under-10         |

  Scenario: EU children get the weight-based dose
    Given patient.age is 12
    When the patient is assessed for teriflunomide under the EU label
    Then the finding teriflunomide.eligibility.eu-paediatric-dose says "40 kg"
