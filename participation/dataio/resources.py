"""The base of every importable kind's django-import-export resource (Chinese column names, stable keys, one
community), and the residents' resource. Each app keeps its own kinds' resources (its resources.py) and
registers them (participation.dataio.registry).

Each resource is built for one community (`community=`): lookups for updates stay inside it, new rows belong
to it. `reveal_contacts` decides whether exports show full mobile numbers."""

from django.core.exceptions import NON_FIELD_ERRORS
from import_export import fields, resources

from participation.dataio.files import RowError
from participation.dataio.widgets import (
    MobileWidget,
    TextWidget,
)
from participation.models import User
from participation.roles import RESIDENT_GROUP


def column(attribute, label: str, widget=None):
    # Column names are the file format staff fill in, not UI text: fixed Chinese whatever the UI language.
    return fields.Field(attribute=attribute, column_name=label, widget=widget or TextWidget())


class CommunityResource(resources.ModelResource):
    """Scoped to one community; `key_columns` are the columns whose values identify a row."""

    key_columns: tuple = ()

    def __init__(self, *, community, reveal_contacts=True, **kwargs):
        self.community = community
        self.reveal_contacts = reveal_contacts
        super().__init__(**kwargs)

    class Meta:
        clean_model_instances = True
        skip_diff = True
        use_transactions = True

    def get_queryset(self):
        return self._meta.model.objects.filter(community=self.community)

    def init_instance(self, row=None):
        return self._meta.model(community=self.community)

    def get_export_queryset(self):
        return self.get_queryset()


class ResidentResource(resources.ModelResource):
    """Residents of one community, keyed by mobile number: the columns and their widgets, and the export. The
    import is set-based (resident_import.py): a new resident gets an account without a password (they set one
    through the usual password reset, or staff give them one); the same file again updates display names
    rather than creating anyone twice."""

    mobile = column("mobile", "手机号", MobileWidget())
    display_name = column("display_name", "姓名")

    key_columns = ("mobile",)

    def __init__(self, *, community, reveal_contacts=True, **kwargs):
        self.community = community
        self.reveal_contacts = reveal_contacts
        super().__init__(**kwargs)
        self.fields["mobile"].widget = MobileWidget(reveal=reveal_contacts)

    class Meta:
        model = User
        import_id_fields = ["mobile"]
        fields = ["mobile", "display_name"]

    def get_export_queryset(self):
        return User.objects.filter(groups__name=RESIDENT_GROUP, communities=self.community).order_by("pk")


def row_errors(resource, row: int, error_dict: dict[str, list[str]]) -> list[RowError]:
    """One error per message of a row's {attribute: messages}, under the column's name ("" for the row)."""
    labels = {name: f.column_name for name, f in resource.fields.items()}
    labels.update((f.attribute, f.column_name) for f in resource.fields.values() if f.attribute)
    return [
        RowError(row, "" if key == NON_FIELD_ERRORS else labels.get(key, key), str(message))
        for key, messages in error_dict.items()
        for message in messages
    ]
