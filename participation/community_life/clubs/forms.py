from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.community_life.models import Club
from participation.plaintext import PublicTextMixin


def formfield_https(field, **kwargs):
    """Links typed without a scheme become https:// (Django 6's default, already now)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ClubForm(PublicTextMixin, forms.ModelForm):
    """A resident's club proposal (also used to edit a returned one)."""

    class Meta:
        model = Club
        fields = [
            "name",
            "category",
            "description",
            "meeting_time",
            "place",
            "member_limit",
            "activities_url",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        formfield_callback = formfield_https

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose a category")), *self.fields["category"].choices[1:]]
        self.fields["member_limit"].widget.attrs.update({"min": 1, "inputmode": "numeric"})

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please give the club a name."))
        return name

    def clean_member_limit(self):
        limit = self.cleaned_data.get("member_limit")
        if limit is not None and limit < 1:
            raise forms.ValidationError(_("The member limit must be at least 1, or empty for no limit."))
        return limit
