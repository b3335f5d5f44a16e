from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home import page_data
from home.blocks import BodyBlock
from home.models.mixins import SegmentedSearchMixin, ViewRestrictionShortcutMixin, segmented_search_fields
from renren_cms.page_cache import cached_by_generation


def _live_specific_page(url_path: str):
    page = Page.objects.filter(url_path=url_path, live=True).first()
    return page.specific if page is not None else None


class PortalPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    """The street's (街道) portal: the site root, listing its communities."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented_search_fields()
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.HomePage", "home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("street portal page")
        verbose_name_plural = _("street portal pages")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.intro]

    def route(self, request, path_components):
        """Find a descendant by its whole URL path in one query, instead of one child lookup per level
        (Wagtail's default); anything that is not a plain page path falls back to the default walk."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            # Per content generation: publishing, moving or unpublishing a page bumps it.
            page = cached_by_generation(f"route:{url_path}", lambda: _live_specific_page(url_path))
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["community_pages"] = (
            HomePage.objects.child_of(self).live().select_related("community").order_by("path")
        )
        return context


class HomePage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    """A community's (社区/村) home: its own subtree with convention, lists, activities and news."""

    community = models.OneToOneField(
        "participation.Community",
        on_delete=models.PROTECT,
        related_name="home_page",
        verbose_name=_("community"),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("community"), FieldPanel("intro")]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.PortalPage"]
    subpage_types = [
        "home.StandardPage",
        "home.ConventionPage",
        "home.ResponsibilityListPage",
        "home.BehaviourListPage",
        "home.ActivityIndexPage",
        "home.NewsIndexPage",
        "home.WorkGroupsPage",
    ]

    class Meta:
        verbose_name = _("community home page")
        verbose_name_plural = _("community home pages")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.intro]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor: home_page.html caches the rendered sections per content generation, and
        # only when that fragment is missing does the template touch this, and the queries run.
        context["home_sections"] = SimpleLazyObject(self.section_data)
        return context

    def section_data(self) -> dict:
        """What the community home page shows besides its own fields (lists, not lazy querysets: cached)."""
        return page_data.home_sections(page=self)


class StandardPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    """Any other content: the 实施方案, work group duties, an introduction to the standard."""

    intro = models.TextField(_("summary"), blank=True, max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = segmented_search_fields()
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def search_text_parts(self):
        return [*super().search_text_parts(), self.intro, self.body.render_as_block() if self.body else ""]
