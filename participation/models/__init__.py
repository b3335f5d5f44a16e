"""The core: users, communities and their groups, grids and households, photos, the reviewable base.
Each flow's models live in its own app (participation/<flow>/models)."""

from .base import CommunityReviewable
from .communities import Community, CommunityGroup, CommunityKind
from .grids import Grid, Household
from .photos import Photo
from .users import User

__all__ = [
    "Community",
    "CommunityGroup",
    "CommunityKind",
    "CommunityReviewable",
    "Grid",
    "Household",
    "Photo",
    "User",
]
