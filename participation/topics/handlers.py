"""What the 议事厅 does when its items change state (registered with the workflow core when the app loads)."""

from participation.topics import notify
from participation.topics.models import ModerationCase
from workflows.registry import on_transition


@on_transition(ModerationCase, "hide")
def tell_the_author_why(*, obj, actor, comment, log) -> None:
    notify.item_hidden(case=obj, reason=comment)
