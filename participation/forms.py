from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_user_forms

from participation.mobile import normalize_mobile
from participation.models import Community, User


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
