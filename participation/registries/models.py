"""Registries each community keeps (docs/architecture.md, “The pieces”): social organisations (表1 task 6), social workers
(task 19/20) and facilities (tasks 13 and 17). The selectors in participation.registries give the raw
figures the indicators need."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.models.communities import Community


class OrganisationType(models.TextChoices):
    # The standard's three kinds (表1 task 5): 服务类、公益类、互助类.
    SERVICE = "service", _("Service organisation")
    PUBLIC_WELFARE = "welfare", _("Public welfare organisation")
    MUTUAL_AID = "mutual_aid", _("Mutual-aid organisation")


class OrganisationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    FILED = "filed", _("Filed")


class SocialOrganisation(models.Model):
    """社会组织: registered with civil affairs, or filed (备案) with the street."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="social_organisations", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=100)
    org_type = models.CharField(_("type"), max_length=12, choices=OrganisationType.choices)
    status = models.CharField(_("status"), max_length=12, choices=OrganisationStatus.choices)
    registered_on = models.DateField(_("registered or filed on"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("social organisation")
        verbose_name_plural = _("social organisations")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name"],
                name="social_organisation_name_unique",
                violation_error_message=_("This community already has a social organisation of this name."),
            ),
        ]

    def __str__(self):
        return self.name


class Certificate(models.TextChoices):
    NONE = "none", _("None")
    ASSISTANT = "assistant", _("Assistant social worker")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SENIOR = "senior", _("Senior social worker")


class SocialWorker(models.Model):
    """社工 roster: the people who count toward "18 social workers per 10,000 residents"."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="social_workers", verbose_name=_("community")
    )
    name = models.CharField(_("name"), max_length=50)
    mobile = models.CharField(_("mobile number"), max_length=11)
    certificate = models.CharField(
        _("certificate"), max_length=16, choices=Certificate.choices, default=Certificate.NONE
    )
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("social worker")
        verbose_name_plural = _("social workers")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "mobile"],
                name="social_worker_mobile_unique",
                violation_error_message=_(
                    "This community already has a social worker with this mobile number."
                ),
            ),
            models.CheckConstraint(
                condition=Q(certificate=Certificate.NONE, certified_on__isnull=True)
                | ~Q(certificate=Certificate.NONE),
                name="social_worker_no_certificate_no_date",
                violation_error_message=_("A certificate date needs a certificate."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from participation.mobile import normalize_mobile

        super().clean()
        if self.mobile:
            self.mobile = normalize_mobile(self.mobile)


class FacilityType(models.TextChoices):
    # Standard 5.2: 5.2.1, 5.2.2, 5.2.3; the community service centre counts for task 13's area.
    SERVICE_CENTRE = "service_centre", _("Community comprehensive service facility")
    PUBLIC_SERVICE = "public_service", _("Basic public service facility")
    CONVENIENCE = "convenience", _("Convenience commercial service facility")
    ACTIVITY_SPACE = "activity_space", _("Public activity space")
    WASTE_SORTING = "waste_sorting", _("Waste sorting facility")


class Facility(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="facilities", verbose_name=_("community")
    )
    # Facilities belong to a grid (一网格一阵地, 表1 task 23); empty for those serving the whole community.
    grid = models.ForeignKey(
        "participation.Grid",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilities",
        verbose_name=_("grid"),
    )
    name = models.CharField(_("name"), max_length=100)
    facility_type = models.CharField(_("type"), max_length=20, choices=FacilityType.choices)
    area = models.DecimalField(
        _("area (m²)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), message=_("The area must be more than 0 m²."))],
    )
    is_service_space = models.BooleanField(
        _("resident service or activity space"),
        default=False,
        help_text=_(
            "Space for residents' services and activities (task 13: at least 70 per cent of the service facility)."
        ),
    )
    is_waste_sorting = models.BooleanField(_("waste-sorting facility"), default=False)
    is_completed = models.BooleanField(_("completed"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name"],
                name="facility_name_unique",
                violation_error_message=_("This community already has a facility of this name."),
            ),
            models.CheckConstraint(
                condition=Q(area__gt=0),
                name="facility_area_positive",
                violation_error_message=_("The area must be more than 0 m²."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.grid_id and self.community_id and self.grid.community_id != self.community_id:
            raise ValidationError({"grid": _("The grid belongs to another community.")})
