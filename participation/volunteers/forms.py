from django import forms
from django.utils.translation import gettext_lazy as _

from participation.plaintext import PublicTextMixin


class VolunteerRegistrationForm(PublicTextMixin, forms.Form):
    skills = forms.CharField(
        label=_("Skills"),
        max_length=200,
        required=False,
        help_text=_("E.g. first aid, repairs, calligraphy."),
    )
    availability = forms.CharField(
        label=_("Availability"), max_length=200, required=False, help_text=_("E.g. weekend mornings.")
    )
    agree = forms.BooleanField(
        label=_("I agree to the volunteer code."),
        error_messages={"required": _("Please agree to the volunteer code to register.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class HoursForm(PublicTextMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(
        label=_("Hours"), max_digits=4, decimal_places=1, widget=forms.NumberInput(attrs={"step": "0.5"})
    )
    description = forms.CharField(label=_("What you did"), max_length=200)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
