"""The explain view: a document with what extraction found in it, for a curator to check.

``explain_text(extraction)`` prints the text with every mention marked in place
(``[Organisation: CeNTech GmbH]``), then the entities and the relations, each relation with its
confidence, its rule and its evidence sentence.  ``explain_html(extractions)`` is the same as one
HTML page with highlighted spans and tables.  ``hin ingest --explain FILE`` and
``--explain-html OUT.html`` call them (docs/curation.md).
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from ingest.model import Extraction, Mention

#: Class names shown in the marks, by entity kind.
CLASS_NAMES = {"organisation": "Organisation", "person": "Person", "cluster": "Cluster",
               "region": "Region", "field": "Field", "agreement": "Agreement"}


def marked_spans(extraction: Extraction) -> list[tuple[Mention, tuple[str, str]]]:
    """Mentions in text order, each with its entity's key; an overlapping later span is left out."""
    spans = sorted(((m, e.key) for e in extraction.entities for m in e.mentions),
                   key=lambda p: (p[0].start, -p[0].end))
    kept, end = [], -1
    for mention, key in spans:
        if mention.start >= end:
            kept.append((mention, key))
            end = mention.end
    return kept


def mark_text(text: str, spans: Sequence[tuple[int, int, str]], render=None) -> str:
    """``text`` with each ``(start, end, label)`` span replaced by ``render(label, span text)``
    (default ``[label: span text]``); spans must not overlap."""
    render = render or (lambda label, inner: f"[{label}: {inner}]")
    out, at = [], 0
    for start, end, label in sorted(spans):
        out.append(text[at:start])
        out.append(render(label, text[start:end]))
        at = end
    out.append(text[at:])
    return "".join(out)


def _names(extraction: Extraction) -> dict[tuple[str, str], str]:
    return {e.key: e.label for e in extraction.entities}


def explain_text(extraction: Extraction, *, decisions: Sequence = ()) -> str:
    """The plain-text explain view of one document (see the module notes)."""
    doc = extraction.document
    names = _names(extraction)
    spans = [(m.start, m.end, CLASS_NAMES[key[0]]) for m, key in marked_spans(extraction)]
    lines = [f"== {doc.file_name} ({doc.language}): {len(extraction.entities)} entities, "
             f"{len(extraction.relations)} relations", "", mark_text(doc.text, spans).rstrip(), "",
             "== entities (kind/slug, label, mentions, best confidence, rules)"]
    for e in sorted(extraction.entities, key=lambda e: e.key):
        rules = sorted({m.rule for m in e.mentions if m.rule})
        best = max((m.confidence for m in e.mentions), default=e.confidence)
        alt = f" (also {', '.join(sorted(e.alt_labels))})" if e.alt_labels else ""
        lines.append(f"  {e.kind}/{e.slug}  {e.label!r}{alt}  {len(e.mentions)} mention(s)  "
                     f"{best:.2f}  {', '.join(rules)}")
    lines += ["", "== relations (confidence, rule, subject -relation-> object, evidence)"]
    sentences = {s.index: s for s in extraction.sentences}
    for r in extraction.relations:
        evidence = sentences.get(r.sentence)
        quote = " ".join(evidence.text.split()) if evidence else ""
        lines.append(f"  {r.confidence:.2f}  {r.rule or '-'}  {names.get(r.subject, r.subject[1])} "
                     f"-{r.kind}-> {names.get(r.object, r.object[1])}")
        lines.append(f"        sentence {r.sentence}: {quote}")
    mine = [d for d in decisions if doc.doc_id in d.documents]
    if mine:
        lines += ["", "== merged with names in other documents"]
        lines += [f"  {' = '.join(map(repr, d.names))}  {d.rule} {d.score:.2f}: {d.reason}" for d in mine]
    return "\n".join(lines) + "\n"


_STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}
pre{white-space:pre-wrap;font-family:inherit}mark{padding:0 .15em;border-radius:.2em}
mark.organisation{background:#ffd8a8}mark.person{background:#d0ebff}mark.cluster{background:#d3f9d8}
mark.region{background:#e5dbff}mark.field{background:#fff3bf}mark.agreement{background:#ffc9c9}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}"""


def explain_html(extractions: Sequence[Extraction], *, decisions: Sequence = ()) -> str:
    """One HTML page: per document the text with highlighted mentions and a table of relations."""
    parts = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><title>HIN: what was found</title>',
             f"<style>{_STYLE}</style></head><body>"]
    for x in extractions:
        names = _names(x)

        def render(label: str, inner: str) -> str:
            kind, title = label.split("|", 1)
            return f'<mark class="{kind}" title="{html.escape(title)}">{inner}</mark>'

        spans = []
        for m, key in marked_spans(x):
            spans.append((m.start, m.end, f"{key[0]}|{CLASS_NAMES[key[0]]}: {names[key]} "
                          f"({m.confidence:.2f}, {m.rule or '-'})"))
        text = _escaped_marks(x.document.text, spans, render)
        parts.append(f"<h1>{html.escape(x.document.file_name)} ({html.escape(x.document.language)})</h1>")
        parts.append(f"<pre>{text}</pre>")
        parts.append("<table><tr><th>confidence</th><th>rule</th><th>subject</th><th>relation</th>"
                     "<th>object</th><th>evidence</th></tr>")
        sentences = {s.index: s.text for s in x.sentences}
        for r in x.relations:
            cells = (f"{r.confidence:.2f}", r.rule or "-", names.get(r.subject, r.subject[1]), r.kind,
                     names.get(r.object, r.object[1]), " ".join(sentences.get(r.sentence, "").split()))
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
        mine = [d for d in decisions if x.document.doc_id in d.documents]
        if mine:
            parts.append("<ul>" + "".join(
                f"<li>{html.escape(' = '.join(d.names))}: {html.escape(d.rule)} "
                f"{d.score:.2f}, {html.escape(d.reason)}</li>" for d in mine) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _escaped_marks(text: str, spans, render) -> str:
    """mark_text with the text between and inside the marks HTML-escaped."""
    out, at = [], 0
    for start, end, label in sorted(spans):
        out.append(html.escape(text[at:start]))
        out.append(render(label, html.escape(text[start:end])))
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
