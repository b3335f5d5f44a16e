from django import forms
from django.utils.translation import gettext_lazy as _

from participation.community_life.models import ServiceCategory


class CategoryFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *ServiceCategory.choices]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def selected_category(self) -> str:
        return self.cleaned_data.get("category", "") if self.is_valid() else ""
