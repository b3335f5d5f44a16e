"""Admin forms of the registries."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.selectors import community_ids_for_user, grids_for


class FacilityForm(WagtailAdminModelForm):
    """A facility's grid is one of the user's communities' grids, and of the facility's own community."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("grid")
        if field is not None:
            user = getattr(self, "for_user", None)
            field.queryset = grids_for(community_ids=community_ids_for_user(user=user) if user else set())
            field.error_messages["invalid_choice"] = _("The grid belongs to another community.")

    def clean(self):
        cleaned = super().clean()
        community, grid = cleaned.get("community"), cleaned.get("grid")
        if community and grid and grid.community_id != community.pk:
            self.add_error("grid", _("The grid belongs to another community."))
        return cleaned
