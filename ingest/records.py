"""Key-value lines in the page text: an infobox (``Penvoerder      Stichting X``), a project profile
(``Koordination: X`` / ``Partner: A; B, Ort``) or a fact sheet (``Sitz: Potsdam``).

A run of such lines (no blank line between them) is one record; the line just above it is its
heading.  Keys are grouped by what they say of the record's cluster:

* ``lead``: who coordinates it (Koordination, Penvoerder, Lead partner, Coordinator, ...);
* ``partners``: its members (Partner, Projectpartners, Mitglieder, Leden, ...);
* ``seat``: where it is (Sitz, Zetel, Standort, Werkgebied, Headquarters, ...);
* ``chair``: who chairs it (Voorzitter, Vorsitz, Chair, Formand, ...).

A heading ``1) OderLink – Telemedizin ...`` over a record with a lead or partners key names a
cluster: the project the record describes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.candidates import Candidate, clean_label
from ingest.model import Sentence
from ingest.sentences import LIST_MARK

_KEYS = {
    "lead": r"penvoerder|koordination|koordinator(?:in)?|projektkoordination|verbundkoordination|coordinator"
            r"|co[öo]rdinator|coordination|lead[\s-]?partner|leadpartner|projektleitung|federführung"
            r"|konsortialführer(?:in)?|hovedpartner|projektleder|koordinerende partner",
    "partners": r"partner|partners|partnerinnen|projektpartner|verbundpartner|konsortialpartner|projectpartners"
                r"|partners in het project|deelnemers|leden|mitglieder|members|medlemmer|partnere|deltagere",
    "seat": r"sitz|hauptsitz|standort|zetel|vestigingsplaats|vestiging|werkgebied|einzugsgebiet|headquarters"
            r"|based in|hovedsæde|hjemsted|sæde|region|regio",
    "chair": r"voorzitter|vorsitz|vorsitzende[rn]?|chair|chairman|chairwoman|chairperson|formand|sprecher(?:in)?",
}
_KEY = "|".join(f"(?P<{kind}>{words})" for kind, words in _KEYS.items())
#: A key-value line: a known key, then a colon or a run of two or more spaces, then the value.
_RECORD = re.compile(rf"^\s*(?:{LIST_MARK}\s+)?(?:{_KEY})\s*(?::\s*|\s{{2,}}|\t+)(?P<value>\S.*)$", re.IGNORECASE)
#: Any key-value line, known key or not ("Oprichting      12 september 2019", "Fördersumme: 1,1 Mio.").
_ANY_RECORD = re.compile(r"^\s*[A-ZÄÖÜÅÆØ][\w-]*(?: [\w-]+)?(?::\s+|\s{2,}|\t+)\S")
#: A profile heading: "1) OderLink – Telemedizin ...", "Projekt CareNet: ..." (the name before the dash).
_PROFILE = re.compile(rf"^\s*(?:{LIST_MARK}\s+)?(?P<name>[A-ZÀ-Þ][\w-]*(?: [A-ZÀ-Þ][\w-]*){{0,3}})\s+[–—-]\s+\S")


@dataclass
class Record:
    sentence: Sentence
    kind: str  #: lead, partners, seat or chair
    value: int  #: document offset where the value starts
    heading: int | None  #: index of the heading sentence above the record's run, if any


def records(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Record]:
    """The key-value lines with a known key, each with the heading of its run of lines."""
    out = []
    heading = None
    for s in sentences:
        if zones.get(s.index) == "chrome":
            continue
        previous = sentences[s.index - 1] if s.index else None
        joined = previous is not None and "\n\n" not in text[previous.end:s.start]
        if not (_ANY_RECORD.match(s.text) or _RECORD.match(s.text)):
            continue
        if not (joined and previous is not None and (_ANY_RECORD.match(previous.text) or _RECORD.match(previous.text))):
            heading = previous.index if joined and previous is not None else None
        m = _RECORD.match(s.text)
        if m:
            kind = next(k for k in _KEYS if m.group(k))
            out.append(Record(s, kind, s.start + m.start("value"), heading))
    return out


def profile_names(text: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """The name in a profile heading over a record that says who leads it or takes part: a cluster."""
    out = []
    seen = set()
    for record in records(text, sentences, zones):
        if record.kind not in ("lead", "partners") or record.heading is None or record.heading in seen:
            continue
        seen.add(record.heading)
        heading = sentences[record.heading]
        m = _PROFILE.match(heading.text)
        if m:
            start = heading.start + m.start("name")
            name = m.group("name")
            out.append(Candidate("cluster", start, start + len(name), name, heading.index, clean_label(name),
                                 "profile-name", 0.7))
    return out


#: At most this many items of one value are read (a partner line names a handful; bounds the work).
MAX_ITEMS = 40


def value_items(record: Record, text: str) -> list[int]:
    """Document offsets where the items of a record's value start (``A; B, Place``: A and B)."""
    end = min(record.sentence.end, record.value + 4000)
    starts = [record.value]
    for m in re.finditer(r";\s*", text[record.value:end]):
        starts.append(record.value + m.end())
        if len(starts) == MAX_ITEMS:
            break
    return starts
