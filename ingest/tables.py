"""Tables of actors in the page text: ``| Naam | Type | Vestigingsplaats |`` with one actor a row.

Markdown-style rows (one sentence a line, blank lines between them allowed, the ``|---|`` rule row
skipped) are read as a header row and data rows.  The header says which column holds the actor
(``Naam``, ``Partner``, ``Partij``, ``Organisation``, ``Mitglied``, ...), which one its place
(``Plaats``, ``Vestigingsplaats``, ``Ort``, ``Sitz``, ``City``, ``Country``, ``By``, ...) and which
one its role (``Type``, ``Rolle``, ``Role``: a cell ``coördinator`` / ``Lead partner`` marks the
lead).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Sentence

#: A header cell over the actors of a table.
ACTOR_HEADER = re.compile(r"^(?:partner|partij|partei|participant|beneficiary|organi[sz]ati|institution|name|naam"
                          r"|navn|teilnehmer|einrichtung|deelnemer|deltager|mitglied|member|lid|leden|medlem"
                          r"|unternehmen|company|virksomhed|ondertekenaar|unterzeichner|signator)\w*$", re.IGNORECASE)
#: A header cell over the actors' places.
PLACE_HEADER = re.compile(r"^(?:plaats|vestigingsplaats|vestiging|standplaats|ort|sitz|standort|stadt|city|town"
                          r"|location|base|based in|place|by|hjemby|hjemsted|land|country|staat|pays|ville)$",
                          re.IGNORECASE)
#: A header cell over the actors' roles or types.
ROLE_HEADER = re.compile(r"^(?:type|typ|rol|rolle|role|funktion|functie|art|soort|kind)$", re.IGNORECASE)
#: A role cell that marks the lead of the group the table lists.
LEAD_CELL = re.compile(r"\b(?:co[öo]rdinat\w*|koordinat\w*|penvoerder|lead\s*partner|leadpartner|federführ\w*"
                       r"|projektleitung|hovedpartner|projektleder)\b", re.IGNORECASE)
_ROW = re.compile(r"^\s*\|.*\|\s*$")
#: The row under a table's header row ("|---|:---|").
RULE_ROW = re.compile(r"^\s*\|[\s:|-]+\|\s*$")


@dataclass
class Table:
    header: Sentence
    rows: list[Sentence]
    actor: int  #: column of the actors
    place: int | None = None
    role: int | None = None

    def cell(self, row: Sentence, column: int | None) -> tuple[int, int] | None:
        """Offsets (in the document) of a row's cell, stripped of spaces, or None."""
        if column is None:
            return None
        bars = [m.start() for m in re.finditer(r"\|", row.text)]
        if column + 1 >= len(bars):
            return None
        start, end = bars[column] + 1, bars[column + 1]
        cell = row.text[start:end]
        start += len(cell) - len(cell.lstrip())
        end -= len(cell) - len(cell.rstrip())
        return row.start + start, row.start + end


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def is_header_row(text: str) -> bool:
    """Is the line a table's header row over actors (``| Partner | Country | Role |``)?"""
    return bool(_ROW.match(text)) and bool(ACTOR_HEADER.match(_cells(text)[0]))


def actor_tables(sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """Every table whose header row names a column of actors."""
    out = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        if zones.get(s.index) == "chrome" or not _ROW.match(s.text):
            i += 1
            continue
        header = _cells(s.text)
        actor = next((c for c, h in enumerate(header) if ACTOR_HEADER.match(h)), None)
        rows = []
        j = i + 1
        while j < len(sentences) and _ROW.match(sentences[j].text) and zones.get(j) != "chrome":
            if not RULE_ROW.match(sentences[j].text):
                rows.append(sentences[j])
            j += 1
        if actor is not None and rows:
            place = next((c for c, h in enumerate(header) if PLACE_HEADER.match(h)), None)
            role = next((c for c, h in enumerate(header) if ROLE_HEADER.match(h)), None)
            out.append(Table(s, rows, actor, place, role))
        i = j
    return out
