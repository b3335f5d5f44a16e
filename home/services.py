"""Writes of the content side: the street portal, and each community's page tree with its permissions."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Site, Workflow, WorkflowPage

from home.models import HomePage, PortalPage
from participation.models import Community, CommunityGroup
from participation.roles import StaffRole

MODERATION_WORKFLOW_NAME = "宣传审核"

# Publicity editors draft and submit; coordinators also publish (and so approve, see CommunityApprovalTask).
PAGE_PERMISSIONS = {
    StaffRole.PUBLICITY: ("add_page", "change_page", "lock_page"),
    StaffRole.COORDINATION: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}


@transaction.atomic
def ensure_portal(*, title: str, slug: str = "portal") -> PortalPage:
    """The street's portal page as the default site's root; replaces Wagtail's placeholder welcome page."""
    portal = PortalPage.objects.first()
    if portal is None:
        root = Page.get_first_root_node()
        portal = root.add_child(instance=PortalPage(title=title, slug=slug))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=portal, is_default_site=True, site_name=title
        )
    elif site.root_page_id != portal.pk:
        placeholder = site.root_page.specific
        site.root_page = portal
        site.site_name = title
        site.save()
        if type(placeholder) is Page and not placeholder.get_children().exists():
            placeholder.delete()
    return portal


@transaction.atomic
def build_community_site(*, community: Community, portal: PortalPage, title: str, slug: str) -> HomePage:
    """The community's HomePage under the portal, its groups' page permissions, and the 宣传审核 workflow."""
    home = HomePage.objects.filter(community=community).first()
    if home is None:
        home = portal.add_child(instance=HomePage(title=title, slug=slug, community=community))
    grant_community_page_permissions(community=community, home=home)
    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW_NAME)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return home


def grant_community_page_permissions(*, community: Community, home: Page) -> None:
    for link in CommunityGroup.objects.filter(community=community).select_related("group"):
        for codename in PAGE_PERMISSIONS.get(StaffRole(link.role), ()):
            GroupPagePermission.objects.get_or_create(
                group=link.group, page=home, permission=_page_permission(codename)
            )


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
