"""Tables in a page's text: the one reader of ``|`` rows and of columns aligned with spaces.

* ``|`` tables: consecutive lines of cells separated by ``|`` (with or without outer bars, with or
  without a ``|---|`` or ``----+----`` rule row), one sentence a line;
* aligned tables: a header line whose cells are separated by gaps of three or more spaces (or
  tabs), and the lines right under it whose cells start where the header's do
  (``Gemeente Essen      België    Essen``).

The first row is the header; its cells say what each column holds, in words of the four languages
(:func:`column_role`): ``project`` (the cluster or consortium a row is about), ``lead`` (its
coordinator), ``actors`` (organisations: ``Partner``, ``Naam``, ``Mitglied``, ``Signatories``),
``place`` (``Base``, ``Plaats``, ``Ort``, ``By``), ``focus`` (``Expertise``, ``Schwerpunkt``) and
``type`` (``Type``, ``Rolle``: a cell ``coördinator`` marks the lead).  Only tables whose header
names a project, lead or actor column are kept; key figures and programme tables are left alone.
:mod:`ingest.table_rules` reads the relations, :func:`table_names` the names in the cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.candidates import Candidate, clean_label
from ingest.model import Sentence

_PROJECT = re.compile(r"^(?:(?:the\s+)?projec?t(?:s|er|e|en)?|consorti(?:um|a)|konsorti(?:um|e|er)|cluster|klynge"
                      r"|network|netværk|netzwerk|netwerk|verbund|initiative?|initiatief)(?:\s*(?:name|navn|naam))?$",
                      re.IGNORECASE)
_LEAD = re.compile(r"^(?:lead(?:[\s-]*(?:partner|applicant|organi[sz]ation))?|coordinator|koordinator|coördinator"
                   r"|penvoerder|projektleder|hovedansøger|hovedpartner|projektleitung|koordination|leadpartner)$",
                   re.IGNORECASE)
#: Words over a column of organisations that say by themselves that the rows belong to a group
#: (partners, members, signatories, participants).
_GROUP_ACTORS = (r"partner|partij|partei|parties|parter|part|participant|beneficiar|teilnehmer|deelnemer|deltager"
                 r"|mitglied|member|lid|leden|medlem|ondertekenaar|unterzeichner|signator|underskriver"
                 r"|organi[sz]ation|organisaties|institution|einrichtung|unternehmen|company|companies|virksomhed"
                 r"|bedrijf")
_ACTORS = re.compile(rf"^(?:(?:other|further|weitere|øvrige|overige)\s+)?(?:(?:{_GROUP_ACTORS})\w*"
                     r"|organisatie|name|naam|navn)$", re.IGNORECASE)
_GROUP = re.compile(rf"^(?:(?:other|further|weitere|øvrige|overige)\s+)?(?:{_GROUP_ACTORS})", re.IGNORECASE)
_PLACE = re.compile(r"^(?:base|based(?: in)?|location|city|town|place|country|land|ort|sitz|standort|stadt|plaats"
                    r"|stad|vestiging(?:splaats)?|standplaats|by|hjemby|hjemsted|sted|hq|headquarters|seat|region"
                    r"|regio|adresse|address|kommune|gemeente|staat|pays|ville)$", re.IGNORECASE)
_FOCUS = re.compile(r"^(?:(?:main|haupt|hoofd|hoved)\s*)?(?:focus|fokus|topic|theme|thema|tema|field|fields|expertise|area|domain|schwerpunkt"
                    r"|aandachtsgebied|indsatsområde|fagområde)$", re.IGNORECASE)
_TYPE = re.compile(r"^(?:type|typ|rol|rolle|role|funktion|functie|art|soort|kind)$", re.IGNORECASE)
_ROLES = (("project", _PROJECT), ("lead", _LEAD), ("actors", _ACTORS), ("place", _PLACE), ("focus", _FOCUS),
          ("type", _TYPE))
#: A cell of a ``type`` column that marks the lead of the group the table lists.
LEAD_CELL = re.compile(r"\b(?:co[öo]rdinat\w*|koordinat\w*|penvoerder|lead\s*partner|leadpartner|federführ\w*"
                       r"|projektleitung|hovedpartner|projektleder)\b", re.IGNORECASE)
#: The header of a column that numbers the rows ("Nr.", "No.", "#").
_NUMBER_HEADER = re.compile(r"^(?:nr|no|n°|#|nummer|number|pos)\.?$", re.IGNORECASE)
_RULE_CELL = re.compile(r"^:?-{2,}:?$")
#: The row under a table's header row ("|---|:---|", or "-----+-----" of a table drawn in plain text).
RULE_ROW = re.compile(r"^\s*\|[\s:|-]+\|\s*$|^\s*\+?(?:[-=:]{2,}\+)+[-=:]{2,}\+?\s*$")
#: A gap between the columns of a table aligned with spaces ("Gemeente Essen      België    Essen").
COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+ *)(?=\S)")

Span = tuple[int, int]


@dataclass
class Table:
    header: Sentence
    roles: list[str]  #: per column: "project", "lead", "actors", "place", "focus", "type" or ""
    rows: list[tuple[Sentence, list[Span]]]  #: each row with its cells' document spans

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def columns(self, role: str) -> list[int]:
        return [c for c, r in enumerate(self.roles) if r == role]

    def actor_column(self) -> int | None:
        """The column of the organisations a row is about (a lead column when there is no other)."""
        column = self.column("actors")
        return column if column is not None else self.column("lead")

    def lists_group(self, text: str) -> bool:
        """Whether the header of the actor column says the rows are partners, members or signatories
        (``Partner``, ``Mitglied``, ``Ondertekenaar``), not only names (``Naam``, ``Name``)."""
        column = self.actor_column()
        if column is None:
            return False
        a, b = _header_cells(self, text)[column]
        return self.roles[column] == "lead" or bool(_GROUP.match(text[a:b].strip(" *:")))


def _header_cells(table: Table, text: str) -> list[Span]:
    return _pipe_cells(table.header) or _aligned_cells(table.header, _column_starts(table.header))


def _trim(sentence: Sentence, a: int, b: int) -> Span:
    text = sentence.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return sentence.start + a, sentence.start + b


def _pipe_cells(sentence: Sentence) -> list[Span]:
    """The document spans of the cells of a ``|`` row (empty cells kept), or [] for no row."""
    text = sentence.text
    if "|" not in text:
        return []
    spans, start = [], 0
    for m in re.finditer(r"\|", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    if not text[spans[0][0]:spans[0][1]].strip():
        spans = spans[1:]  # "| A | B |": the outer bars open and close no cell
    if spans and not text[spans[-1][0]:spans[-1][1]].strip():
        spans = spans[:-1]
    out = [_trim(sentence, a, b) for a, b in spans]
    return out if len(out) >= 2 else []


def cells(sentence: Sentence) -> list[Span]:
    """The document spans of the cells of a ``|`` table row, or [] when the line is no such row."""
    return _pipe_cells(sentence)


def _column_starts(sentence: Sentence) -> list[int]:
    return [0] + [g.end() for g in COLUMN_GAP.finditer(sentence.text)]


def _aligned_cells(sentence: Sentence, starts: list[int]) -> list[Span]:
    """The cells of a row of an aligned table whose columns start at ``starts`` (of the header)."""
    text = sentence.text
    out = []
    for k, a in enumerate(starts):
        if a >= len(text):
            break
        b = starts[k + 1] if k + 1 < len(starts) else len(text)
        out.append(_trim(sentence, a, min(b, len(text))))
    return out


def column_role(cell: str) -> str:
    """What a header cell says its column holds ("" for nothing a rule reads)."""
    cell = re.sub(r"\s*\([^)]*\)\s*$", "", cell.strip(" *:"))  # "Grant (NOK)"
    role = next((role for role, pattern in _ROLES if pattern.match(cell)), "")
    if not role and "/" in cell:  # "Role / main topic": the last part that says what the column holds
        role = next((r for r in map(column_role, reversed(cell.split("/"))) if r), "")
    return role


def _is_table(roles: list[str]) -> bool:
    return any(r in ("project", "lead", "actors") for r in roles)


def is_header_row(text: str) -> bool:
    """Whether a line is the header row of a ``|`` table of actors or projects: its first cell says
    so (``| Partner | Land |``; a data row ``| A GmbH | DE | partner |`` is none)."""
    row = _pipe_cells(Sentence(0, 0, len(text), text))
    if len(row) > 2 and _NUMBER_HEADER.match(text[slice(*row[0])].strip()):
        row = row[1:]  # "Nr. | Partner | Sitz": a column that numbers the rows comes first
    return bool(row) and _is_table([column_role(text[slice(*row[0])])])


def _pipe_tables(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    out: list[Table] = []
    current: Table | None = None
    for s in sentences:
        if current is not None and RULE_ROW.match(s.text):
            continue
        row = _pipe_cells(s) if zones.get(s.index) != "chrome" else []
        if not row:
            current = None
            continue
        values = [text[a:b] for a, b in row]
        if all(_RULE_CELL.match(v.replace(" ", "")) or not v for v in values):
            continue
        if current is None:
            current = Table(s, [column_role(v) for v in values], [])
            if _is_table(current.roles):
                out.append(current)
            continue
        current.rows.append((s, row))
    return [t for t in out if t.rows]


def _aligned_tables(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """A header line of two or more cells, the first over actors and one more a header word
    (``Naam      Plaats``), and the lines right under it whose cells start where the header's do."""
    out = []
    for s in sentences:
        starts = _column_starts(s)
        if len(starts) < 2 or zones.get(s.index) == "chrome" or "|" in s.text:
            continue
        roles = [column_role(text[a:b]) for a, b in _aligned_cells(s, starts)]
        if roles[0] != "actors" or sum(map(bool, roles)) < 2:
            continue  # "Penvoerder      Stichting X", "Leden      11": a record (ingest.records), no table
        rows = []
        for row in sentences[s.index + 1:]:
            if row.start - sentences[row.index - 1].end > 2 or not COLUMN_GAP.search(row.text) or any(
                    a < len(row.text) and a and not row.text[a - 1].isspace() for a in starts):
                break
            rows.append((row, _aligned_cells(row, starts)))
        if rows:
            out.append(Table(s, roles, rows))
    return out


def find_tables(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """The tables of the page (outside its chrome) whose header names a project, lead or actor column."""
    return _pipe_tables(text, sentences, zones) + _aligned_tables(text, sentences, zones)


def table_names(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """Names in the cells of tables: the project cell names a cluster; each ``;``-separated part of
    a lead or actor cell opens with an organisation's name (a trailing ``, Town (CC)`` cut off)."""
    from ingest.actor_names import name_run

    out = []
    for table in find_tables(text, sentences, zones):
        for sentence, row in table.rows:
            for role, (a, b) in zip(table.roles, row):
                if role == "project":
                    name = " ".join(text[a:b].split())
                    if name[:1].isupper() and 1 <= len(name.split()) <= 6 and not any(c.isdigit() for c in name[:1]):
                        out.append(Candidate("cluster", a, b, text[a:b], sentence.index, clean_label(name),
                                             "table-project", 0.75))
                elif role in ("lead", "actors"):
                    for m in re.finditer(r"[^;]+", text[a:b]):
                        start = a + m.start() + len(m.group()) - len(m.group().lstrip())
                        cand = name_run(text, language, sentence, start, a + m.end(), "table-cell-name")
                        if cand is not None:
                            out.append(cand)
    return out
