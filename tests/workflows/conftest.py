"""Fixtures of the workflow-core tests: the sample Reviewable's table, groups, people and items."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from tests.workflows.sample import OTHER_GROUP, REVIEWER_GROUP, SampleSubmission, viewset
from workflows.registry import register_reviewable, unregister_reviewable


@pytest.fixture(autouse=True)
def workflows_settings(settings):
    settings.ROOT_URLCONF = "tests.workflows.urls"
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append("workflows.context_processors.unread_messages")
    settings.TEMPLATES = templates
    settings.WORKFLOWS_DEFAULT_DELIVERY = "email_immediate"


@pytest.fixture
def registered_sample():
    register_reviewable(SampleSubmission, viewset=viewset)
    yield viewset
    unregister_reviewable(SampleSubmission)


def _admin_access_permission():
    # Recreated here: a transactional test's flush removes the rows the migrations made.
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    return permission


def _model_permission(action: str):
    content_type = ContentType.objects.get_for_model(SampleSubmission)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_samplesubmission",
        defaults={"name": f"Can {action} sample submission"},
    )
    return permission


@pytest.fixture
def reviewer_group(db):
    group, _ = Group.objects.get_or_create(name=REVIEWER_GROUP)
    group.permissions.add(_admin_access_permission(), _model_permission("view"), _model_permission("change"))
    return group


@pytest.fixture
def other_group(db):
    group, _ = Group.objects.get_or_create(name=OTHER_GROUP)
    group.permissions.add(_admin_access_permission(), _model_permission("view"), _model_permission("change"))
    return group


@pytest.fixture
def make_user(db):
    def make(mobile, name, *, groups=(), email=None, **extra):
        email = f"{mobile}@example.com" if email is None else email
        user = get_user_model().objects.create_user(mobile, "pw", display_name=name, email=email, **extra)
        for group in groups:
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def author(make_user):
    return make_user("13900000001", "张三")


@pytest.fixture
def reviewer(make_user, reviewer_group):
    return make_user("13900000002", "李四", groups=[reviewer_group], is_staff=True)


@pytest.fixture
def second_reviewer(make_user, reviewer_group):
    return make_user("13900000003", "王五", groups=[reviewer_group], is_staff=True)


@pytest.fixture
def other_staff(make_user, other_group):
    return make_user("13900000004", "赵六", groups=[other_group], is_staff=True)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("13900000009", "pw", display_name="管理员")


@pytest.fixture
def make_submission(author):
    default_author = author

    def make(state="draft", *, author=default_author, title="修好小区东门"):
        submitted_at = None if state in ("draft", "withdrawn") else timezone.now()
        return SampleSubmission.objects.create(
            title=title, author=author, state=state, submitted_at=submitted_at
        )

    return make
