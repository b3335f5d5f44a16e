"""Demo topics and 解忧铺 requests for `seed_demo`, so that `make run` shows the 议事厅 and 解忧铺 at work.

Everything goes through the flows' own services and transitions (logged, notified) as it would on the site."""

from django.contrib.auth import get_user_model

from participation.help import services as help_services
from participation.help.models import HelpCategory, HelpRequest
from participation.models import Community
from participation.topics import services as topic_services
from participation.topics.models import ConsultationTopic, TopicCategory
from workflows.services import perform_transition

# Kinds of request and the deadlines the community commits to (hours to answer, days to resolve).
HELP_CATEGORIES = [
    ("生活服务", 24, 7),
    ("设施维修", 24, 5),
    ("矛盾调解", 12, 10),
    ("政策咨询", 24, 3),
    ("其他", 48, 14),
]
TOPICS = [
    # title, description, approved by the coordination group?
    (
        "3号楼前增设非机动车充电桩",
        "3号楼前电动车乱停、飞线充电现象多，建议在空地增设集中充电桩，由物业统一管理。",
        True,
    ),
    ("小区东门傍晚增设一名值守志愿者", "放学时段东门人车混行，建议招募志愿者在16:30—17:30协助疏导。", False),
]
HELP_REQUESTS = [
    # category, summary, description, public?, accepted?
    (
        "设施维修",
        "5幢楼道感应灯不亮",
        "5幢2单元3至5楼的楼道感应灯坏了一周，晚上老人上下楼不方便。",
        True,
        True,
    ),
    (
        "生活服务",
        "独居老人需要代买药品",
        "我母亲独居，腿脚不便，每周需要有人帮忙去药店代买常用药。",
        False,
        False,
    ),
]


def seed_help_categories(community: Community, report) -> None:
    for order, (name, hours, days) in enumerate(HELP_CATEGORIES):
        _, created = HelpCategory.objects.get_or_create(
            community=community,
            name=name,
            defaults={"response_hours": hours, "resolution_days": days, "sort_order": order},
        )
        if created:
            report.created.append(f"help category {community.name}·{name}")


def seed_topics_and_requests(
    community: Community, *, resident_mobile: str, coordinator_mobile: str, report
) -> None:
    """Once per community: later runs find the resident's topics and requests there and add nothing."""
    users = get_user_model().objects
    resident, coordinator = users.get(mobile=resident_mobile), users.get(mobile=coordinator_mobile)
    if not ConsultationTopic.objects.filter(community=community, author=resident).exists():
        category = TopicCategory.objects.filter(community__isnull=True).order_by("pk").first()
        for title, description, approve in TOPICS:
            topic = topic_services.create_topic(
                author=resident,
                community=community,
                title=title,
                description=description,
                category=category,
                submit=True,
            )
            if approve:
                perform_transition(
                    obj=topic, transition="approve", actor=coordinator, comment="符合议事范围，列入议事厅。"
                )
            report.created.append(f"topic {title}")
    if not HelpRequest.objects.filter(community=community, author=resident).exists():
        for category_name, summary, description, public, accept in HELP_REQUESTS:
            request, _token = help_services.submit_request(
                community=community,
                category=HelpCategory.objects.get(community=community, name=category_name),
                summary=summary,
                description=description,
                requester=resident,
                is_public=public,
            )
            if accept:
                help_services.take_transition(
                    request=request, transition="accept", actor=coordinator, comment="已受理，安排物业维修。"
                )
            report.created.append(f"help request {summary}")
