"""任务佐证: evidence that a community carried out one of the 24 construction tasks (docs/architecture.md, “The pieces”)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models import CommunityReviewable
from participation.roles import ROLE_GROUP_NAMES, StaffRole
from workflows.models import ReviewState

MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024


class TaskEvidence(CommunityReviewable):
    """Drafted by the community's operations or coordination staff, reviewed by its evaluation group.

    Only approved evidence counts for its task. Its content is edited only while it is a draft or returned."""

    reviewer_groups = (ROLE_GROUP_NAMES[StaffRole.EVALUATION],)
    notification_kind = "taskevidence_review"
    #: States in which the author may still change the content and the files.
    editable_states = (ReviewState.DRAFT, ReviewState.RETURNED)

    task = models.ForeignKey(
        "evaluation.ConstructionTask",
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("construction task"),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(
        _("date"), help_text=_("The day of the event, or the first day of the period.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for evidence about a period.")
    )
    measured_values = models.JSONField(
        _("measured values"),
        default=dict,
        blank=True,
        help_text=_("Optional figures, e.g. the number of participants, as name → value."),
    )

    class Meta(CommunityReviewable.Meta):
        verbose_name = _("task evidence")
        verbose_name_plural = _("task evidence")
        ordering = ["-start_date", "-pk"]
        constraints = [
            *CommunityReviewable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="task_evidence_period_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [models.Index(fields=["community", "task", "state"], name="evidence_community_task_idx")]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.state in self.editable_states


class FileKind(models.TextChoices):
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"
    WEBP = "webp", "WebP"
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (docx)"
    XLSX = "xlsx", "Excel (xlsx)"
    PPTX = "pptx", "PowerPoint (pptx)"
    DOC = "doc", "Word (doc)"
    XLS = "xls", "Excel (xls)"


def _evidence_upload_to(instance, filename):
    # A random name: the file's own name (often a person's name or an ID number) stays in original_name only.
    return f"evidence/{instance.evidence.community_id}/{uuid.uuid4().hex}.{instance.kind}"


class EvidenceFile(models.Model):
    """A photo, PDF or Office document backing a piece of evidence; checked by content (evaluation/uploads.py)."""

    evidence = models.ForeignKey(
        TaskEvidence, on_delete=models.CASCADE, related_name="files", verbose_name=_("task evidence")
    )
    file = models.FileField(_("file"), upload_to=_evidence_upload_to, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=200)
    kind = models.CharField(_("file type"), max_length=8, choices=FileKind.choices)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=MAX_EVIDENCE_FILE_BYTES), name="evidence_file_at_most_20_mb"
            ),
        ]

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.kind in (FileKind.JPEG, FileKind.PNG, FileKind.WEBP)


class EvidenceLink(models.Model):
    """A record the evidence is about (a meeting, an activity page, a topic …), so an assessor can drill down.

    Generic on purpose: any model registered in evaluation/linkables.py can be linked."""

    evidence = models.ForeignKey(
        TaskEvidence, on_delete=models.CASCADE, related_name="links", verbose_name=_("task evidence")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("linked record")
        verbose_name_plural = _("linked records")
        ordering = ["content_type_id", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "content_type", "object_id"], name="evidence_link_once_per_record"
            ),
        ]

    def __str__(self):
        target = self.target
        return str(target) if target is not None else f"{self.content_type} #{self.object_id}"
