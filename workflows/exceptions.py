"""Errors a workflow action raises. Each carries a short message fit to show the user (translatable)."""

import django_fsm
from django.utils.translation import gettext_lazy as _


class WorkflowError(Exception):
    """Base of every refusal by the workflow core; `str(error)` is the user-facing message."""

    default_message = _("This action could not be completed.")

    def __init__(self, message=None):
        self.message = message if message is not None else self.default_message
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


class UnknownTransition(WorkflowError):
    default_message = _("There is no such action.")


class TransitionNotAllowed(WorkflowError, django_fsm.TransitionNotAllowed):
    """The transition cannot be taken now (state or conditions), or not by this user."""

    default_message = _("This action is not available.")


class TransitionNotAvailable(TransitionNotAllowed):
    """Nobody may take it: the item's state or conditions do not allow it."""

    default_message = _("This action is not available in the current state.")


class TransitionForbidden(TransitionNotAllowed):
    """The transition is possible, but not for this user."""

    default_message = _("You are not allowed to do this.")


class CommentRequired(WorkflowError):
    default_message = _("Please give a comment for this action.")


class AlreadyHandled(WorkflowError, django_fsm.ConcurrentTransition):
    """The item changed state after the user saw it: someone else was faster."""

    default_message = _("This item has already been handled by someone else.")
