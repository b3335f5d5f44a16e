from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.grids import services
from participation.grids.models import DiaryEntry
from participation.models import Grid, Household, User
from participation.selectors import community_ids_for_user, grids_for_user


class GridForm(WagtailAdminModelForm):
    """The worker is a staff member of the user's communities (Grid.clean checks it is of the grid's own)."""

    class Meta:
        model = Grid
        fields = ["community", "name", "worker", "party_branch", "position", "area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = community_ids_for_user(user=self.for_user)
        staff = User.objects.filter(is_staff=True, is_active=True)
        if allowed is not None:
            staff = User.objects.filter(pk__in=staff.filter(communities__in=allowed).values("pk"))
        self.fields["worker"].queryset = staff.order_by("display_name", "pk")


class HouseholdForm(WagtailAdminModelForm):
    class Meta:
        model = Household
        fields = ["community", "grid", "address", "head_name", "phone", "members", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = grids_for_user(user=self.for_user)
        self.fields["grid"].error_messages["invalid_choice"] = _("The grid belongs to another community.")


class DiaryEntryForm(WagtailAdminModelForm):
    class Meta:
        model = DiaryEntry
        fields = ["household", "kind", "visited_on", "participants", "concerns", "follow_up", "follow_up_due"]
        widgets = {
            "visited_on": forms.DateInput(attrs={"type": "date"}),
            "follow_up_due": forms.DateInput(attrs={"type": "date"}),
        }

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
