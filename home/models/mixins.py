from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.segmentation import segment
from renren_cms.page_cache import cached_by_generation


class SegmentedSearchMixin:
    """Index a word-segmented copy of the page's text so that Chinese words inside sentences are found."""

    def search_text_parts(self) -> list[str]:
        return [self.title, self.search_description or ""]

    def segmented_text(self) -> str:
        return segment(" ".join(str(part) for part in self.search_text_parts() if part))


class ViewRestrictionShortcutMixin:
    """Wagtail checks view restrictions before serving any page: two queries (the ancestors, then their
    restrictions). A community site seldom restricts a page, so while no restriction exists anywhere the answer
    is an empty queryset without asking; adding or removing one bumps the content generation."""

    def get_view_restrictions(self):
        if not cached_by_generation("page-view-restrictions:any", PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def segmented_search_fields(*extra):
    return [*Page.search_fields, index.SearchField("segmented_text"), *extra]


def paginate(request, items, per_page: int):
    """One page of items from ?page=N; bad or too-large numbers fall back to the first or last page."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def community_home(page):
    """The community HomePage a page belongs to (itself, or its nearest HomePage ancestor), with its
    community; remembered on the page object, since the navigation and the page both ask for it."""
    from home.models.base import HomePage

    if isinstance(page, HomePage):
        return page
    if not hasattr(page, "_community_home"):
        page._community_home = (
            HomePage.objects.ancestor_of(page).select_related("community").order_by("-depth").first()
        )
    return page._community_home
