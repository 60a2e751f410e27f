"""Names, codes and dates shown for clauses, in the reader's language."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from html import escape
from typing import Any

_DIGITS = "零一二三四五六七八九"
_KINDS = (
    (re.compile(r"^[a-z]+-p(?P<n>\d+)$"), "preamble"),
    (re.compile(r"^[a-z]+-c(?P<n>\d+)$"), "closing"),
    (re.compile(r"^[a-z]+-(?P<s>\d+)-(?P<n>\d+)$"), "section_paragraph"),
    (re.compile(r"^[a-z]+-g(?P<n>\d+)$"), "goal"),
    (re.compile(r"^[a-z]+-a(?P<n>\d+)$"), "action"),
    (re.compile(r"^[a-z]+-(?P<n>\d+)$"), "numbered"),
)


def chinese_numeral(number: int) -> str:
    """1 -> 一, 10 -> 十, 13 -> 十三, 20 -> 二十 (enough for clause numbers)."""
    if not 0 < number < 100:
        raise ValueError(f"no Chinese numeral for {number}")
    tens, units = divmod(number, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[units] if units else "")


def clause_code(clause_id: str) -> str:
    """The citation code shown for a clause: gap-10 -> GAP-10."""
    return clause_id.upper()


def clause_name(clause_id: str, numbered_kind: str, strings: Mapping[str, Any]) -> str:
    """The clause's place in its document, e.g. 'item 10' or '第十条'."""
    for pattern, kind in _KINDS:
        if match := pattern.match(clause_id):
            numbers = {key: int(value) for key, value in match.groupdict().items()}
            words = {f"{key}_zh": chinese_numeral(value) for key, value in numbers.items()}
            name_kind = numbered_kind if kind == "numbered" else kind
            name: str = strings["clause"]["names"][name_kind].format(**numbers, **words)
            return name
    raise ValueError(f"clause id '{clause_id}' follows no known pattern")


def format_date(date: datetime.date, strings: Mapping[str, Any]) -> str:
    """A date as the reader's language writes it."""
    month = strings["months"][date.month - 1]
    written: str = strings["date_format"].format(year=date.year, month=month, month_number=date.month, day=date.day)
    return written


# The heading links of the toc extension, titled alike whatever the page's language.
_TOC_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*") title="Permanent link">')


def localized_permalinks(html: str, description: str) -> str:
    """A page's heading links described in the page's language: shown by the site's CSS (data-tip)
    rather than as a title, for which the theme would set up a tooltip script. A description, not
    a label, for a label would be read as part of the heading's name."""
    described = escape(description, quote=True)
    return _TOC_PERMALINK.sub(lambda link: f'{link.group(1)} aria-description="{described}" data-tip="{described}">', html)


# The theme's footer labels its links "上一页: <title>", with the colon of its English template.
_HALF_WIDTH_LABEL_COLON = re.compile(r'(aria-label="[^"]*?[\u4e00-\u9fff]): ')


def full_width_label_colons(html: str) -> str:
    """A Chinese page's link labels with the full-width colon that Chinese takes."""
    return _HALF_WIDTH_LABEL_COLON.sub(r"\1：", html)
