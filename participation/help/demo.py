"""The 解忧铺's demo data for `manage.py seed_demo`: each community's categories (with their deadlines) and two
requests of the demo resident, one of them accepted. Through the flow's own services, as on the site."""

from participation.help import services
from participation.help.models import HelpCategory, HelpRequest

ORDER = 40

# Kinds of request and the deadlines the community commits to (hours to answer, days to resolve).
HELP_CATEGORIES = [
    ("生活服务", 24, 7),
    ("设施维修", 24, 5),
    ("矛盾调解", 12, 10),
    ("政策咨询", 24, 3),
    ("其他", 48, 14),
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


def seed(context) -> None:
    for community in context.communities:
        for order, (name, hours, days) in enumerate(HELP_CATEGORIES):
            _, created = HelpCategory.objects.get_or_create(
                community=community,
                name=name,
                defaults={"response_hours": hours, "resolution_days": days, "sort_order": order},
            )
            if created:
                context.created(f"help category {community.name}·{name}")
    community, resident, coordinator = context.urban, context.resident, context.coordinator
    if HelpRequest.objects.filter(community=community, author=resident).exists():
        return
    for category_name, summary, description, public, accept in HELP_REQUESTS:
        request, _token = services.submit_request(
            community=community,
            category=HelpCategory.objects.get(community=community, name=category_name),
            summary=summary,
            description=description,
            requester=resident,
            is_public=public,
        )
        if accept:
            services.take_transition(
                request=request, transition="accept", actor=coordinator, comment="已受理，安排物业维修。"
            )
        context.created(f"help request {summary}")
