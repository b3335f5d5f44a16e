"""Small line charts of an indicator over 12 months, as inline SVG made on the server (no script, no CDN).

Every chart carries its own text alternative (<title> and <desc>), and the template also offers the figures
as a table for screen readers and for people who prefer numbers."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 240, 90
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 6, 6, 8, 16


@dataclass(frozen=True)
class Point:
    month: date
    value: Decimal | None


def text_alternative(*, name: str, unit: str, threshold: Decimal, points: list[Point]) -> str:
    parts = [
        f"{point.month:%Y-%m}: {point.value} {unit}"
        if point.value is not None
        else f"{point.month:%Y-%m}: {_('no data')}"
        for point in points
    ]
    return _("%(name)s over the last 12 months (threshold %(threshold)s %(unit)s): %(values)s.") % {
        "name": name,
        "threshold": threshold,
        "unit": unit,
        "values": "；".join(parts),
    }


def line_chart(*, chart_id: str, name: str, unit: str, threshold: Decimal, points: list[Point]) -> SafeString:
    values = [float(point.value) for point in points if point.value is not None]
    top = max([*values, float(threshold), 1.0]) * 1.15
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / max(len(points) - 1, 1)

    def y(value: float) -> float:
        return round(PAD_TOP + inner_h - value / top * inner_h, 1)

    shapes = []
    threshold_y = y(float(threshold))
    shapes.append(
        f'<line x1="{PAD_LEFT}" y1="{threshold_y}" x2="{WIDTH - PAD_RIGHT}" y2="{threshold_y}" '
        'stroke="#a61b1b" stroke-dasharray="4 3" stroke-width="1"/>'
    )
    segment: list[str] = []
    segments: list[list[str]] = []
    for index, point in enumerate(points):
        x = round(PAD_LEFT + index * step, 1)
        if point.value is None:
            if segment:
                segments.append(segment)
            segment = []
            shapes.append(
                f'<text x="{x}" y="{HEIGHT - PAD_BOTTOM - 2}" font-size="8" text-anchor="middle" '
                'fill="#777">·</text>'
            )
            continue
        segment.append(f"{x},{y(float(point.value))}")
        met = point.value >= threshold
        shapes.append(
            f'<circle cx="{x}" cy="{y(float(point.value))}" r="2.5" '
            f'fill="{"#1d6b30" if met else "#a61b1b"}"/>'
        )
    if segment:
        segments.append(segment)
    for points_attr in segments:
        if len(points_attr) > 1:
            shapes.insert(
                1,
                f'<polyline points="{" ".join(points_attr)}" fill="none" stroke="#1f2328" '
                'stroke-width="1.5"/>',
            )
    if points:
        shapes.append(
            f'<text x="{PAD_LEFT}" y="{HEIGHT - 3}" font-size="9" fill="#555">{points[0].month:%Y-%m}</text>'
        )
        shapes.append(
            f'<text x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 3}" font-size="9" fill="#555" '
            f'text-anchor="end">{points[-1].month:%Y-%m}</text>'
        )
    if not values:
        shapes.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" font-size="11" text-anchor="middle" '
            f'fill="#555">{escape(_("No data"))}</text>'
        )
    description = text_alternative(name=name, unit=unit, threshold=threshold, points=points)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{name}</title>'
        '<desc id="{id}-desc">{desc}</desc>{shapes}</svg>',
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        name=name,
        desc=description,
        shapes=mark_safe("".join(shapes)),
    )
