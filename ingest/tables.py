"""Pipe tables: consecutive lines of cells separated by ``|`` (with or without outer bars, with or
without a ``|---|`` rule), whose first row names what each column holds.

* ``| Project | Lead partner | Partners | Focus |``: a table of consortia; the project cell names a
  cluster, the lead-partner cell its coordinator, the partners cell (``A, Town (CC); B, Town (CC)``)
  its members, the focus cell its fields;
* ``Partner | Type | Base`` / ``| Medlem | By |``: a table of actors; the name cell names an
  organisation (a trailing ``, Town`` or ``(lead partner)`` is no part of it), the place column
  where it is based.

Column roles are read from header words of the four languages; a table whose header names no
actor column is left alone (key figures, programmes).
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
_ACTORS = re.compile(r"^(?:(?:other\s+|further\s+|weitere\s+|øvrige\s+|overige\s+)?(?:partner(?:s|e|ne|innen)?"
                     r"|members?|medlem(?:mer)?|leden|lid|mitglied(?:er)?|deelnemers?|deltager(?:e)?|participants?"
                     r"|beneficiar(?:y|ies)|organi[sz]ations?|organisation(?:en)?|institution(?:s|en)?"
                     r"|unterzeichner|signator(?:y|ies)|ondertekenaars?|underskrivere?|teilnehmer|einrichtung(?:en)?"
                     r"|virksomhed(?:er)?|company|companies|unternehmen|bedrijf|parties|parter|partijen))$",
                     re.IGNORECASE)
_PLACE = re.compile(r"^(?:base|based(?: in)?|location|city|town|place|country|land|ort|sitz|standort|plaats|stad"
                    r"|vestiging|by|hjemsted|sted|hq|headquarters|seat|region|regio|adresse|address|kommune|gemeente)$",
                    re.IGNORECASE)
_FOCUS = re.compile(r"^(?:focus|fokus|topic|theme|thema|tema|field|fields|expertise|area|domain|schwerpunkt"
                    r"|aandachtsgebied|indsatsområde|fagområde)$", re.IGNORECASE)
_RULE_CELL = re.compile(r"^:?-{2,}:?$")


@dataclass
class Table:
    header: Sentence
    roles: list[str]  #: per column: "project", "lead", "actors", "place", "focus" or ""
    rows: list[tuple[Sentence, list[tuple[int, int]]]]  #: each row with its cells' document spans

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


def cells(sentence: Sentence) -> list[tuple[int, int]]:
    """The document spans of the cells of a table row (empty cells kept), or [] for no row."""
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
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((sentence.start + a, sentence.start + b))
    return out if len(out) >= 2 else []


def _role(cell: str) -> str:
    cell = re.sub(r"\s*\([^)]*\)\s*$", "", cell.strip(" *:"))  # "Grant (NOK)"
    for role, pattern in (("project", _PROJECT), ("lead", _LEAD), ("actors", _ACTORS), ("place", _PLACE),
                          ("focus", _FOCUS)):
        if pattern.match(cell):
            return role
    return ""


def find_tables(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Table]:
    """The pipe tables of the body whose header names a column of actors or projects."""
    out: list[Table] = []
    current: Table | None = None
    for s in sentences:
        row = cells(s) if zones.get(s.index) != "chrome" else []
        if not row:
            current = None
            continue
        values = [text[a:b] for a, b in row]
        if all(_RULE_CELL.match(v.replace(" ", "")) or not v for v in values):
            continue
        if current is None:
            roles = [_role(v) for v in values]
            current = Table(s, roles, [])
            if any(r in ("project", "lead", "actors") for r in roles):
                out.append(current)
            continue
        current.rows.append((s, row))
    return out


def table_names(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """Names in the cells of actor and project tables: the project cell names a cluster; each
    ``;``-separated part of an actor cell opens with an organisation's name."""
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
