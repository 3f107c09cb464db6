@discontinuation
Feature: Discontinuation considerations (DISCOMS 2023, ocrelizumab cohort 2024, label 5.4, AAN 2018)
  Never for a patient with recent activity: every discontinuation rule needs
  activity.recent_activity to be known false.

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.life_threatening_infusion_reaction is false
    And IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab

  Scenario: A DISCOMS-type patient: stopping may be discussed, with the trial's result
    Given a male RRMS patient aged 58
    And diagnosis.active_disease is false
    And activity.last_relapse is 6 years before the assessment date
    And activity.last_new_mri_lesion is 4 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.discoms-profile says "non-inferiority of stopping was not shown"
    And the finding ocrelizumab.discontinuation.discoms-profile cites discoms-2023 section abstract
    And the finding ocrelizumab.discontinuation.discoms-profile is marked uncertain with "interferon or glatiramer"
    And the finding ocrelizumab.discontinuation.return-of-activity-after-stopping says "9.8%"
    And the finding ocrelizumab.discontinuation.discoms-profile tells the patient "shared decision"
    And the verdict is eligible

  Scenario Outline: Near misses of the DISCOMS profile
    Given a male RRMS patient aged <age>
    And diagnosis.active_disease is false
    And activity.last_relapse is <relapse> before the assessment date
    And activity.last_new_mri_lesion is <lesion> before the assessment date
    When the patient is assessed for ocrelizumab
    Then no discontinuation finding is reported

    Examples:
      | age | relapse  | lesion   |
      | 54  | 6 years  | 4 years  |
      | 58  | 4 years  | 4 years  |
      | 58  | 6 years  | 2 years  |

  Scenario Outline: Recent activity rules out every discontinuation consideration
    Given a male RRMS patient aged 58
    And diagnosis.active_disease is <active>
    And activity.last_relapse is 6 years before the assessment date
    And activity.last_new_mri_lesion is 4 years before the assessment date
    And <field> is <value>
    And infection.serious_recurrent is true
    When the patient is assessed for ocrelizumab
    Then no discontinuation finding is reported

    Examples:
      | active | field                                  | value |
      | true   | activity.gad_enhancing_lesions         | 0     |
      | false  | activity.gad_enhancing_lesions         | 1     |
      | false  | activity.relapses_past_12_months       | 1     |
      | false  | activity.new_t2_lesions_past_12_months | 1     |

  Scenario: Unknown activity is not taken as "no activity"
    Given a male RRMS patient aged 58
    And activity.last_relapse is 6 years before the assessment date
    And activity.last_new_mri_lesion is 4 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then no discontinuation finding is reported
    And diagnosis.active_disease is reported missing

  Scenario: The ocrelizumab cohort applies whatever the phenotype, with its RRMS figures
    Given a male PPMS patient aged 60
    And diagnosis.active_disease is false
    And activity.last_relapse is 10 years before the assessment date
    And activity.last_new_mri_lesion is 5 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.return-of-activity-after-stopping says "none of 12 with SPMS or PPMS"

  Scenario Outline: Recurrent serious infections or hypogammaglobulinaemia on IVIG, without activity
    Given a female RRMS patient aged 45
    And diagnosis.active_disease is false
    And infection.serious_recurrent is <recurrent>
    And screening.immunoglobulins is <ig>
    And history.ivig_for_hypogammaglobulinaemia is <ivig>
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.serious-infections-or-hypogammaglobulinaemia is <reported>

    Examples:
      | recurrent | ig     | ivig  | reported     |
      | true      | normal | false | reported     |
      | false     | low    | true  | reported     |
      | false     | low    | false | not reported |
      | false     | normal | false | not reported |

  Scenario: Non-ambulatory SPMS without relapses for 2 years (AAN stopping recommendation)
    Given a female SPMS patient aged 61
    And diagnosis.active_disease is false
    And activity.edss is 7.5
    And activity.last_relapse is 3 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.non-ambulatory-spms says "EDSS 7 or more"
    And the finding ocrelizumab.discontinuation.non-ambulatory-spms is marked uncertain

  Scenario: Ambulatory SPMS is not given the AAN stopping note (near miss)
    Given a female SPMS patient aged 61
    And diagnosis.active_disease is false
    And activity.edss is 6.5
    And activity.last_relapse is 3 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.non-ambulatory-spms is not reported
