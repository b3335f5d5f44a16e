"""The 议事厅's demo data for `manage.py seed_demo`: two topics of the demo resident, one approved by the
coordination group. Through the flow's own services and transitions (logged, notified), as on the site."""

from participation.topics import services
from participation.topics.models import ConsultationTopic, TopicCategory
from workflows.services import perform_transition

ORDER = 30

TOPICS = [
    # title, description, approved by the coordination group?
    (
        "3号楼前增设非机动车充电桩",
        "3号楼前电动车乱停、飞线充电现象多，建议在空地增设集中充电桩，由物业统一管理。",
        True,
    ),
    ("小区东门傍晚增设一名值守志愿者", "放学时段东门人车混行，建议招募志愿者在16:30—17:30协助疏导。", False),
]


def seed(context) -> None:
    community, resident, coordinator = context.urban, context.resident, context.coordinator
    if ConsultationTopic.objects.filter(community=community, author=resident).exists():
        return
    category = TopicCategory.objects.filter(community__isnull=True).order_by("pk").first()
    for title, description, approve in TOPICS:
        topic = services.create_topic(
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
        context.created(f"topic {title}")
