from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.models import Delivery


class TransitionForm(forms.Form):
    """Confirms one transition; `seen_state` is the state the user saw (was someone else faster?)."""

    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    seen_state = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, comment_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = comment_required
        if comment_required:
            self.fields["comment"].help_text = _("Required: the author sees it.")

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()


class NotificationPreferencesForm(forms.Form):
    """One delivery choice per notification kind."""

    def __init__(self, *args, kinds: dict, initial_deliveries: dict, default_delivery: str, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in kinds.items():
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                initial=initial_deliveries.get(kind, default_delivery),
                widget=forms.RadioSelect,
            )
