"""Who may do what in community life: the clubs' and the spaces' rules, loaded together with this app."""

from participation.community_life.clubs import rules as club_rules  # noqa: F401
from participation.community_life.spaces import rules as space_rules  # noqa: F401
