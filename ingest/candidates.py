"""The mention candidates that the finders return before resolution.

A :class:`Candidate` is a :class:`~ingest.model.Mention` with what resolution needs besides: a
clean label, other names given right there (an abbreviation in brackets, the parts of
``A / B``), and the class of its head word (chamber, university, ...) for matching translated
names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.model import Mention


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    text: str  #: the document text of the span
    sentence: int
    label: str  #: the name without quote marks, brackets or line breaks
    rule: str
    confidence: float = 0.8
    aliases: set[str] = field(default_factory=set)
    head: str = ""  #: class of the head word, e.g. "chamber"; "" if none
    record: object | None = None  #: a gazetteer record for regions and fields

    def mention(self) -> Mention:
        return Mention(self.kind, self.start, self.end, self.text, self.sentence,
                       self.confidence, self.rule)

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start


def clean_label(text: str) -> str:
    """A name as a label: quote marks dropped, spaces made single."""
    for mark in '„“”"«»‚‘’':
        text = text.replace(mark, "")
    return " ".join(text.split()).strip(" ,;:-")


_COLUMN_GAP = re.compile(r"[ \t]{2,}|\t")


def within_columns(candidates: list[Candidate]) -> list[Candidate]:
    """An actor's name never spans a column gap of an infobox or an aligned table (``Penvoerder
    Stichting X`` written ``Penvoerder      Stichting X``): the longest part between gaps stays."""
    out = []
    for cand in candidates:
        if cand.kind not in ("organisation", "cluster", "person") or not _COLUMN_GAP.search(cand.text):
            out.append(cand)
            continue
        cuts = [0] + [x for m in _COLUMN_GAP.finditer(cand.text) for x in (m.start(), m.end())] + [len(cand.text)]
        parts = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
        a, b = max(parts, key=lambda p: p[1] - p[0])
        text = cand.text[a:b]
        if " " not in text:
            continue  # "Organisatie      Land      Plaats": a table's header row names no one
        out.append(Candidate(cand.kind, cand.start + a, cand.start + b, text, cand.sentence, clean_label(text),
                             cand.rule, cand.confidence, {x for x in cand.aliases if x in text}, cand.head,
                             cand.record))
    return out


def keep_longest(candidates: list[Candidate], priority: dict[str, int] | None = None) -> list[Candidate]:
    """Non-overlapping candidates: longer spans win, then higher priority of kind, then earlier; the
    winner of an identical span takes the loser's other names."""
    priority = priority or {}
    ranked = sorted(candidates, key=lambda c: (-c.length, -priority.get(c.kind, 0), -c.confidence, c.start))
    kept: list[Candidate] = []
    by_span: dict[tuple[int, int], Candidate] = {}
    for cand in ranked:
        same = by_span.get((cand.start, cand.end))
        if same is not None:
            same.aliases |= cand.aliases  # "Foreningen X" as a cluster keeps the alias X its head gave
        elif not any(cand.overlaps(k) for k in kept):
            kept.append(cand)
            by_span[cand.start, cand.end] = cand
    return sorted(kept, key=lambda c: c.start)
