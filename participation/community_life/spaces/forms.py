from django import forms
from django.utils.translation import gettext_lazy as _

from participation.community_life.models import Club
from participation.plaintext import PublicTextMixin


class BookingForm(PublicTextMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=200, help_text=_("For example: 书法社每周练习"))
    attendees = forms.IntegerField(label=_("Expected attendees"), min_value=1, initial=1)
    club = forms.ModelChoiceField(
        label=_("For the club"),
        queryset=Club.objects.none(),
        required=False,
        empty_label=_("Myself (no club)"),
    )

    def __init__(self, *args, clubs=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if clubs is not None and clubs.exists():
            self.fields["club"].queryset = clubs
        else:
            del self.fields["club"]
