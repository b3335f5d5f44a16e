from django import template
from wagtail.models import Site

from home import selectors

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context):
    """The header navigation (home.selectors.navigation); base.html caches it per content generation."""
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request is not None else None
    root, items = selectors.navigation(
        page=page,
        community_id=getattr(context.get("community"), "pk", None),
        site_root=site.root_page if site is not None else None,
    )
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
