from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from workflows.panels import ReviewQueuePanel
from workflows.registry import registered_reviewables
from workflows.services import TRANSITION_LOG_ACTION


@hooks.register("register_log_actions")
def register_transition_log_action(actions):
    @actions.register_action(TRANSITION_LOG_ACTION)
    class TransitionLogFormatter(LogFormatter):
        label = _("Workflow transition")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("%(action)s: %(from)s → %(to)s") % {
                "action": data.get("transition_label") or data.get("transition", ""),
                "from": data.get("from_label") or data.get("from_state", ""),
                "to": data.get("to_label") or data.get("to_state", ""),
            }

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("comment", "")


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels):
    if registered_reviewables():
        panels.append(ReviewQueuePanel())
