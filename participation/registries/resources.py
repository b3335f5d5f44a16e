"""The registries' importable kinds: social organisations, social workers and facilities (台账名册)."""

from participation.dataio.resources import CommunityResource, column
from participation.dataio.widgets import (
    ChoiceLabelWidget,
    DateWidget,
    MobileWidget,
    NumberWidget,
    YesNoWidget,
)
from participation.registries.models import (
    Certificate,
    Facility,
    FacilityType,
    OrganisationStatus,
    OrganisationType,
    SocialOrganisation,
    SocialWorker,
)


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
