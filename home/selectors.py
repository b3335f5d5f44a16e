"""Read queries for the public site's pages."""

from django.db.models import QuerySet
from wagtail.models import Page

from home.models import HomePage
from home.models.mixins import community_home
from home.segmentation import segment_query


def search_pages(*, query: str, site_root: Page | None = None):
    """Live pages matching every word of the query, Chinese included (see home.segmentation)."""
    words = segment_query(query)
    if not words:
        return Page.objects.none()
    pages: QuerySet[Page] = Page.objects.live().public().specific()
    if site_root is not None:
        pages = pages.descendant_of(site_root, inclusive=True)
    return pages.search(words, operator="and")


def navigation(
    *, page: Page | None, community_id: int | None, site_root: Page | None
) -> tuple[Page | None, QuerySet]:
    """The header navigation's root and items: the community's sections when inside a community (a page of its
    tree, or a flow's page about `community_id`), else the portal's communities."""
    home = community_home(page) if page is not None else None
    if home is None and community_id is not None:
        # The 议事厅, 解忧铺 and other flows' pages belong to a community without being Wagtail pages.
        home = HomePage.objects.filter(community_id=community_id).live().first()
    if home is not None:
        return home, home.get_children().live().in_menu()
    if site_root is not None:
        return site_root, HomePage.objects.child_of(site_root).live()
    return None, Page.objects.none()
