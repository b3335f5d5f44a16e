from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.mobile import mask_mobile, normalize_mobile


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, mobile, password, **extra_fields):
        mobile = normalize_mobile(mobile)
        user = self.model(mobile=mobile, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, mobile, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(mobile, password, **extra_fields)

    def create_superuser(self, mobile, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(mobile, password, **extra_fields)

    def get_by_natural_key(self, mobile):
        # Logins typed with full-width digits or spaces still find the account.
        try:
            mobile = normalize_mobile(mobile)
        except Exception:
            pass
        return self.get(**{self.model.USERNAME_FIELD: mobile})


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who logs in: residents on the public site, staff in the Wagtail admin. Login is the mobile."""

    mobile = models.CharField(
        _("mobile number"),
        max_length=11,
        unique=True,
        help_text=_("11 digits; full-width digits and spaces are accepted and normalised."),
        error_messages={"unique": _("A user with this mobile number already exists.")},
    )
    display_name = models.CharField(_("display name"), max_length=50, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    communities = models.ManyToManyField(
        "participation.Community",
        verbose_name=_("communities"),
        related_name="members",
        blank=True,
        help_text=_("Staff act only inside these communities; a resident belongs to one."),
    )
    household = models.ForeignKey(
        "participation.Household",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
        verbose_name=_("household"),
        help_text=_("The household (and so the grid) a resident belongs to."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False, help_text=_("May log in to the admin."))
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # A coordinator has checked that this account belongs to a real resident of the community
    # (e.g. in person at the 社区 office); later flows may require it (support, points claims).
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verified_residents",
        verbose_name=_("verified by"),
    )

    objects = UserManager()

    USERNAME_FIELD = "mobile"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            # Exports of residents and volunteers show full mobile numbers only to holders of this permission.
            ("view_resident_contact", _("Can see residents' full mobile numbers in exports")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mobile__regex=r"^1[3-9][0-9]{9}$"), name="user_mobile_11_digits"
            ),
        ]

    def __str__(self):
        return self.display_name or mask_mobile(self.mobile)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    def clean(self):
        super().clean()
        if self.mobile:
            self.mobile = normalize_mobile(self.mobile)

    # Wagtail and Django's admin call these for names in lists and headers.
    def get_full_name(self):
        return self.display_name or self.mobile

    def get_short_name(self):
        return self.display_name or self.mobile
