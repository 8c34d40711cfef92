"""Vietnamese text helpers: normalisation, slugs, diacritic folding and dates."""

from __future__ import annotations

import difflib
import unicodedata
from datetime import date
from typing import Iterable

from slugify import slugify as _slugify

from .words import word


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """URL slug without diacritics; đ becomes d (not "dj", which unidecode would give)."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    return _slugify(text)


def fold(text: str) -> str:
    """Lowercase text without diacritics, for matching what readers type ("thi dua")."""
    text = nfc(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def format_date(value: date) -> str:
    """Dates as Vietnamese readers write them: dd/mm/yyyy."""
    return value.strftime(word("date_format"))


def did_you_mean(value: str, known: Iterable[str], cutoff: float = 0.5) -> str:
    """"; có phải ý bạn là “x”?" for the closest known id or key, or "" when none is close."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=cutoff)
    return f"; {word('did_you_mean', close[0])}" if close else ""
