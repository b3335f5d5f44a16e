"""Chinese word segmentation for search.

Wagtail's database search backends split text on spaces and punctuation, so a run of Han characters
(「人人议事厅每月召开议事会」) is one token and a search for 「议事」 finds nothing. We index a copy of each
page's text cut into words (search mode: 「议事厅」 also yields 「议事」) and cut queries the same way.
"""

import re

import rjieba
from django.utils.html import strip_tags

_KEEP = re.compile(r"\w", re.UNICODE)


def segment(text: str) -> str:
    """Space-separated words of text, punctuation dropped; empty input gives an empty string."""
    if not text:
        return ""
    words = rjieba.cut_for_search(strip_tags(str(text)))
    return " ".join(word for word in (w.strip() for w in words) if word and _KEEP.search(word))


def segment_query(query: str) -> str:
    # Search mode on the query too, so that a long query still matches pages indexed by its parts.
    return segment(query)
