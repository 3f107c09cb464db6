@switching
Feature: Switching in to ocrelizumab, and breakthrough disease (studies, consensus, AAN 2018)
  No label sets washouts before ocrelizumab: every switching finding rests on studies or
  guidelines and says what is not confirmed.

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 36
    And the screening results are complete and normal
    And diagnosis.active_disease is true

  Scenario: From natalizumab: exclude PML on MRI, know JCV status, keep the gap short
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 3 weeks before the assessment date
    And labs.jcv_antibody is negative
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.switching.from-natalizumab says "exclude PML"
    And the finding ocrelizumab.switching.from-natalizumab is explained by "natalizumab"
    And the finding ocrelizumab.switching.from-natalizumab cites bsteh-2025-natalizumab-to-anti-cd20 section summary
    And the finding ocrelizumab.switching.natalizumab-gap-over-30-days is not reported
    And the finding ocrelizumab.switching.natalizumab-jcv-positive is not reported

  Scenario: From natalizumab, JCV positive and a gap of 5 weeks
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 5 weeks before the assessment date
    And labs.jcv_antibody is positive
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.natalizumab-jcv-positive says "carry-over PML"
    And the finding ocrelizumab.switching.natalizumab-gap-over-30-days is explained by "days before the assessment"

  Scenario: Natalizumab stopped earlier counts as the drug being switched from
    Given an earlier treatment with natalizumab stopped 40 days before the assessment date for safety
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.from-natalizumab is reported
    And the finding ocrelizumab.switching.natalizumab-gap-over-30-days is reported

  Scenario: An unknown JCV status is reported missing, not taken as negative
    Given the current treatment is natalizumab
    When the patient is assessed for ocrelizumab
    Then labs.jcv_antibody is reported missing
    And treatment.current.last_dose is reported missing

  Scenario Outline: From an S1P modulator: lymphocytes, and a long washout raises relapse risk
    Given an earlier treatment with <drug> stopped <weeks> weeks before the assessment date for breakthrough
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.from-s1p-modulator says "lymphocyte"
    And the finding ocrelizumab.switching.s1p-long-washout is <long>

    Examples:
      | drug       | weeks | long         |
      | fingolimod | 11    | not reported |
      | ozanimod   | 12    | reported     |

  Scenario Outline: Each prior DMT class brings its own switching note
    Given the current treatment is <drug>
    When the patient is assessed for ocrelizumab
    Then the finding <rule> is reported
    And the finding ocrelizumab.switching.from-natalizumab is not reported

    Examples:
      | drug                | rule                                                  |
      | dimethyl-fumarate   | ocrelizumab.switching.from-fumarate                   |
      | diroximel-fumarate  | ocrelizumab.switching.from-fumarate                   |
      | teriflunomide       | ocrelizumab.switching.from-teriflunomide              |
      | alemtuzumab         | ocrelizumab.switching.from-alemtuzumab-or-cladribine  |
      | cladribine          | ocrelizumab.switching.from-alemtuzumab-or-cladribine  |
      | interferon-beta-1a  | ocrelizumab.switching.from-interferon-or-glatiramer   |
      | glatiramer-acetate  | ocrelizumab.switching.from-interferon-or-glatiramer   |
      | ofatumumab          | ocrelizumab.switching.within-anti-cd20                |

  Scenario: A treatment-naive patient gets no switching note and nothing missing about it
    When the patient is assessed for ocrelizumab
    Then no switching finding is reported
    And treatment.current.drug is not reported missing

  Scenario: A patient already on ocrelizumab is not "switching in" (near miss)
    Given an earlier treatment with natalizumab stopped 2 years before the assessment date for safety
    And IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And activity.relapses_past_12_months is 0
    And activity.new_t2_lesions_past_12_months is 0
    And activity.disability_worsening_past_12_months is false
    When the patient is assessed for ocrelizumab
    Then no switching finding is reported

  Scenario Outline: Breakthrough on the current DMT (AAN 2018 criteria within 12 months)
    Given the current treatment is interferon-beta-1a
    And activity.relapses_past_12_months is <relapses>
    And activity.new_t2_lesions_past_12_months is <lesions>
    And activity.disability_worsening_past_12_months is <worse>
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.breakthrough-on-current-dmt is <reported>

    Examples:
      | relapses | lesions | worse | reported     |
      | 1        | 0       | false | reported     |
      | 0        | 2       | false | reported     |
      | 0        | 0       | true  | reported     |
      | 0        | 1       | false | not reported |

  Scenario: Breakthrough on ocrelizumab is a switch consideration too
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And activity.relapses_past_12_months is 1
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.switching.breakthrough-on-ocrelizumab says "different mechanism"
    And the finding ocrelizumab.switching.breakthrough-on-ocrelizumab is explained by "relapses in the past 12 months is 1"
    And the finding ocrelizumab.switching.breakthrough-on-ocrelizumab cites aan-2018-dmt-guideline section switching
    And the finding ocrelizumab.switching.breakthrough-on-current-dmt is not reported
    And no discontinuation finding is reported

  Scenario: One new lesion and no relapse on ocrelizumab is not breakthrough (near miss)
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And activity.relapses_past_12_months is 0
    And activity.new_t2_lesions_past_12_months is 1
    And activity.disability_worsening_past_12_months is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.breakthrough-on-ocrelizumab is not reported

  Scenario: Recurrent serious infections with active disease: a switch, not a plain stop
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And infection.serious_recurrent is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.infections-with-active-disease says "switch"
    And no discontinuation finding is reported

  Scenario: Recurrent serious infections without activity are not a switch note (near miss)
    Given IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And diagnosis.active_disease is false
    And infection.serious_recurrent is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.switching.infections-with-active-disease is not reported

  # Issue 12 point 7: "no current DMT" and "not recorded" are different answers.
  Scenario: A current DMT that is not recorded is asked for, never taken as none
    Given the screening results are complete and normal
    And treatment.current_status is not_recorded
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.switching.current-dmt-not-recorded is reported
    And the finding ocrelizumab.switching.current-dmt-not-recorded is explained by "on a DMT now is unknown"
    And treatment.current_status is reported missing, asked by ocrelizumab.switching.current-dmt-not-recorded

  Scenario: No current DMT, said so, is not a work-up
    Given the screening results are complete and normal
    And treatment.current_status is none
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding ocrelizumab.switching.current-dmt-not-recorded is not reported

  Scenario: A named current DMT and a status together are refused
    Given the current treatment is natalizumab
    And treatment.current_status is not_recorded
    When the patient is assessed for ocrelizumab
    Then the profile is rejected naming treatment.current_status
