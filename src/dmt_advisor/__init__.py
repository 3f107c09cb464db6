"""dmt-advisor: cited, explained decision support for MS disease-modifying therapies.

Public API: `assess`, `Advisor`, `load_profile`, `parse_profile`, `load_rulebook`, and the error
hierarchy rooted at `DmtAdvisorError`.
"""

from dmt_advisor.advisor import Advisor, assess, default_advisor
from dmt_advisor.assessment import Assessment, DrugAssessment, Finding
from dmt_advisor.errors import (
    DmtAdvisorError,
    EngineError,
    ProfileError,
    RulebookError,
)
from dmt_advisor.profile import Profile, load_profile, parse_profile
from dmt_advisor.rulebook.load import Rulebook, load_rulebook

__all__ = [
    "Advisor",
    "Assessment",
    "DmtAdvisorError",
    "DrugAssessment",
    "EngineError",
    "Finding",
    "Profile",
    "ProfileError",
    "Rulebook",
    "RulebookError",
    "assess",
    "default_advisor",
    "load_profile",
    "load_rulebook",
    "parse_profile",
]
