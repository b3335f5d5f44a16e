"""The 宣传审核 moderation workflow (docs/architecture.md, “Permissions and scoping”): publicity editors submit, the community's coordinators
approve. Wagtail's own default groups (Editors, Moderators) and their workflow are removed: Moderators may
publish anywhere in the tree, which would bypass the per-community scoping."""

from django.db import migrations

WORKFLOW_NAME = "宣传审核"
TASK_NAME = "综合协调组审核"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CommunityApprovalTask = apps.get_model("home", "CommunityApprovalTask")

    default_tasks = GroupApprovalTask.objects.filter(groups__name="Moderators")
    default_workflows = Workflow.objects.filter(workflow_tasks__task__in=default_tasks)
    WorkflowPage.objects.filter(workflow__in=default_workflows).delete()
    default_workflows.update(active=False)
    default_tasks.update(active=False)
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="communityapprovaltask")
    task = CommunityApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = CommunityApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("home", "CommunityApprovalTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("participation", "0002_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
