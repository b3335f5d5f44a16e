from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IN_SITE = "in_site", _("In-site message only")
    EMAIL_IMMEDIATE = "email_immediate", _("In-site message and an email at once")
    DAILY_DIGEST = "daily_digest", _("In-site message and a daily email digest")


class Message(models.Model):
    """An in-site notification (我的消息). Every notification is one; email is extra, per preference.

    `kind` is a free string the flow chooses (e.g. "topic_review"); preferences are per kind."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workflow_messages",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    transition_log = models.ForeignKey(
        "workflows.TransitionLog",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
        verbose_name=_("transition"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Set once the message went out by email on its own, or in a digest: each happens at most once.
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    digested_at = models.DateTimeField(_("sent in digest at"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="workflows_msg_unread"),
            models.Index(fields=["recipient", "-created_at"], name="workflows_msg_recent"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(subject=""), name="workflows_message_subject_not_empty"),
            models.CheckConstraint(condition=~Q(kind=""), name="workflows_message_kind_not_empty"),
        ]

    def __str__(self):
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def safe_url(self) -> str:
        """The link, if it is a site path or an http(s) address; never a `javascript:` or similar URL."""
        url = self.url.strip()
        if (url.startswith("/") and not url.startswith("//")) or url.startswith(("https://", "http://")):
            return url
        return ""


class NotificationPreference(models.Model):
    """How a user wants to hear about one kind of notification; without a row, the site default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    delivery = models.CharField(_("delivery"), max_length=20, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="workflows_one_preference_per_kind"),
            models.CheckConstraint(
                condition=Q(delivery__in=[choice.value for choice in Delivery]),
                name="workflows_preference_delivery_valid",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.kind}: {self.get_delivery_display()}"
