"""The community's work groups (standard 5.1.1–5.1.3): the four groups, their duties and their members."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from home.models.mixins import SegmentedSearchMixin, ViewRestrictionShortcutMixin, segmented_search_fields
from participation.roles import StaffRole

# 5.1.3.1–5.1.3.4, the standard's own words: the defaults editors start from.
DEFAULT_DUTIES = {
    StaffRole.COORDINATION: (
        "负责制定建设实施方案，统筹推进建设工作；与其他工作组沟通协调，对建设中出现的问题提出指导性意见和解决策略；"
        "整合社区各类资源，做好对外衔接、对内协调的相关工作。"
    ),
    StaffRole.OPERATIONS: (
        "负责社区基础设施、公共空间改造提升等建设工作；组织各行动主体商议并制订出台责任清单、积分清单、"
        "正（负）面行为清单等；策划、组织各类主题活动。"
    ),
    StaffRole.PUBLICITY: (
        "负责建设经验的总结提炼，并通过主流媒体、新媒体等各类载体，多层次、多形式、多频次宣传建设成效。"
    ),
    StaffRole.EVALUATION: (
        "负责对建设情况进行自我评价，也可邀请上级主管部门、专家、居民群众等开展综合评价。"
    ),
}
# The order of 5.1.1.1.
GROUP_ORDER = (StaffRole.COORDINATION, StaffRole.OPERATIONS, StaffRole.PUBLICITY, StaffRole.EVALUATION)


class MemberOrganisation(models.TextChoices):
    # 5.1.1.2: who the groups' members come from.
    PARTY = "party", _("Community Party organisation")
    COMMITTEE = "committee", _("Residents' or villagers' committee")
    UNIT = "unit", _("Enterprise or institution in the community")
    SOCIAL_ORGANISATION = "social_organisation", _("Social organisation")
    RESIDENT = "resident", _("Residents' representative")
    OTHER = "other", _("Other")


class WorkGroupsPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    coordination_duties = models.TextField(
        _("duties of the coordination group"), default=DEFAULT_DUTIES[StaffRole.COORDINATION]
    )
    operations_duties = models.TextField(
        _("duties of the operations group"), default=DEFAULT_DUTIES[StaffRole.OPERATIONS]
    )
    publicity_duties = models.TextField(
        _("duties of the publicity group"), default=DEFAULT_DUTIES[StaffRole.PUBLICITY]
    )
    evaluation_duties = models.TextField(
        _("duties of the evaluation group"), default=DEFAULT_DUTIES[StaffRole.EVALUATION]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel(f"{role.value}_duties") for role in GROUP_ORDER], heading=_("Duties (standard 5.1.3)")
        ),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
    ]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("work groups page")
        verbose_name_plural = _("work groups pages")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.intro, *(self.duties_of(role) for role in GROUP_ORDER)]

    def duties_of(self, role) -> str:
        return getattr(self, f"{StaffRole(role).value}_duties")

    def groups(self) -> list[dict]:
        """The four groups in the standard's order, each with its duties and members (one query)."""
        members = list(self.members.order_by("sort_order", "pk"))
        return [
            {
                "role": role,
                "label": role.label,
                "duties": self.duties_of(role),
                "members": [member for member in members if member.group == role],
            }
            for role in GROUP_ORDER
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups()
        return context


class WorkGroupMember(Orderable):
    page = ParentalKey(
        WorkGroupsPage, on_delete=models.CASCADE, related_name="members", verbose_name=_("page")
    )
    group = models.CharField(_("work group"), max_length=20, choices=StaffRole.choices)
    name = models.CharField(
        _("name or title"), max_length=60, help_text=_("A person's name, or a post such as 社区党组织书记.")
    )
    organisation = models.CharField(_("organisation"), max_length=30, choices=MemberOrganisation.choices)
    role = models.CharField(
        _("role in the group"), max_length=40, help_text=_("For example: 组长, 副组长, 成员")
    )
    responsibilities = models.CharField(_("responsibilities"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("group"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
        FieldPanel("responsibilities"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("work group member")
        verbose_name_plural = _("work group members")

    def __str__(self):
        return f"{self.get_group_display()} · {self.name}"
