"""Text typed into the public forms, before validation.

Single-line inputs (names, titles, places, purposes) are shown to others inside other text, so they lose the
bidirectional control characters — the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
They are invisible and reorder what follows: "张三<U+202E>gnp.exe" reads "张三exe.png", and a display name
ending in an override turns around the rest of whatever line shows it (a list row, a notification subject, an
admin column, a spreadsheet cell). Nobody needs them in a Chinese name, title or place. Multi-line bodies
(descriptions, comments) keep their text as typed: each is shown in a block of its own, where an override
ends with the paragraph.

A NUL character, which Django's text fields refuse, is refused with a message that says what is wrong
(Django's own Chinese translation speaks of an "empty string", which the person did not type)."""

from django import forms
from django.utils.translation import gettext_lazy as _

BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
NUL_REFUSED = _("The text contains an invisible NUL character: delete it and try again.")


def strip_bidi_controls(text: str) -> str:
    return text.translate(BIDI_CONTROLS)


SINGLE_LINE_INPUTS = (forms.TextInput, forms.URLInput, forms.EmailInput)


def is_single_line(field) -> bool:
    return isinstance(field, forms.CharField) and isinstance(field.widget, SINGLE_LINE_INPUTS)


class PublicTextMixin:
    """Put it first in a public form's bases. It works in full_clean(), once every field exists (some forms
    add fields in __init__), so that `required` and max_length judge what will be saved, and a form shown
    again with its errors shows the cleaned text."""

    def full_clean(self):
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.error_messages["null_characters_not_allowed"] = NUL_REFUSED
        if self.is_bound:
            self.data = self._without_bidi_controls(self.data)
        super().full_clean()

    def _without_bidi_controls(self, data):
        keys = [self.add_prefix(name) for name, field in self.fields.items() if is_single_line(field)]
        data = data.copy()
        for key in keys:
            if hasattr(data, "getlist"):
                if key in data:
                    data.setlist(key, [strip_bidi_controls(value) for value in data.getlist(key)])
            elif isinstance(data.get(key), str):
                data[key] = strip_bidi_controls(data[key])
        return data
