from django import template
from wagtail.models import Site

from home.models import HomePage
from home.models.mixins import community_home

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    """The header navigation: the community's sections when inside a community (a page of its tree, or a flow's
    page with `community` in its context), else the portal's."""
    request = context.get("request")
    page = context.get("page")
    home = community_home(page) if page is not None else None
    community_id = getattr(context.get("community"), "pk", None)
    if home is None and community_id is not None:
        # The 议事厅, 解忧铺 and other flows' pages belong to a community without being Wagtail pages.
        home = HomePage.objects.filter(community_id=community_id).live().first()
    site = Site.find_for_request(request) if request is not None else None
    if home is not None:
        root = home
        items = home.get_children().live().in_menu()
    elif site is not None:
        root = site.root_page
        items = HomePage.objects.child_of(root).live()
    else:
        root, items = None, []
    return {"nav_root": root, "nav_items": items, "current": page, "request": request}


@register.simple_tag(takes_context=True)
def portal_url(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page.url if site is not None else "/"


@register.filter
def parent_url(url: str) -> str:
    """The URL one level up: page URLs mirror the page tree, so this saves a query for the parent page."""
    trimmed = (url or "/").rstrip("/")
    return trimmed[: trimmed.rfind("/") + 1] or "/"
