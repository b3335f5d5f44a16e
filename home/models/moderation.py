"""The 宣传审核 moderation step: a page is approved by whoever may publish it.

Publish permission is granted per community (each community's 综合协调组 group on its HomePage), so one
workflow serves every community while a coordinator of one community can never approve another's page.
Wagtail's GroupApprovalTask cannot express that: its groups are global.
"""

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState
from wagtail.permissions import page_permission_policy


def _can_publish(page, user) -> bool:
    if not isinstance(page, Page) or not user.is_authenticated:
        return False
    return page.permissions_for_user(user).can_publish()


class CommunityApprovalTask(Task):
    def user_can_access_editor(self, obj, user):
        return _can_publish(obj, user)

    def locked_for_user(self, obj, user):
        return not _can_publish(obj, user)

    def user_can_lock(self, obj, user):
        return _can_publish(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not _can_publish(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        publishable = page_permission_policy.instances_user_has_permission_for(user, "publish")
        # Workflow states point at pages by a text id; compare as text on every database.
        page_ids = publishable.annotate(id_text=Cast("pk", CharField())).values("id_text")
        return states.filter(workflow_state__object_id__in=page_ids)

    @classmethod
    def get_description(cls):
        return _("Members who may publish the page (its community's coordination group) approve it")

    class Meta:
        verbose_name = _("community approval task")
        verbose_name_plural = _("community approval tasks")
