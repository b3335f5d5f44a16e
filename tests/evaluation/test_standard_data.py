"""The 24 tasks of 表1 and the appendices are present exactly as in the standard."""

import re
from pathlib import Path

import pytest

from evaluation.models import ConstructionTask, Pillar
from participation.points.models import BehaviourItem, BehaviourPolarity

pytestmark = pytest.mark.django_db

STANDARD = Path(__file__).resolve().parents[3] / "shared" / "standard" / "DB3204-T1058-2023.txt"


def standard_text():
    if not STANDARD.exists():
        pytest.skip(f"the standard's text is not beside the project ({STANDARD})")
    text = STANDARD.read_text(encoding="utf-8")
    # The extraction writes ≥ × m² as TeX; the standard prints the symbols.
    return re.sub(r"\s*\\geq\s*", "≥", re.sub(r"\s*\\times\s*", "×", text)).replace("30 m ² ", "30m²")


def test_all_24_tasks_loaded_by_migration():
    tasks = list(ConstructionTask.objects.order_by("number"))
    assert [task.number for task in tasks] == list(range(1, 25))
    assert sum(task.binding for task in tasks) == 12
    assert all(task.binding == (task.number % 2 == 1) for task in tasks)
    pillars = {task.number: task.pillar for task in tasks}
    assert pillars[1] == pillars[8] == Pillar.PARTICIPATION
    assert pillars[9] == pillars[12] == Pillar.RESPONSIBILITY
    assert pillars[13] == pillars[18] == Pillar.LIFE
    assert pillars[19] == pillars[24] == Pillar.GROWTH


def test_task_texts_match_the_standard():
    text = standard_text()
    for task in ConstructionTask.objects.all():
        assert task.text in text, task.number
    task1 = ConstructionTask.objects.get(number=1)
    assert task1.subcategory == "健全完善参与机制"
    assert task1.text.endswith("每月召开1次议事会。")
    assert "“居民志愿者人数”≥“社区常住人口”×20%" in ConstructionTask.objects.get(number=11).text


def test_behaviour_items_keep_the_standards_numbers(demo):
    positive = BehaviourItem.objects.filter(community__slug="wuxing", polarity=BehaviourPolarity.POSITIVE)
    numbers = sorted(positive.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17]
    assert positive.get(number=9).text == "发挥兴趣特长成立社团并招募团员，定期在社区活动中心组织、开展活动。"
    negative = BehaviourItem.objects.filter(community__slug="wuxing", polarity=BehaviourPolarity.NEGATIVE)
    assert negative.count() == 8
    assert all(points < 0 for points in negative.values_list("points", flat=True))
    assert all(points > 0 for points in positive.values_list("points", flat=True))


def test_appendix_texts_match_the_standard():
    from home import standard_content as std
    from participation.points import standard_lists

    text = standard_text()
    assert std.CONVENTION_PREAMBLE in text
    for section in std.CONVENTION_SECTIONS:
        for line in section["lines"]:
            assert line in text
    for row in standard_lists.POSITIVE_BEHAVIOURS + standard_lists.NEGATIVE_BEHAVIOURS:
        assert row["text"] in text
    duties = [d for row in std.RESPONSIBILITIES for scene in row["scenes"] for d in scene["duties"]]
    assert len(duties) == 21 and all(duty in text for duty in duties)


def test_behaviour_points_sign_is_a_database_constraint(community_a):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        BehaviourItem.objects.create(
            community=community_a[0], polarity=BehaviourPolarity.NEGATIVE, number=1, text="x", points=3
        )
