"""The 积分清单 as an importable kind (its behaviour items, per list and number)."""

from participation.dataio.resources import CommunityResource, column
from participation.dataio.widgets import ChoiceLabelWidget, NumberWidget, YesNoWidget
from participation.points.models import BehaviourItem, BehaviourPolarity


class BehaviourItemResource(CommunityResource):
    polarity = column("polarity", "清单", ChoiceLabelWidget(BehaviourPolarity.choices))
    number = column("number", "序号", NumberWidget(integer=True))
    category = column("category", "分类")
    text = column("text", "行为")
    points = column("points", "积分", NumberWidget(integer=True))
    is_active = column("is_active", "在册", YesNoWidget(default=True))

    key_columns = ("polarity", "number")

    class Meta(CommunityResource.Meta):
        model = BehaviourItem
        import_id_fields = ["polarity", "number"]
        fields = ["polarity", "number", "category", "text", "points", "is_active"]
