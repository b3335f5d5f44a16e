"""The check-in QR code a resident shows at an activity: an inline SVG of the signed check-in link."""

import segno
from django.utils.safestring import SafeString, mark_safe


def check_in_qr_svg(*, url: str, title: str) -> SafeString:
    # segno escapes the title; the SVG holds only paths (no script, no style attribute), so CSP allows it.
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, border=2, title=title))
