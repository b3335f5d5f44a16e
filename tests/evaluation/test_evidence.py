"""Task evidence: who drafts, who reviews (four eyes, own community), the transitions' permission matrix, and
the admin create / edit / inspect / download views."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from evaluation import services
from evaluation.models import EvidenceFile, EvidenceLink, TaskEvidence
from participation.roles import StaffRole
from workflows.exceptions import TransitionForbidden
from workflows.models import ReviewState
from workflows.services import perform_transition

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_author_in_the_evaluation_group_still_cannot_approve_their_own_evidence(make_evidence, operations_a):
    operations_a.groups.add(Group.objects.get(name="效果评价组"))
    evidence = make_evidence(ReviewState.SUBMITTED)
    assert not evidence.user_can_review(operations_a)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=evidence, transition="approve", actor=operations_a)
    assert TaskEvidence.objects.get(pk=evidence.pk).state == ReviewState.SUBMITTED


def test_superuser_author_cannot_approve_their_own_evidence(make_evidence, superuser):
    evidence = make_evidence(ReviewState.SUBMITTED, author=superuser)
    with pytest.raises(TransitionForbidden):
        perform_transition(obj=evidence, transition="approve", actor=superuser)


def test_self_approval_refused_in_the_admin_with_403(client, make_evidence, operations_a):
    operations_a.groups.add(Group.objects.get(name="效果评价组"))
    evidence = make_evidence(ReviewState.SUBMITTED)
    client.force_login(operations_a)
    response = client.post(
        reverse("task_evidence:transition", args=[evidence.pk, "approve"]), {"seen_state": "submitted"}
    )
    assert response.status_code == 403
    assert TaskEvidence.objects.get(pk=evidence.pk).state == ReviewState.SUBMITTED


# The permission matrix: (transition, from state, actor) → allowed?
MATRIX = [
    ("submit", "draft", "author", True),
    ("submit", "draft", "evaluator_a", False),
    ("submit", "draft", "coordinator_a", False),
    ("approve", "submitted", "evaluator_a", True),
    ("approve", "submitted", "evaluator_b", False),  # another community's evaluator
    ("approve", "submitted", "coordinator_a", False),
    ("approve", "submitted", "author", False),
    ("approve", "submitted", "superuser", True),
    ("return_for_changes", "submitted", "evaluator_a", True),
    ("return_for_changes", "submitted", "operations_b", False),
    ("reject", "submitted", "evaluator_a", True),
    ("reject", "submitted", "author", False),
    ("submit", "returned", "author", True),
    ("withdraw", "submitted", "author", True),
    ("withdraw", "submitted", "evaluator_a", False),
]


@pytest.fixture
def actors(operations_a, evaluator_a, evaluator_b, coordinator_a, superuser, make_staff, community_b):
    return {
        "author": operations_a,
        "evaluator_a": evaluator_a,
        "evaluator_b": evaluator_b,
        "coordinator_a": coordinator_a,
        "superuser": superuser,
        "operations_b": make_staff("13800000203", StaffRole.OPERATIONS, community_b[0], "运行乙"),
    }


@pytest.mark.parametrize("transition, state, actor, allowed", MATRIX)
def test_transition_permission_matrix(transition, state, actor, allowed, actors, make_evidence):
    evidence = make_evidence(state)
    comment = "请补充签到表" if transition in ("return_for_changes", "reject") else ""
    if allowed:
        result = perform_transition(obj=evidence, transition=transition, actor=actors[actor], comment=comment)
        assert result.state != state
    else:
        with pytest.raises(TransitionForbidden):
            perform_transition(obj=evidence, transition=transition, actor=actors[actor], comment=comment)
        assert TaskEvidence.objects.get(pk=evidence.pk).state == state


def test_approved_evidence_counts_for_its_task(make_evidence, evaluator_a, community_a, community_b, task):
    from evaluation.selectors import tasks_with_evidence_counts

    def counts(community):
        return {
            row.pk: (row.approved, row.pending) for row in tasks_with_evidence_counts(community=community)
        }

    evidence = make_evidence(ReviewState.SUBMITTED)
    make_evidence(ReviewState.DRAFT, title="草稿")
    assert counts(community_a[0])[task.pk] == (0, 1)
    perform_transition(obj=evidence, transition="approve", actor=evaluator_a)
    mine, other = counts(community_a[0]), counts(community_b[0])
    assert mine[task.pk] == (1, 0) and other[task.pk] == (0, 0)  # another community's page counts none of it
    assert len(mine) == 24 and sum(approved for approved, _ in mine.values()) == 1


# --- services ----------------------------------------------------------------------------------------------


def test_only_operations_or_coordination_of_the_community_draft(
    evaluator_a, operations_a, community_a, community_b, task
):
    kwargs = {"task": task, "title": "纪要", "start_date": "2026-03-01"}
    with pytest.raises(PermissionDenied):
        services.create_evidence(author=evaluator_a, community=community_a[0], **kwargs)
    with pytest.raises(PermissionDenied):
        services.create_evidence(author=operations_a, community=community_b[0], **kwargs)
    assert not TaskEvidence.objects.exists()


def test_only_the_author_edits_and_only_while_open(make_evidence, coordinator_a, operations_a, task):
    evidence = make_evidence(ReviewState.DRAFT)
    fields = {"task": task, "title": "改过的标题", "start_date": evidence.start_date}
    with pytest.raises(PermissionDenied):
        services.update_evidence(evidence=evidence, user=coordinator_a, **fields)
    services.update_evidence(evidence=evidence, user=operations_a, **fields)
    assert TaskEvidence.objects.get(pk=evidence.pk).title == "改过的标题"
    approved = make_evidence(ReviewState.APPROVED)
    with pytest.raises(PermissionDenied):
        services.update_evidence(evidence=approved, user=operations_a, **fields)


# --- admin -------------------------------------------------------------------------------------------------


def test_operations_drafts_evidence_with_a_file_and_a_linked_page(client, operations_a, community_a, task):
    from home.models import StandardPage

    home = community_a[1].add_child(instance=StandardPage(title="三月议事会报道", slug="march-meeting"))
    client.force_login(operations_a)
    add_url = reverse("task_evidence:add")
    form = client.get(add_url)
    assert form.status_code == 200
    link_field = next(name for name in form.context["form"].fields if name.startswith("links_"))
    upload = SimpleUploadedFile("签到表.png", png_bytes(), content_type="image/png")
    response = client.post(
        add_url,
        {
            "community": community_a[0].pk,
            "task": task.pk,
            "title": "三月议事会",
            "description": "议题：停车",
            "start_date": "2026-03-15",
            "measured_values_text": "参与人数 = 36\n议题数：3",
            "new_files": [upload],
            link_field: [home.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    evidence = TaskEvidence.objects.get(title="三月议事会")
    assert evidence.author == operations_a and evidence.state == ReviewState.DRAFT
    assert evidence.measured_values == {"参与人数": "36", "议题数": "3"}
    record = evidence.files.get()
    assert record.kind == "png" and record.original_name == "签到表.png" and "签到表" not in record.file.name
    assert EvidenceLink.objects.get(evidence=evidence).target.pk == home.pk

    inspect = client.get(reverse("task_evidence:inspect", args=[evidence.pk])).content.decode()
    assert "签到表.png" in inspect and home.title in inspect and "参与人数" in inspect
    download = client.get(reverse("self_evaluation:file", args=[record.pk]))
    assert download.status_code == 200 and download["X-Content-Type-Options"] == "nosniff"
    with Image.open(io.BytesIO(b"".join(download.streaming_content))) as served:
        assert served.format == "PNG" and served.size == (8, 8) and served.getpixel((0, 0)) == (255, 0, 0)


def test_evidence_photos_lose_their_gps_position(client, operations_a, community_a, task):
    # Photos of visits are taken on phones that write where they were taken into the file.
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 46.0, 0.0)}  # GPSInfo
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(buffer, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif().get(0x8825)
    client.force_login(operations_a)
    upload = SimpleUploadedFile("走访照片.jpg", buffer.getvalue(), content_type="image/jpeg")
    response = client.post(
        reverse("task_evidence:add"),
        {
            "community": community_a[0].pk,
            "task": task.pk,
            "title": "走访照片证据",
            "start_date": "2026-03-15",
            "new_files": [upload],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    record = TaskEvidence.objects.get(title="走访照片证据").files.get()
    with record.file.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG" and not image.getexif().get(0x8825)


def test_a_disguised_file_is_refused_and_nothing_saved(client, operations_a, community_a, task):
    client.force_login(operations_a)
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("task_evidence:add"),
        {
            "community": community_a[0].pk,
            "task": task.pk,
            "title": "伪装文件",
            "start_date": "2026-03-15",
            "new_files": [fake],
        },
    )
    assert response.status_code == 200
    assert "报告.pdf" in str(response.context["form"].errors["new_files"])
    assert not TaskEvidence.objects.filter(title="伪装文件").exists()


def test_staff_of_another_community_cannot_see_or_download(client, make_evidence, evaluator_b, operations_a):
    evidence = make_evidence(ReviewState.SUBMITTED)
    record = EvidenceFile(evidence=evidence, original_name="a.png", kind="png", size=10)
    record.file.save("a.png", ContentFile(png_bytes()), save=True)
    client.force_login(evaluator_b)
    assert client.get(reverse("task_evidence:inspect", args=[evidence.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("self_evaluation:file", args=[record.pk])).status_code in (302, 403)
    listing = client.get(reverse("task_evidence:index")).content.decode()
    assert evidence.title not in listing


def test_evaluator_reviews_from_the_admin(client, make_evidence, evaluator_a):
    evidence = make_evidence(ReviewState.SUBMITTED)
    client.force_login(evaluator_a)
    inspect = client.get(reverse("task_evidence:inspect", args=[evidence.pk])).content.decode()
    assert reverse("task_evidence:transition", args=[evidence.pk, "approve"]) in inspect
    response = client.post(
        reverse("task_evidence:transition", args=[evidence.pk, "return_for_changes"]),
        {"seen_state": "submitted", "comment": "请补充照片"},
    )
    assert response.status_code == 302
    assert TaskEvidence.objects.get(pk=evidence.pk).state == ReviewState.RETURNED


def test_approved_evidence_cannot_be_edited_in_the_admin(client, make_evidence, operations_a):
    evidence = make_evidence(ReviewState.APPROVED)
    client.force_login(operations_a)
    response = client.post(reverse("task_evidence:edit", args=[evidence.pk]), {"title": "篡改"})
    assert response.status_code == 302
    assert TaskEvidence.objects.get(pk=evidence.pk).title == "三月议事会纪要"
