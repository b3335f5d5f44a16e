"""The demo data of `manage.py seed_demo`: one 社区 and one 村 built from the standard's appendices.

Every step looks for what it would create first, so running it again changes nothing."""

import importlib
import importlib.util
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home import standard_content as std
from home.models import (
    ActivityIndexPage,
    ActivityPage,
    BehaviourListPage,
    ConventionPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ResponsibilityListPage,
    StandardPage,
    WorkGroupsPage,
)
from home.models.work_groups import MemberOrganisation
from home.services import build_community_site, ensure_portal
from participation import services as participation_services
from participation.models import Community, CommunityKind
from participation.roles import StaffRole

DEMO_PASSWORD = "renren2024"
STREET = "五星街道"

COMMUNITIES = (
    {
        "name": "五星社区",
        "slug": "wuxing",
        "kind": CommunityKind.URBAN,
        "resident_population": 12000,
        "households": 4300,
        "address": "五星街道五星路 1 号",
        "phone": "0519-80000001",
    },
    {
        "name": "新民村",
        "slug": "xinmin",
        "kind": CommunityKind.VILLAGE,
        "resident_population": 3100,
        "households": 980,
        "address": "五星街道新民村村委会",
        "phone": "0519-80000002",
    },
)

STAFF = (
    ("13800000001", "宣传 小周", StaffRole.PUBLICITY),
    ("13800000002", "协调 老陈", StaffRole.COORDINATION),
    ("13800000003", "运行 小王", StaffRole.OPERATIONS),
    ("13800000004", "评价 刘老师", StaffRole.EVALUATION),
)
RESIDENTS = (("13900000001", "张小明", "wuxing"), ("13900000002", "李秀英", "xinmin"))
ADMIN = ("13800000000", "街道管理员")

ACTIVITIES = (
    ("邻里节百家宴", "社区广场", "建设运行组", 7, 80, "开展“邻里节”活动，邻里互相认识、守望相助。"),
    ("垃圾分类志愿宣传", "各小区垃圾收集房", "志愿服务队", 14, 30, "参与小区卫生环境维护、垃圾分类宣传。"),
    ("人人议事厅月度议事会", "人人议事厅", "综合协调组", 21, 40, "每月召开1次议事会，居民代表共商社区事务。"),
)
NEWS = (
    (
        "《“人人社区”公约》正式发布",
        "公约",
        "社区公约经居民代表会议讨论后正式发布，居民群众知晓率目标在90%以上。",
    ),
    ("人人解忧铺开张", "解忧铺", "人人解忧铺为居民解决急难愁盼问题，满足居民多样化生活需求。"),
    ("志愿服务队招募新成员", "志愿服务", "居民志愿者人数目标不少于社区常住人口的20%，欢迎居民踊跃报名。"),
)


@dataclass
class SeedReport:
    created: list[str]
    logins: list[tuple[str, str, str]]


@dataclass
class DemoContext:
    """What an app's demo seeder gets: the demo communities and people, and the report to add to."""

    report: SeedReport
    communities: list
    #: 五星社区, where the demo resident and staff live.
    urban: object
    resident: object
    coordinator: object

    def created(self, what: str) -> None:
        self.report.created.append(what)


def app_seeders() -> list:
    """Every installed app's `demo.seed`, in the apps' `demo.ORDER` (discovered, never listed)."""
    found = []
    for config in apps.get_app_configs():
        if config.name == "home" or importlib.util.find_spec(f"{config.name}.demo") is None:
            continue
        module = importlib.import_module(f"{config.name}.demo")
        if hasattr(module, "seed"):
            found.append((getattr(module, "ORDER", 100), config.name, module.seed))
    return [seed for _order, _name, seed in sorted(found)]


