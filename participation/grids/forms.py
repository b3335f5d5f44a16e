from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.grids import services
from participation.models import DiaryEntry, Household
from participation.selectors import community_ids_for_user


class DiaryEntryForm(WagtailAdminModelForm):
    class Meta:
        model = DiaryEntry
        fields = ["household", "kind", "visited_on", "participants", "concerns", "follow_up", "follow_up_due"]
        widgets = {"visited_on": forms.DateInput(attrs={"type": "date"}),
                   "follow_up_due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = community_ids_for_user(user=self.for_user)
        households = Household.objects.select_related("community")
        self.fields["household"].queryset = (
            households if allowed is None else households.filter(community_id__in=allowed)
        )
        self.fields["household"].error_messages["invalid_choice"] = _(
            "This household belongs to another community."
        )

    def clean_household(self):
        household = self.cleaned_data["household"]
        services.ensure_household_in_scope(user=self.for_user, household=household)
        return household

    def save(self, commit=True):
        if self.instance.pk is None:
            # The admin's create view reads form.instance after saving.
            self.instance = services.record_diary_entry(author=self.for_user, **self.cleaned_data)
            return self.instance
        entry = super().save(commit=False)
        entry.community_id, entry.grid_id = entry.household.community_id, entry.household.grid_id
        if commit:
            entry.save()
        return entry
