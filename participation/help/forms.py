"""Forms of 人人解忧铺: the public request form, confirm-and-rate, reopen; the admin's entry and action forms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.forms import MobileField
from participation.help import selectors
from participation.help.models.categories import HelpCategory
from participation.help.models.requests import HelpRequest, IntakeChannel
from participation.plaintext import PublicTextMixin
from participation.selectors import communities_for_user, grids_for, grids_for_user, residents_for_staff
from participation.uploads import ResidentImagesField
from workflows.forms import TransitionForm

RATING_CHOICES = [(str(value), str(value)) for value in range(1, 6)]
# As long as a topic's description: room for any real request, not for a pasted book.
DESCRIPTION_MAX_LENGTH = 5000


class _Chinese(PublicTextMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no trailing colon
        super().__init__(*args, **kwargs)


def _request_fields(form, categories):
    form.fields["category"] = forms.ModelChoiceField(
        label=_("Category"),
        queryset=categories,
        empty_label=_("Choose a category"),
        error_messages={"required": _("Please choose a category.")},
    )
    form.fields["summary"] = forms.CharField(
        label=_("Summary"),
        max_length=80,
        help_text=_("One line, at most 80 characters."),
        error_messages={"required": _("Please give a short summary.")},
    )
    form.fields["description"] = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=DESCRIPTION_MAX_LENGTH,
        error_messages={"required": _("Please describe what you need help with.")},
    )
    form.fields["is_public"] = forms.BooleanField(
        label=_("Allow this request to be shown publicly"),
        required=False,
        help_text=_(
            "Only its category, summary, state and dates are shown; never your name, phone, "
            "description or photos."
        ),
    )
    form.fields["is_sensitive"] = forms.BooleanField(
        label=_("This is a sensitive matter"),
        required=False,
        help_text=_("Sensitive requests are never shown publicly."),
    )


class HelpRequestForm(_Chinese):
    """/help/<community>/new/: residents (contact from their account) and visitors (name and mobile)."""

    name = forms.CharField(label=_("Your name"), max_length=50)
    phone = MobileField(label=_("Your mobile number"))
    photos = ResidentImagesField()

    def __init__(self, *args, community, user, **kwargs):
        super().__init__(*args, **kwargs)
        _request_fields(self, selectors.active_categories(community=community))
        self.order_fields(["name", "phone", "category", "summary", "description", "photos"])
        if user.is_authenticated:
            del self.fields["name"], self.fields["phone"]
        else:
            self.fields["name"].error_messages["required"] = _(
                "Please give your name so that staff can contact you."
            )
            self.fields["phone"].error_messages["required"] = _(
                "Please give your mobile number so that staff can contact you."
            )
            self.fields["phone"].help_text = _(
                "Full-width digits and spaces are fine. Only community staff see it."
            )

    def clean_name(self):
        return self.cleaned_data["name"].strip()


class RateForm(_Chinese):
    rating = forms.ChoiceField(
        label=_("Your rating (1 = poor, 5 = excellent)"),
        choices=RATING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose a rating from 1 to 5."),
            "invalid_choice": _("Please choose a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReopenForm(_Chinese):
    reason = forms.CharField(
        label=_("Why is the problem not solved?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please say why you reopen the request.")},
    )


class ResolveForm(_Chinese):
    """A volunteer resolving on the public site."""

    note = forms.CharField(
        label=_("Resolution note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Please describe how the request was resolved.")},
    )
    photos = ResidentImagesField()


# --- admin -------------------------------------------------------------------------------------------------


class TemplateSelect(forms.Select):
    """Options carry the template's text; participation/help/response_templates.js inserts it."""

    def __init__(self, *args, texts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.texts = texts or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.texts:
            option["attrs"]["data-text"] = self.texts[str(value)]
        return option


def _template_field(community_id, target_id):
    templates = list(selectors.response_templates_for(community_id=community_id))
    texts = {str(template.pk): template.text for template in templates}
    return forms.ChoiceField(
        label=_("Insert a response template"),
        required=False,
        choices=[("", _("— choose a template —"))] + [(str(t.pk), t.title) for t in templates],
        widget=TemplateSelect(texts=texts, attrs={"data-response-template-for": target_id}),
        help_text=_("Fills in the text below, which you can then adapt."),
    )


class HelpTransitionForm(TransitionForm):
    """The admin confirmation of one help-request transition, with what that transition needs."""

    class Media:
        js = ["help/response_templates.js"]

    def __init__(self, *args, transition: str, help_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        community_id = help_request.community_id
        if transition == "assign":
            self.fields["staff"] = forms.ModelChoiceField(
                label=_("Staff member"),
                required=False,
                queryset=selectors.staff_handlers_for(community_id=community_id),
            )
            self.fields["volunteer"] = forms.ModelChoiceField(
                label=_("Volunteer"),
                required=False,
                queryset=selectors.volunteers_for(community_id=community_id),
            )
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Social organisation"),
                required=False,
                queryset=selectors.organisations_for(community_id=community_id),
                help_text=_("From the community's registry of social organisations; its contact is noted."),
            )
        elif transition == "accept":
            worker = selectors.default_handler_for(request=help_request)
            if worker is not None:
                self.fields["route_to_grid_worker"] = forms.BooleanField(
                    label=_("Assign it to the grid worker %(worker)s (%(grid)s) at once")
                    % {"worker": worker, "grid": help_request.grid.name},
                    required=False,
                    initial=True,
                    help_text=_(
                        "Requests go to their grid's worker by default; you can reassign it afterwards."
                    ),
                )
        elif transition == "mark_duplicate":
            self.fields["original"] = forms.ModelChoiceField(
                label=_("Original request"),
                queryset=selectors.duplicate_candidates(request=help_request),
                error_messages={"required": _("Choose the original request.")},
            )
        elif transition == "resolve":
            self.fields["comment"].label = _("Resolution note")
            self.fields["photos"] = ResidentImagesField()
        if "comment" in self.fields:
            self.fields["response_template"] = _template_field(community_id, "id_comment")
            self.order_fields(["response_template", "comment"])

    def clean(self):
        cleaned = super().clean()
        if self.transition == "assign":
            chosen = [bool(cleaned.get(name)) for name in ("staff", "volunteer", "organisation")]
            if sum(chosen) != 1:
                raise forms.ValidationError(
                    _("Choose exactly one handler: a staff member, a volunteer or a social organisation.")
                )
        return cleaned


class HelpEntryForm(_Chinese):
    """Staff enter a request for a resident who phoned or came in (admin)."""

    community = forms.ModelChoiceField(label=_("Community"), queryset=None)
    resident = forms.ModelChoiceField(
        label=_("Resident with an account"),
        required=False,
        queryset=None,
        help_text=_("Leave empty for someone without an account, and give their name and mobile number."),
    )
    name = forms.CharField(label=_("Name"), max_length=50, required=False)
    phone = MobileField(label=_("Mobile number"), required=False)
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[
            (IntakeChannel.PHONE, IntakeChannel.PHONE.label),
            (IntakeChannel.IN_PERSON, IntakeChannel.IN_PERSON.label),
        ],
    )
    grid = forms.ModelChoiceField(
        label=_("Grid"),
        required=False,
        queryset=None,
        empty_label=_("— the resident's own grid, if known —"),
        help_text=_("The request goes to this grid's worker when it is accepted."),
        error_messages={"invalid_choice": _("The grid belongs to another community.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communities = communities_for_user(user=user)
        self.fields["community"].queryset = communities
        self.fields["grid"].queryset = grids_for_user(user=user)
        self.fields["resident"].queryset = residents_for_staff(user=user)
        _request_fields(
            self,
            HelpCategory.objects.filter(community__in=communities, is_active=True)
            .select_related("community")
            .order_by("community__name", "sort_order", "name"),
        )
        self.fields["category"].label_from_instance = lambda category: (
            f"{category.community} · {category.name}"
        )

    def clean(self):
        cleaned = super().clean()
        community, category = cleaned.get("community"), cleaned.get("category")
        if community and category and category.community_id != community.pk:
            self.add_error("category", _("Choose one of this community's categories."))
        grid = cleaned.get("grid")
        if community and grid and grid.community_id != community.pk:
            self.add_error("grid", _("The grid belongs to another community."))
        resident = cleaned.get("resident")
        if resident is None:
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", _("Give the name of a requester without an account."))
            if not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error("phone", _("Give the mobile number of a requester without an account."))
        elif community and not resident.communities.filter(pk=community.pk).exists():
            self.add_error("resident", _("This resident does not belong to the chosen community."))
        return cleaned


class HelpEditForm(WagtailAdminModelForm):
    """What staff may correct on a request: its category (the deadlines stay), and marking it sensitive."""

    class Meta:
        model = HelpRequest
        fields = ["category", "grid", "is_sensitive"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = HelpCategory.objects.filter(
            community_id=self.instance.community_id
        )
        self.fields["grid"].queryset = grids_for(community_ids={self.instance.community_id})
        self.fields["grid"].error_messages["invalid_choice"] = _("The grid belongs to another community.")
        self.fields["grid"].help_text = _("Changing it does not reassign the request; use Assign for that.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_sensitive"):
            self.instance.is_public = False  # sensitive requests are never public (a database constraint)
        return cleaned
