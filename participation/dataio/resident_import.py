"""Residents' import, set-based: one validation pass over the whole file with a few queries for all its mobile
numbers, then the new accounts and their group and community rows in bulk, and the changed names in bulk.

Row by row through django-import-export a 10,000-row file took 25–50 s: each row had a model full_clean with
its uniqueness and constraint queries, then its own INSERTs for the account and its two membership rows. The
rules and the messages are that path's: ResidentResource's columns and widgets clean the cells, the model's
full_clean checks the values, and the rows are numbered as in the spreadsheet."""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from participation.dataio.files import RowError, Table
from participation.dataio.resources import ResidentResource, row_errors
from participation.dataio.selectors import accounts_by_mobile
from participation.models import User
from participation.roles import RESIDENT_GROUP
from renren_cms.page_cache import content_changed

BATCH = 1000
IMPORTED_FIELDS = ("mobile", "display_name")
# The model's only constraint, checked here in Python: asking the database for each of 10,000 rows is what
# made the row-by-row import slow. Any other constraint is checked by the database, row by row, as before.
_MOBILE_CONSTRAINT = re.compile(r"1[3-9][0-9]{9}")
_FAST_CONSTRAINTS = {"user_mobile_11_digits"}


def _fields_not_imported() -> set[str]:
    # Only the imported fields are validated: the others are an existing account's stored values or a new
    # one's defaults (validating a household or verified_by would query the database for each row).
    return {model_field.name for model_field in User._meta.concrete_fields} - set(IMPORTED_FIELDS)


def _check_constraints(user: User, errors: dict) -> dict:
    if {c.name for c in User._meta.constraints} == _FAST_CONSTRAINTS and "mobile" not in errors:
        if _MOBILE_CONSTRAINT.fullmatch(user.mobile):
            return errors
    exclude = {name for name in errors if name != NON_FIELD_ERRORS}
    try:
        user.validate_constraints(exclude=exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    return errors


def _validate(user: User) -> dict:
    """The errors of one row as {attribute: [ValidationError]}: the resident rules, then the model's checks of
    the fields without an error yet (the order of the row-by-row import's messages)."""
    errors = {}
    if user.pk is not None:
        if user.is_staff or not user.is_resident:
            errors["mobile"] = [ValidationError(_("This mobile number belongs to a staff account."))]
        elif not user.is_member:
            errors["mobile"] = [ValidationError(_("This mobile number is registered in another community."))]
    if not (user.display_name or "").strip():
        errors["display_name"] = [ValidationError(_("A name is required."))]
    try:
        user.full_clean(
            exclude=_fields_not_imported() | set(errors), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    # Uniqueness needs no query: every account with one of the file's numbers was fetched, so a new account's
    # number is not taken, and an existing one keeps its own.
    return _check_constraints(user, errors)


@dataclass
class _Checked:
    new: list[User] = field(default_factory=list)
    changed: list[User] = field(default_factory=list)  # existing residents whose name changes
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


def _check(*, resource: ResidentResource, table: Table) -> _Checked:
    mobile_field, name_field = resource.fields["mobile"], resource.fields["display_name"]
    width = len(table.headers)
    rows, mobiles = [], []
    for number, cells in enumerate(table.rows, start=2):
        row = dict(zip(table.headers, list(cells[:width]) + [""] * (width - len(cells)), strict=True))
        try:
            mobile = mobile_field.clean(row)
        except ValueError as error:
            rows.append((number, None, str(error)))
        else:
            rows.append((number, mobile, name_field.clean(row)))
            mobiles.append(mobile)
    existing = accounts_by_mobile(mobiles=mobiles, community=resource.community)
    checked = _Checked()
    for number, mobile, name in rows:
        if mobile is None:  # the number itself is unreadable: nothing else about the row is checked
            checked.errors.append(RowError(number, mobile_field.column_name, name))
            continue
        user = existing.get(mobile)
        if user is None:
            user = User(mobile=mobile)
            user.set_unusable_password()  # no hashing: "!" and a random string, which no password matches
        old_name, user.display_name = user.display_name, name
        errors = _validate(user)
        if errors:
            checked.errors.extend(row_errors(resource, number, ValidationError(errors).message_dict))
        elif user.pk is None:
            checked.new.append(user)
        else:
            checked.updated += 1
            if name != old_name:
                checked.changed.append(user)
    return checked


def _write(*, checked: _Checked, community_pk: int) -> None:
    group = Group.objects.get(name=RESIDENT_GROUP)
    with transaction.atomic():
        # PostgreSQL and SQLite (3.35+) return the new ids, which the membership rows need.
        User.objects.bulk_create(checked.new, batch_size=BATCH)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=user.pk, group_id=group.pk) for user in checked.new],
            batch_size=BATCH,
        )
        User.communities.through.objects.bulk_create(
            [User.communities.through(user_id=user.pk, community_id=community_pk) for user in checked.new],
            batch_size=BATCH,
        )
        User.objects.bulk_update(checked.changed, ["display_name"], batch_size=BATCH)
    if checked.new or checked.changed:
        content_changed()  # bulk writes send no post_save: the public pages' cache must still be invalidated


def import_residents(
    *, resource: ResidentResource, table: Table, dry_run: bool
) -> tuple[int, int, list[RowError]]:
    """(new, updated, errors) of the file's rows; saved unless dry_run or any row has an error. Runs inside
    the caller's transaction, which the caller undoes when there are errors."""
    checked = _check(resource=resource, table=table)
    if not (checked.errors or dry_run):
        try:
            _write(checked=checked, community_pk=resource.community.pk)
        except IntegrityError:
            # A number was registered between the check and the write (a resident signing up): checked again,
            # its row is reported as that account's, as it would have been in the first place.
            checked = _check(resource=resource, table=table)
            if not checked.errors:
                raise
    return len(checked.new), checked.updated, checked.errors
