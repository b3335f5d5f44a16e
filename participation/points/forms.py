import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.models import User
from participation.plaintext import PublicTextMixin
from participation.points import selectors
from participation.points.models import BehaviourItem, BehaviourPolarity
from participation.roles import RESIDENT_GROUP
from participation.uploads import ResidentImagesField


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class BehaviourChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(text)s (%(points)+d points)") % {"text": obj.text, "points": obj.points}


class ClaimForm(PublicTextMixin, forms.Form):
    behaviour = BehaviourChoiceField(
        label=_("Behaviour"), queryset=BehaviourItem.objects.none(), empty_label=_("Choose a behaviour")
    )
    description = forms.CharField(
        label=_("What I did"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When, where and what you did, in a few sentences."),
    )

    def __init__(self, *args, resident, with_photos: bool = True, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["behaviour"].queryset = selectors.claimable_behaviours(resident=resident)
        if with_photos:
            self.fields["photos"] = ResidentImagesField(max_count=2, label=_("Photos (optional)"))

    def clean_description(self):
        return self.cleaned_data["description"].strip()


class RedeemForm(forms.Form):
    # A new key each time the catalogue is shown: the same form sent twice is the same request.
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, comment_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = comment_required
        if comment_required:
            self.fields["comment"].label = _("Reason")


class AdjustPointsForm(forms.Form):
    """直接奖励 / 扣分 in the admin: a resident of the staff member's communities, always with a reason."""

    AWARD, DEDUCT = "award", "deduct"

    resident = forms.ModelChoiceField(label=_("Resident"), queryset=User.objects.none())
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[(AWARD, _("Award points")), (DEDUCT, _("Deduct points for a negative behaviour"))],
        widget=forms.RadioSelect,
        initial=AWARD,
    )
    behaviour = BehaviourChoiceField(
        label=_("Behaviour"),
        queryset=BehaviourItem.objects.none(),
        required=False,
        help_text=_("Required for a deduction (附录D). For an award, optional: its points are used."),
    )
    points = forms.IntegerField(
        label=_("Points"), required=False, min_value=1, help_text=_("For an award without a behaviour.")
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=150,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please give a reason.")},
    )
    # As RedeemForm's: a new key each time the form is shown, so the same form sent twice records once.
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, communities, **kwargs):
        super().__init__(*args, **kwargs)
        key_name = self.add_prefix("idempotency_key")
        self.expired = self.is_bound and not _is_uuid(self.data.get(key_name))
        if self.expired:
            # A page from before the key, or a mangled one: refused, and shown again with a fresh key so
            # that sending it again works.
            self.data = self.data.copy()
            self.data[key_name] = str(uuid.uuid4())
        self.fields["resident"].queryset = (
            User.objects.filter(groups__name=RESIDENT_GROUP, communities__in=communities)
            .distinct()
            .order_by("display_name", "mobile")
        )
        self.fields["resident"].label_from_instance = lambda user: f"{user.display_name}（{user.mobile}）"
        self.fields["behaviour"].queryset = BehaviourItem.objects.filter(
            community__in=communities, is_active=True
        ).order_by("community", "polarity", "number")

    def clean(self):
        data = super().clean()
        if self.expired:
            self.add_error(None, _("The form has expired. Please try again."))
        action, behaviour, points = data.get("action"), data.get("behaviour"), data.get("points")
        if action == self.DEDUCT:
            if behaviour is None or behaviour.polarity != BehaviourPolarity.NEGATIVE:
                self.add_error("behaviour", _("Choose the negative behaviour (附录D) the deduction is for."))
        elif action == self.AWARD:
            if behaviour is not None and behaviour.polarity != BehaviourPolarity.POSITIVE:
                self.add_error("behaviour", _("An award can only be for a positive behaviour."))
            elif behaviour is None and not points:
                self.add_error("points", _("Give the points, or choose a positive behaviour."))
        return data
