"""Staff act only inside their own communities (docs/architecture.md, “Permissions and scoping”): a mixin for Wagtail viewsets of models
that carry a `community` foreign key. Listing, editing, deleting and the community choice are all scoped
on the server, not just hidden."""

from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from wagtail.admin.forms import WagtailAdminModelForm

from participation.selectors import community_ids_for_user, grids_for_user

# Views that load one object by its primary key; each must refuse objects outside the user's communities.
_OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "inspect_view_class",
    "history_view_class",
    "usage_view_class",
    "copy_view_class",
)


def user_may_access(user, obj) -> bool:
    allowed = community_ids_for_user(user=user)
    return allowed is None or getattr(obj, "community_id", None) in allowed


def _scoped_object_view(view_class):
    class CommunityScopedObjectView(view_class):
        def get_object(self, queryset=None):
            obj = super().get_object(queryset)
            if not user_may_access(self.request.user, obj):
                raise PermissionDenied
            return obj

    CommunityScopedObjectView.__name__ = f"CommunityScoped{view_class.__name__}"
    return CommunityScopedObjectView


def _scoped_index_view(view_class):
    class CommunityScopedIndexView(view_class):
        def get_base_queryset(self):
            queryset = super().get_base_queryset()
            allowed = community_ids_for_user(user=self.request.user)
            return queryset if allowed is None else queryset.filter(community_id__in=allowed)

    return CommunityScopedIndexView


def _scoped_form_class(form_class):
    class CommunityScopedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            user = getattr(self, "for_user", None)
            field = self.fields.get("community")
            allowed = community_ids_for_user(user=user) if user is not None else set()
            if field is not None and allowed is not None:
                field.queryset = field.queryset.filter(pk__in=allowed)

    return CommunityScopedForm


class CommunityScopedViewSetMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_view_class = _scoped_index_view(self.index_view_class)
        for name in _OBJECT_VIEWS:
            view_class = getattr(self, name, None)
            if view_class is not None:
                setattr(self, name, _scoped_object_view(view_class))

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        if not issubclass(form_class, WagtailAdminModelForm):
            # A viewset with `form_fields` gets a plain ModelForm, which the admin's views do not hand the
            # user to (`for_user`): build it on Wagtail's form so the community choice can be scoped.
            form_class = modelform_factory(
                self.model,
                form=WagtailAdminModelForm,
                fields=self.get_form_fields(),
                exclude=self.get_exclude_form_fields(),
                formfield_callback=self.formfield_for_dbfield,
            )
        return _scoped_form_class(form_class)


class CommunityReviewableViewSetMixin(CommunityScopedViewSetMixin):
    """For a CommunityReviewable's viewset, before workflows' ReviewableViewSetMixin: the workflow views
    (index, transition, edit …) see only the items of the user's communities."""

    def filter_queryset_for_user(self, queryset, user):
        allowed = community_ids_for_user(user=user)
        return queryset if allowed is None else queryset.filter(community_id__in=allowed)


def my_grids(request):
    """The queryset of an admin grid filter: the grids of the staff member's communities."""
    return grids_for_user(user=request.user)
