"""Volunteers as an importable kind, keyed by the resident's mobile number."""

from import_export import fields

from participation.dataio.resources import CommunityResource, column
from participation.dataio.widgets import ResidentByMobileWidget, YesNoWidget
from participation.volunteers.models import Volunteer


class VolunteerResource(CommunityResource):
    resident = fields.Field(attribute="resident", column_name="手机号")
    display_name = fields.Field(attribute="resident__display_name", column_name="姓名", readonly=True)
    skills = column("skills", "特长技能")
    availability = column("availability", "可服务时间")
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("resident",)
    optional_columns = ("display_name",)

    class Meta(CommunityResource.Meta):
        model = Volunteer
        import_id_fields = ["resident"]
        fields = ["resident", "display_name", "skills", "availability", "is_active"]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields["resident"].widget = ResidentByMobileWidget(self)

    def get_export_queryset(self):
        return self.get_queryset().select_related("resident")
