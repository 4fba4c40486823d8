"""Counts by type over time as a stacked bar chart in plain SVG: no script, no fonts, no network.

The SVG is text the report inlines (HTML) or writes beside itself (Markdown);
every label is XML-escaped. Each bar carries a ``<title>`` so a browser shows
the exact count on hover.
"""
from __future__ import annotations

import math
from collections import Counter
from html import escape
from typing import Sequence

from ..codebook import PLOVER_TYPES

# One colour per PLOVER type, cooperation blues/greens to conflict oranges/reds.
PALETTE = ("#4e79a7", "#6a9fcf", "#86bcb6", "#59a14f", "#8cd17d", "#b6992d", "#499894", "#f1ce63",
           "#d4a6c8", "#b07aa1", "#9d7660", "#f28e2b", "#ffbe7d", "#e15759", "#ff9d9a", "#79706e")
COLOURS = dict(zip(PLOVER_TYPES, PALETTE))
OTHER = "#bab0ac"

WIDTH, HEIGHT = 760, 340
LEFT, RIGHT, TOP, BOTTOM = 48, 150, 20, 56


def colour(typ: str) -> str:
    return COLOURS.get(typ, OTHER)


def bucket_range(buckets: Sequence[str], unit: str) -> list[str]:
    """Every month (``YYYY-MM``) or year from the first bucket to the last, gaps included."""
    if not buckets:
        return []
    first, last = min(buckets), max(buckets)
    if unit == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    out = []
    y, m = int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def nice_max(value: int) -> int:
    """The axis top: ``value`` rounded up to 1, 2 or 5 times a power of ten."""
    if value <= 5:
        return max(value, 1)
    power = 10 ** int(math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def svg_chart(by_bucket: dict[str, Counter], types: Sequence[str], unit: str, *, title: str) -> str:
    buckets = bucket_range(list(by_bucket), unit)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
             'font-family="sans-serif" font-size="11">',
             f"<title>{escape(title)}</title>"]
    if not buckets:
        parts.append(f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle">no dated events</text></svg>')
        return "\n".join(parts)
    top = nice_max(max(sum(c.values()) for c in by_bucket.values()))
    ticks = 5 if top >= 5 else top
    for k in range(ticks + 1):
        value = top * k / ticks
        y = TOP + plot_h - plot_h * k / ticks
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>')
    slot = plot_w / len(buckets)
    bar = max(slot * 0.8, 1.0)
    every = max(1, math.ceil(len(buckets) / 12))  # at most about 12 axis labels
    for i, bucket in enumerate(buckets):
        x = LEFT + i * slot + (slot - bar) / 2
        y = TOP + plot_h
        counts = by_bucket.get(bucket, Counter())
        for typ in types:
            n = counts.get(typ, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour(typ)}">'
                         f"<title>{escape(bucket)} {escape(typ)}: {n}</title></rect>")
        if i % every == 0:
            lx = LEFT + i * slot + slot / 2
            parts.append(f'<text x="{lx:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{escape(bucket)}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#333"/>')
    for k, typ in enumerate(types[:20]):
        ly = TOP + 14 * k
        parts.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{ly}" width="10" height="10" fill="{colour(typ)}"/>')
        parts.append(f'<text x="{WIDTH - RIGHT + 28}" y="{ly + 9}">{escape(typ)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
