"""Public forms of the 人人议事厅. Length limits come from the models, so the form says them in Chinese."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.plaintext import PublicTextMixin
from participation.topics import selectors
from participation.topics.models import ConsultationTopic, ReportReason, TopicComment, TopicState
from participation.topics.models.topics import COMMENT_MAX_LENGTH, PUBLIC_STATES
from participation.uploads import ResidentImagesField
from workflows.models import ReviewState

SUBMIT = "submit"
SAVE_DRAFT = "draft"


class TopicForm(PublicTextMixin, forms.ModelForm):
    photos = ResidentImagesField(max_count=4)

    class Meta:
        model = ConsultationTopic
        fields = ["title", "description", "category"]
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "title": _("At most 80 characters, e.g. 小区东门路灯不亮."),
            "description": _(
                "What is the problem, where, and what would you suggest? At most 5,000 characters."
            ),
        }

    def __init__(self, *args, community, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = selectors.categories_for(community=community)
        self.fields["category"].empty_label = _("Choose a category")

    def clean_title(self):
        return self.cleaned_data["title"].strip()


class TopicFilterForm(forms.Form):
    """The list's filters; an unknown value simply does not filter (never an error page)."""

    state = forms.ChoiceField(label=_("State"), required=False)
    category = forms.TypedChoiceField(label=_("Category"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, community, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        labels = dict(ConsultationTopic._meta.get_field("state").flatchoices)
        self.fields["state"].choices = [("", _("All states")), *((s, labels[s]) for s in PUBLIC_STATES)]
        self.fields["category"].choices = [
            ("", _("All categories")),
            *selectors.categories_for(community=community).values_list("pk", "name"),
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {"state": "", "category_id": None}
        return {"state": self.cleaned_data["state"], "category_id": self.cleaned_data["category"]}


class CommentForm(PublicTextMixin, forms.ModelForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = TopicComment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH})}
        labels = {"body": _("Your comment")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_body(self):
        return self.cleaned_data["body"].strip()


class ReportForm(PublicTextMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you report it?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


# States whose topics the meetings' agenda may take (see services.set_agenda).
AGENDA_STATES = (ReviewState.APPROVED, TopicState.SCHEDULED)
