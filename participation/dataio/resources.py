"""One django-import-export resource per importable kind: Chinese column names, stable keys, one community.

Each resource is built for one community (`community=`): lookups for updates stay inside it, new rows belong
to it. `reveal_contacts` decides whether exports show full mobile numbers."""

from django.core.exceptions import NON_FIELD_ERRORS
from import_export import fields, resources

from participation.dataio.files import RowError
from participation.dataio.widgets import (
    ChoiceLabelWidget,
    DateWidget,
    MobileWidget,
    NumberWidget,
    ResidentByMobileWidget,
    TextWidget,
    YesNoWidget,
)
from participation.models import User
from participation.points.models import BehaviourItem, BehaviourPolarity
from participation.registries.models import (
    Certificate,
    Facility,
    FacilityType,
    OrganisationStatus,
    OrganisationType,
    SocialOrganisation,
    SocialWorker,
)
from participation.roles import RESIDENT_GROUP
from participation.volunteers.models import Volunteer


def column(attribute, label: str, widget=None):
    # Column names are the file format staff fill in, not UI text: fixed Chinese whatever the UI language.
    return fields.Field(attribute=attribute, column_name=label, widget=widget or TextWidget())


class CommunityResource(resources.ModelResource):
    """Scoped to one community; `key_columns` are the columns whose values identify a row."""

    key_columns: tuple = ()

    def __init__(self, *, community, reveal_contacts=True, **kwargs):
        self.community = community
        self.reveal_contacts = reveal_contacts
        super().__init__(**kwargs)

    class Meta:
        clean_model_instances = True
        skip_diff = True
        use_transactions = True

    def get_queryset(self):
        return self._meta.model.objects.filter(community=self.community)

    def init_instance(self, row=None):
        return self._meta.model(community=self.community)

    def get_export_queryset(self):
        return self.get_queryset()


class SocialOrganisationResource(CommunityResource):
    name = column("name", "名称")
    org_type = column("org_type", "类型", ChoiceLabelWidget(OrganisationType.choices))
    status = column("status", "登记状态", ChoiceLabelWidget(OrganisationStatus.choices))
    registered_on = column("registered_on", "登记或备案日期", DateWidget())
    contact_name = column("contact_name", "联系人")
    contact_phone = column("contact_phone", "联系电话")
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("name",)

    class Meta(CommunityResource.Meta):
        model = SocialOrganisation
        import_id_fields = ["name"]
        fields = ["name", "org_type", "status", "registered_on", "contact_name", "contact_phone", "is_active"]


class SocialWorkerResource(CommunityResource):
    name = column("name", "姓名")
    mobile = column("mobile", "手机号", MobileWidget())
    certificate = column("certificate", "职业资格", ChoiceLabelWidget(Certificate.choices))
    certified_on = column("certified_on", "取证日期", DateWidget())
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("mobile",)

    class Meta(CommunityResource.Meta):
        model = SocialWorker
        import_id_fields = ["mobile"]
        fields = ["name", "mobile", "certificate", "certified_on", "is_active"]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields["mobile"].widget = MobileWidget(reveal=self.reveal_contacts)


class FacilityResource(CommunityResource):
    name = column("name", "名称")
    facility_type = column("facility_type", "类型", ChoiceLabelWidget(FacilityType.choices))
    area = column("area", "面积（平方米）", NumberWidget())
    is_service_space = column("is_service_space", "居民服务或活动用房", YesNoWidget())
    is_waste_sorting = column("is_waste_sorting", "垃圾分类设施", YesNoWidget())
    is_completed = column("is_completed", "已建成", YesNoWidget(default=True))
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("name",)

    class Meta(CommunityResource.Meta):
        model = Facility
        import_id_fields = ["name"]
        fields = [
            "name",
            "facility_type",
            "area",
            "is_service_space",
            "is_waste_sorting",
            "is_completed",
            "is_active",
        ]


class BehaviourItemResource(CommunityResource):
    polarity = column("polarity", "清单", ChoiceLabelWidget(BehaviourPolarity.choices))
    number = column("number", "序号", NumberWidget(integer=True))
    category = column("category", "分类")
    text = column("text", "行为")
    points = column("points", "积分", NumberWidget(integer=True))
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("polarity", "number")

    class Meta(CommunityResource.Meta):
        model = BehaviourItem
        import_id_fields = ["polarity", "number"]
        fields = ["polarity", "number", "category", "text", "points", "is_active"]


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


class ResidentResource(resources.ModelResource):
    """Residents of one community, keyed by mobile number: the columns and their widgets, and the export. The
    import is set-based (resident_import.py): a new resident gets an account without a password (they set one
    through the usual password reset, or staff give them one); the same file again updates display names
    rather than creating anyone twice."""

    mobile = column("mobile", "手机号", MobileWidget())
    display_name = column("display_name", "姓名")

    key_columns = ("mobile",)

    def __init__(self, *, community, reveal_contacts=True, **kwargs):
        self.community = community
        self.reveal_contacts = reveal_contacts
        super().__init__(**kwargs)
        self.fields["mobile"].widget = MobileWidget(reveal=reveal_contacts)

    class Meta:
        model = User
        import_id_fields = ["mobile"]
        fields = ["mobile", "display_name"]

    def get_export_queryset(self):
        return User.objects.filter(groups__name=RESIDENT_GROUP, communities=self.community).order_by("pk")


def row_errors(resource, row: int, error_dict: dict[str, list[str]]) -> list[RowError]:
    """One error per message of a row's {attribute: messages}, under the column's name ("" for the row)."""
    labels = {name: f.column_name for name, f in resource.fields.items()}
    labels.update((f.attribute, f.column_name) for f in resource.fields.values() if f.attribute)
    return [
        RowError(row, "" if key == NON_FIELD_ERRORS else labels.get(key, key), str(message))
        for key, messages in error_dict.items()
        for message in messages
    ]
