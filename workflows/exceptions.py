"""Errors a workflow action raises. Each carries a short message fit to show the user (translatable)."""

import django_fsm
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _


class Refusal(Exception):
    """The base of every refusal a service of ours raises: a message fit to show the person (translatable)
    and a code; `str()` is the message itself. Views show every refusal in one way: workflows.refusals."""

    default_message = _("This action could not be completed.")
    default_code = "refused"

    def __init__(self, message=None, code=None, params=None):
        message = self.default_message if message is None else message
        code = code or self.default_code
        super().__init__(message, code, params)
        if not isinstance(self, ValidationError):  # a ValidationError keeps these itself
            self.message, self.code, self.params = message, code, params

    @property
    def messages(self) -> list[str]:
        if isinstance(self, ValidationError):
            return ValidationError.messages.fget(self)
        return [str(self.message % self.params if self.params else self.message)]

    def __str__(self):
        return " ".join(str(message) for message in self.messages)


class Invalid(Refusal, ValidationError):
    """What was sent or asked cannot be done as it stands (a taken slot, too few points, a closed window).
    A ValidationError too, so that a form takes it as its own error (a dict of field errors included)."""


class Forbidden(Refusal, PermissionDenied):
    """Not this person's to do (a 403 where nothing shows it otherwise)."""

    default_message = _("You are not allowed to do this.")
    default_code = "forbidden"


class WorkflowError(Refusal):
    """Base of every refusal by the workflow core; `str(error)` is the user-facing message."""


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
