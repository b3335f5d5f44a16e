"""Read queries for the public site's pages."""

from django.db.models import QuerySet
from wagtail.models import Page

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
