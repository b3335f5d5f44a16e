from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users import forms as wagtail_user_forms

from participation import selectors, throttling
from participation.mobile import normalize_mobile
from participation.models import Community, User
from participation.plaintext import PublicTextMixin
from participation.services import MobileAlreadyRegistered


class MobileField(forms.CharField):
    """Accepts what people type (全角数字, spaces, +86) and cleans it to 11 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Mobile number"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return normalize_mobile(value) if value else value


class _StaffUserFieldsMixin(forms.Form):
    """The Wagtail user forms, but for our model: mobile login, display name, communities."""

    # Wagtail's forms declare these for Django's default user; ours has a display name instead.
    first_name = None
    last_name = None
    email = forms.EmailField(required=False, label=_("Email address"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mobile"] = MobileField(initial=self.initial.get("mobile"))
        if "communities" in self.fields:
            self.fields["communities"].queryset = Community.objects.order_by("name")


class UserCreationForm(_StaffUserFieldsMixin, wagtail_user_forms.UserCreationForm):
    class Meta:
        model = User
        fields = ["mobile", "display_name", "email", "communities", "is_superuser", "groups"]
        widgets = {
            "groups": forms.CheckboxSelectMultiple,
            "communities": forms.CheckboxSelectMultiple,
        }


class UserEditForm(_StaffUserFieldsMixin, wagtail_user_forms.UserEditForm):
    class Meta:
        model = User
        fields = ["mobile", "display_name", "email", "communities", "is_active", "is_superuser", "groups"]
        widgets = {
            "groups": forms.CheckboxSelectMultiple,
            "communities": forms.CheckboxSelectMultiple,
        }


class _ThrottleMessageMixin:
    """When the throttling backend refused the attempt, say so instead of "wrong password"."""

    def get_invalid_login_error(self):
        if throttling.was_refused(self.request):
            return ValidationError(throttling.LOCKED_MESSAGE, code="throttled")
        return super().get_invalid_login_error()


class LoginForm(PublicTextMixin, _ThrottleMessageMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Incorrect mobile number or password."),
    }


class AdminLoginForm(_ThrottleMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class SignupForm(PublicTextMixin, SetPasswordMixin, forms.Form):
    """Public sign-up of a resident. Password messages come from Django's own zh_Hans catalogue."""

    mobile = MobileField(help_text=_("You will log in with this number."))
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=50,
        help_text=_("How neighbours and community staff will see you, e.g. 张小明."),
    )
    community = forms.ModelChoiceField(
        label=_("Community"), queryset=Community.objects.none(), empty_label=_("Choose your community")
    )
    password1, password2 = SetPasswordMixin.create_password_fields(label2=_("Password again"))
    consent = forms.BooleanField(
        label=_("I have read and agree to the privacy notice."),
        error_messages={"required": _("Please agree to the privacy notice to sign up.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no trailing colon
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = selectors.signup_communities()
        self.fields["mobile"].widget.attrs["autocomplete"] = "username"

    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"]
        if selectors.mobile_is_registered(mobile=mobile):
            raise MobileAlreadyRegistered()
        return mobile

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean(self):
        super().clean()
        self.validate_passwords()
        # An unsaved user, so the similarity validator compares with the number and name typed here.
        candidate = User(
            mobile=self.cleaned_data.get("mobile") or "",
            display_name=self.cleaned_data.get("display_name", ""),
        )
        self.validate_password_for_user(candidate)
        return self.cleaned_data


class ProfileForm(PublicTextMixin, forms.ModelForm):
    """What 我的 lets a user change. The mobile number is the login and is not offered."""

    class Meta:
        model = User
        fields = ["display_name", "email"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
