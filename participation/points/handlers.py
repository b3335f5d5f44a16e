"""What points does when its items change state (registered with the workflow core when the app loads)."""

from participation.points.models import PointsClaim
from participation.points.services import award_for_claim
from workflows.registry import on_transition


@on_transition(PointsClaim, "approve")
def write_the_claims_ledger_entry(*, obj, actor, comment, log) -> None:
    # Inside perform_transition's transaction: the entry and the approval commit (or fail) together.
    award_for_claim(claim=obj, actor=actor)