def _child(parent: Page, model, slug: str, **fields):
    """The child page with this slug, created and published if missing; (page, created)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page, True


def _user(mobile: str, display_name: str, report: SeedReport, **extra):
    User = get_user_model()
    user = User.objects.filter(mobile=mobile).first()
    if user is None:
        user = User.objects.create_user(mobile, DEMO_PASSWORD, display_name=display_name, **extra)
        report.created.append(f"user {mobile}")
    return user


@transaction.atomic
def seed_demo() -> SeedReport:
    report = SeedReport(created=[], logins=[])
    portal = ensure_portal(title=f"{STREET}“人人社区”")
    homes = {}
    for spec in COMMUNITIES:
        community = Community.objects.filter(slug=spec["slug"]).first()
        if community is None:
            community = participation_services.create_community(street=STREET, **spec)
            report.created.append(f"community {community.name}")
        homes[spec["slug"]] = build_community_site(
            community=community, portal=portal, title=community.name, slug=community.slug
        )
        _seed_community_pages(homes[spec["slug"]], report)
        _seed_work_groups(homes[spec["slug"]], report)

    admin = _user(ADMIN[0], ADMIN[1], report)
    if not admin.is_superuser:
        admin.is_superuser = admin.is_staff = True
        admin.save()
    report.logins.append((ADMIN[0], ADMIN[1], "超级管理员"))
    urban = Community.objects.get(slug="wuxing")
    for mobile, name, role in STAFF:
        user = _user(mobile, name, report)
        participation_services.add_staff_member(user=user, community=urban, role=role)
        report.logins.append((mobile, name, f"{urban.name} {role.label}"))
    for mobile, name, slug in RESIDENTS:
        community = Community.objects.get(slug=slug)
        user = get_user_model().objects.filter(mobile=mobile).first()
        if user is None:
            participation_services.create_resident(
                mobile=mobile, password=DEMO_PASSWORD, display_name=name, community=community
            )
            report.created.append(f"resident {mobile}")
        report.logins.append((mobile, name, f"{community.name} 居民"))
    # Each app's own demo data (its demo.py), found among the installed apps, lowest ORDER first.
    context = DemoContext(
        report=report,
        communities=list(Community.objects.filter(slug__in=[spec["slug"] for spec in COMMUNITIES])),
        urban=urban,
        resident=get_user_model().objects.get(mobile=RESIDENTS[0][0]),
        coordinator=get_user_model().objects.get(mobile=STAFF[1][0]),
    )
    for seed in app_seeders():
        seed(context)
    return report


def _seed_community_pages(home: HomePage, report: SeedReport) -> None:
    name = home.community.name
    _, created = _child(
        home,
        ConventionPage,
        "convention",
        title="“人人社区”公约",
        show_in_menus=True,
        preamble=f"<p>{std.CONVENTION_PREAMBLE}</p>",
        sections=[
            ("section", {"title": section["title"], "lines": list(section["lines"])})
            for section in std.CONVENTION_SECTIONS
        ],
    )
    _child(
        home,
        ResponsibilityListPage,
        "responsibilities",
        title="“人人”责任清单",
        show_in_menus=True,
        intro="<p>各行动主体在公共空间、公共事务、公共秩序和公共设施中应尽的责任。</p>",
        categories=[
            (
                "category",
                {
                    "number": row["number"],
                    "category": row["category"],
                    "scenes": [{"scene": s["scene"], "duties": list(s["duties"])} for s in row["scenes"]],
                },
            )
            for row in std.RESPONSIBILITIES
        ],
    )
    _child(
        home,
        BehaviourListPage,
        "behaviours",
        title="“人人”正面与负面行为清单",
        show_in_menus=True,
        intro="<p>正面行为可申领积分，负面行为扣减积分；积分可在积分超市兑换服务。</p>",
    )
    activities, _ = _child(
        home,
        ActivityIndexPage,
        "activities",
        title="社区活动",
        show_in_menus=True,
        intro="“人人社区”主题活动，欢迎居民报名参加。",
    )
    # Activities start at 9:00 local time, a week or more from the day the demo is seeded.
    morning = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    for index, (title, place, organiser, days, capacity, summary) in enumerate(ACTIVITIES, start=1):
        starts = morning + timedelta(days=days)
        _child(
            activities,
            ActivityPage,
            f"activity-{index}",
            title=title,
            place=place,
            organiser=organiser,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            capacity=capacity,
            signup_deadline=starts - timedelta(days=1),
            summary=summary,
            body=[("paragraph", f"<p>{summary}</p>")],
        )
    news, _ = _child(
        home, NewsIndexPage, "news", title="社区新闻", show_in_menus=True, intro="社区建设动态。"
    )
    for index, (title, tag, text) in enumerate(NEWS, start=1):
        page = news.get_children().filter(slug=f"news-{index}").first()
        if page is None:
            page = NewsPage(
                slug=f"news-{index}",
                title=title,
                summary=text,
                date=timezone.localdate() - timedelta(days=index),
                body=[("paragraph", f"<p>{name}{text}</p>")],
            )
            news.add_child(instance=page)
            page.tags.add(tag)
            page.save_revision().publish()
    _child(
        home,
        StandardPage,
        "about",
        title="关于“人人社区”建设",
        show_in_menus=True,
        intro="以构建人人有责、人人尽责、人人享有的基层治理共同体为目标。",
        body=[
            ("heading", "建设原则"),
            ("paragraph", "<p>共同参与、共同自律、共同生活、共同成长。</p>"),
            ("heading", "工作组"),
            (
                "paragraph",
                "<p>在镇（街道）党（工）委、上级民政部门和（村）社区党组织的领导下，成立综合协调组、"
                "建设运行组、新闻宣传组、效果评价组等工作小组。</p>",
            ),
        ],
    )
    if created:
        report.created.append(f"pages of {name}")


# --- 5.1 组织机构: work groups, 实施方案, 专家团队 — posts, never invented people -------------------------------


def _work_group_members(village: bool) -> list[dict]:
    place = "村" if village else "社区"
    committee = "村民委员会" if village else "居民委员会"
    P, C, U, S, R = (
        MemberOrganisation.PARTY,
        MemberOrganisation.COMMITTEE,
        MemberOrganisation.UNIT,
        MemberOrganisation.SOCIAL_ORGANISATION,
        MemberOrganisation.RESIDENT,
    )
    rows = (
        (StaffRole.COORDINATION, f"{place}党组织书记", P, "组长", "牵头制定建设实施方案，统筹推进建设工作"),
        (StaffRole.COORDINATION, f"{committee}主任", C, "副组长", "与其他工作组沟通协调，整合各类资源"),
        (StaffRole.OPERATIONS, f"{committee}副主任", C, "组长", "公共空间改造提升，组织制订各类清单"),
        (StaffRole.OPERATIONS, "驻区单位代表", U, "成员", "共建共享设施与场地"),
        (StaffRole.OPERATIONS, "社会组织负责人", S, "成员", "策划、组织主题活动"),
        (StaffRole.PUBLICITY, f"{place}党组织宣传委员", P, "组长", "总结提炼建设经验，多形式宣传建设成效"),
        (StaffRole.PUBLICITY, "居民代表", R, "成员", "收集身边好人善举"),
        (StaffRole.EVALUATION, f"{place}党组织纪检委员", P, "组长", "依据建设任务表组织自我评价"),
        (StaffRole.EVALUATION, "居民代表", R, "成员", "参与满意度调查和综合评价"),
    )
    return [
        {"group": group, "name": name, "organisation": org, "role": role, "responsibilities": duty}
        for group, name, org, role, duty in rows
    ]


def _seed_work_groups(home: HomePage, report: SeedReport) -> None:
    village = home.community.is_village
    if not home.get_children().filter(slug="work-groups").exists():
        page = WorkGroupsPage(
            slug="work-groups",
            title="工作组",
            show_in_menus=True,
            intro="<p>在镇（街道）党（工）委、上级民政部门和社区党组织的领导下，成立综合协调组、建设运行组、"
            "新闻宣传组、效果评价组等工作小组。成员包括社区基层党组织、居（村）民委员会、驻社区企事业单位、"
            "社会组织等相关单位成员和居（村）民代表。以下按职务列出，具体人员由各工作组公布。</p>",
        )
        for index, member in enumerate(_work_group_members(village)):
            page.members.add(page.members.model(sort_order=index, **member))
        home.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"work groups of {home.community.name}")
    _child(
        home,
        StandardPage,
        "implementation-plan",
        title="“人人社区”建设实施方案",
        show_in_menus=False,
        intro="依据 DB 3204/T 1058—2023《“人人社区”建设指南》5.1.2.1 制定，明确各行动主体责任。"
        "本页为依据标准整理的方案框架，由综合协调组结合本地实际修订后公布。",
        body=[
            ("heading", "建设目标"),
            (
                "paragraph",
                "<p>建设参与共同体、责任共同体、生活共同体、成长共同体，构建人人有责、人人尽责、"
                "人人享有的基层治理共同体。</p>",
            ),
            ("heading", "建设原则"),
            (
                "paragraph",
                "<ul><li>共同参与：建立资源共享、多方共建、协商共治的参与机制。</li>"
                "<li>共同自律：打造自我管理、自我教育、自我监督的自律平台。</li>"
                "<li>共同生活：营造睦邻友好、人人与共、守望相助的生活氛围。</li>"
                "<li>共同成长：拓展向上向善、人人奉献、各尽其能的成长空间。</li></ul>",
            ),
            ("heading", "组织机构与职责"),
            (
                "paragraph",
                "<p>成立综合协调组、建设运行组、新闻宣传组、效果评价组，各组职责见“工作组”页面。</p>",
            ),
            ("heading", "机制建设"),
            (
                "paragraph",
                "<p>制定并公布《“人人社区”公约》《“人人”责任清单》《“人人”正面行为清单》"
                "《“人人”负面行为清单》，研制《“人人”积分清单》；组建专家团队，建立共商共议机制。</p>",
            ),
            ("heading", "建设任务"),
            ("paragraph", "<p>按标准表1的24项建设任务推进，约束性任务应全部实现，预期性任务逐步推进。</p>"),
            ("heading", "效果评价"),
            (
                "paragraph",
                "<p>由综合协调组召集开展阶段性自我评价；由党组织召集，邀请上级相关部门、社会领域专家、"
                "居民群众等开展综合评价。</p>",
            ),
        ],
    )
    _child(
        home,
        StandardPage,
        "experts",
        title="“人人社区”专家团队",
        show_in_menus=False,
        intro="依据标准5.1.2.3组建“人人社区”专家团队，建立共商共议机制，协调解决建设难点。",
        body=[
            ("heading", "团队职责"),
            ("paragraph", "<p>参与共商共议，为建设中的难点问题提出意见；参与综合评价（标准7.2）。</p>"),
            ("heading", "团队组成"),
            (
                "paragraph",
                "<p>拟由上级相关部门推荐的社会领域专家、社会组织和社会工作专业人员等组成，"
                "成员名单经综合协调组确认后公布。</p>",
            ),
        ],
    )
