"""The standard's appendices as pages: 公约 (附录A), 责任清单 (附录B), 正面/负面行为清单 (附录C/D)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home import page_data
from home.blocks import ConventionSectionBlock, ResponsibilityCategoryBlock
from home.models.mixins import (
    SegmentedSearchMixin,
    ViewRestrictionShortcutMixin,
    community_home,
    segmented_search_fields,
)
from participation.points.models import BehaviourItem


class ConventionPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    preamble = RichTextField(_("preamble"), blank=True, features=["bold", "italic"])
    sections = StreamField([("section", ConventionSectionBlock())], verbose_name=_("sections"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("preamble"), FieldPanel("sections")]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("convention page")
        verbose_name_plural = _("convention pages")

    def search_text_parts(self):
        parts = [*super().search_text_parts(), self.preamble]
        for block in self.sections:
            parts.append(block.value["title"])
            parts.extend(block.value["lines"])
        return parts


class ResponsibilityListPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic"])
    categories = StreamField(
        [("category", ResponsibilityCategoryBlock())], verbose_name=_("categories"), blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("categories")]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("responsibility list page")
        verbose_name_plural = _("responsibility list pages")

    def search_text_parts(self):
        parts = [*super().search_text_parts(), self.intro]
        for block in self.categories:
            parts.append(block.value["category"])
            for scene in block.value["scenes"]:
                parts.append(scene["scene"])
                parts.extend(scene["duties"])
        return parts


class BehaviourListPage(ViewRestrictionShortcutMixin, SegmentedSearchMixin, Page):
    """Renders the community's BehaviourItem snippets: the operations group keeps them, not page editors."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = segmented_search_fields()
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("behaviour list page")
        verbose_name_plural = _("behaviour list pages")

    def community(self):
        home = community_home(self)
        return home.community if home else None

    def search_text_parts(self):
        community = self.community()
        texts = BehaviourItem.objects.filter(community=community).values_list("text", flat=True)
        return [*super().search_text_parts(), self.intro, *texts]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        community = self.community()
        if community is not None:
            context.update(page_data.behaviour_lists(community=community))
        return context
