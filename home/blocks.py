from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", max_length=120)
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul", "h3", "h4"]
    )
    image = ImageBlock(label=_("Image"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))

    class Meta:
        label = _("Body")


class ConventionSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=40)
    lines = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("Lines"))

    class Meta:
        label = _("Convention section")
        icon = "doc-full"


class SceneBlock(blocks.StructBlock):
    scene = blocks.CharBlock(label=_("Scene"), max_length=40, required=False)
    duties = blocks.ListBlock(blocks.TextBlock(), label=_("Duties"))

    class Meta:
        label = _("Scene")


class ResponsibilityCategoryBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(label=_("Number"), min_value=1)
    category = blocks.CharBlock(label=_("Category"), max_length=40)
    scenes = blocks.ListBlock(SceneBlock(), label=_("Scenes"))

    class Meta:
        label = _("Responsibility category")
        icon = "list-ul"
