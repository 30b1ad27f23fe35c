"""The mention candidates that the finders return before resolution.

A :class:`Candidate` is a :class:`~ingest.model.Mention` with what resolution needs besides: a
clean label, other names given right there (an abbreviation in brackets, the parts of
``A / B``), and the class of its head word (chamber, university, ...) for matching translated
names.
"""
from __future__ import annotations

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
