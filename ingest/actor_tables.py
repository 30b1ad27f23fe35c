"""Tables of actors laid out as ``|`` rows or as columns aligned with spaces: ``| Naam | Type |
Vestigingsplaats |``, one actor a row (the consortium and partner tables of funding pages are read by
:mod:`ingest.tables`).

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
    places: list[int]  #: columns of places (a town, a country)
    role: int | None = None
    starts: list[int] | None = None  #: where the columns of an aligned table start (None: "|" table)

    def cell(self, row: Sentence, column: int | None) -> tuple[int, int] | None:
        """Offsets (in the document) of a row's cell, stripped of spaces, or None."""
        if column is None:
            return None
        if self.starts is not None:
            if column >= len(self.starts) or self.starts[column] >= len(row.text):
                return None
            start = self.starts[column]
            end = self.starts[column + 1] if column + 1 < len(self.starts) else len(row.text)
        else:
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


#: A gap between the columns of a table aligned with spaces ("Gemeente Essen      België    Essen").
COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+ *)(?=\S)")


def _aligned(sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """Tables aligned with spaces: a header line of two or more cells, the first over actors, and the
    lines right under it whose cells start where the header's do."""
    out = []
    for s in sentences:
        gaps = list(COLUMN_GAP.finditer(s.text))
        if not gaps or zones.get(s.index) == "chrome" or not ACTOR_HEADER.match(s.text[:gaps[0].start()].strip()):
            continue
        starts = [0] + [g.end() for g in gaps]
        header = [s.text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(s.text)])]
        rows = []
        for row in sentences[s.index + 1:]:
            if row.start - sentences[row.index - 1].end > 2 or not COLUMN_GAP.search(row.text) or any(
                    a < len(row.text) and a and not row.text[a - 1].isspace() for a in starts):
                break
            rows.append(row)
        if rows:
            out.append(Table(s, rows, 0, [c for c, h in enumerate(header) if PLACE_HEADER.match(h)],
                             next((c for c, h in enumerate(header) if ROLE_HEADER.match(h)), None), starts))
    return out


def actor_tables(sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """Every table whose header row names a column of actors ("|" rows, or columns aligned with spaces)."""
    out = _aligned(sentences, zones)
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
            places = [c for c, h in enumerate(header) if PLACE_HEADER.match(h)]
            role = next((c for c, h in enumerate(header) if ROLE_HEADER.match(h)), None)
            out.append(Table(s, rows, actor, places, role))
        i = j
    return out
