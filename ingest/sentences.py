"""Split a document into sentences with offsets.

Web pages carry headings, menu items and list items without full stops, so every line is cut
first (a long line that stops mid-sentence is joined with the next: hard-wrapped prose); within
a line, spaCy's rule-based sentencizer (on a blank pipeline of the document's language, so its
tokenizer knows abbreviations such as ``Dr.``) finds the sentence ends.  Pipelines are built once
per language.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Sentence

_LINE = re.compile(r"[^\n]+")
#: A piece that ends so is no sentence: an abbreviation or a legal form ("Krajská zdravotní, a.s., Betreiber
#: der ...", "Neustadt a.d. Aisch"), a comma or an ampersand.
_NO_SPLIT_AFTER = re.compile(r"(?:\b(?:Dr|Prof|St|Sp|z o\.o|o\.o|Nr|Str|ca|bzw|vgl|z\.B|u\.a|dhr|mevr|Hr|Fr|Mr|Mrs|Ms|adm|Adm|stellv|kbh|pr|PR"
                             r"|a\.s|s\.r\.o|[aiov]\.\s?d|med|dent|vet|rer|nat|Ing|MUDr|PhDr|RNDr|Mgr|Mag|Doz|doc|prof|dr|drs|ir|mr|ing|hab|habil|Dipl\.-\w+"
                             r"|[A-ZÀ-ÖØ-Þ])\.|\be\.\s?V\.|[&+]\s?Co\.|,|[&+])$")  # "GmbH & Co. KG", "GmbH+Co. KG", "Ltd. & Co. KG"


@lru_cache(maxsize=8)
def _pipeline(language: str):
    import spacy

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences of ``text``, in order, each with its offsets; blank lines yield none.

    Parameters
    ----------
    text : str
        The document text.
    language : str
        ISO 639-1 code; picks the tokenizer rules.

    >>> [s.text for s in split_sentences("Heading\\nDr. A. Meyer kam. Sie ging.", "de")]
    ['Heading', 'Dr. A. Meyer kam.', 'Sie ging.']
    """
    lines = _join_wrapped([(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()], text)
    nlp = _pipeline(language)
    sentences: list[Sentence] = []
    for (offset, line), doc in zip(lines, nlp.pipe(line for _, line in lines)):
        spans = [(0, len(line))] if _TABLE_ROW.search(line) else [(s.start_char, s.end_char) for s in doc.sents]
        for start, end in _join_abbreviations(line, spans):
            while start < end and line[start].isspace():
                start += 1
            while end > start and line[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(len(sentences), offset + start, offset + end,
                                          line[start:end]))
    return sentences


#: The marker that opens a list item: a bullet, a number or a lower-case letter ("- ", "2) ", "b. ").
LIST_MARK = r"(?:\d{1,2}[.)]|[a-z][.)]|[-•·*–])"
LIST_ITEM = re.compile(rf"^\s*{LIST_MARK}\s")
#: A line that ends with a legal form ends a name: a record line ("Dr. X, CEO, Y GmbH"), not prose.
_ENDS_NAME = re.compile(r"(?:\b(?:GmbH|gGmbH|mbH|AG|e\.\s?V|B\.V|N\.V|A/S|ApS|Ltd|Inc|AS|AB|Oy)\.?)$")
#: A line of capitalised words only (a name or heading: "Programmabureau Zorgtechnologie Alliantie
#: Brainport"), small joining words aside: not a line of prose that wraps onto a capitalised next line.
_NAME_LINE = re.compile(r"^(?:(?:[A-ZÀ-ÖØ-Þ][\w'’.&/-]*|van|von|der|den|de|of|for|für|og|and|und|en|&|[–-])\s+)+"
                        r"[A-ZÀ-ÖØ-Þ][\w'’.&/-]*$")
#: A table row ("NHS Orkney    | NHS territorial board | Kirkwall"): one sentence, never wrapped prose.
_TABLE_ROW = re.compile(r"\S\s*\|\s*\S")
#: A labelled record line ("Author: Dr X, Programme Manager"): a line of its own.
_FIELD_LINE = re.compile(r"^\s*[A-ZÀ-Þ][\w ]{0,25}:\s")
#: A line that starts with a title or a bracketed role opens a new record ("Prof. Dr. X (Vorsitz)").
_STARTS_RECORD = re.compile(r"^\s*(?:Dr\.|Prof\.|Mr\.?|Mrs\.?|Ms\.?|dr\.|prof\.|ir\.|drs\.)\s"
                            r"|^\s*[A-ZÄÖÜÅÆØ][\w-]*(?: [\w-]+)?:\s")  # or a key ("Partner: A; B")


#: Columns aligned with spaces or tabs: a table row or an infobox line, never wrapped prose.
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
#: A term and its description after a dash ("  Interwaas — coördinatie en secretariaat"): a definition
#: list's row, a line of its own.
_TERM_LINE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][^—–:.\n]{1,60}\s[—–]\s")


def _join_wrapped(lines: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """Hard-wrapped prose: a long line that stops mid-sentence (ends in a letter) continues on the
    next line when that one follows directly, is no list item, table row or aligned row, opens no
    record (a title, a key or a label such as ``Author:``) and is itself long or ends the sentence (a
    short line without a full stop is a record line).  A line that ends in a legal form or holds only
    capitalised words (a name) does not continue on a capitalised line."""
    out: list[tuple[int, str]] = []
    for offset, line in lines:
        if out:
            prev_offset, prev = out[-1]
            follows = prev_offset + len(prev) + 1 == offset
            if (follows and len(prev.rstrip()) >= 50 and prev.rstrip()[-1:].isalpha()
                    and line.lstrip()[:1].isalpha() and not LIST_ITEM.match(line) and not LIST_ITEM.match(prev)
                    and not _STARTS_RECORD.match(line) and not _TABLE_ROW.search(prev) and not _TABLE_ROW.search(line)
                    and not _COLUMNS.search(prev) and not _COLUMNS.search(line) and not _FIELD_LINE.match(line)
                    and not _TERM_LINE.match(line)
                    and (len(line.rstrip()) >= 50 or line.rstrip().endswith((".", "!", "?", ":", '"', "”")))
                    and not ((_ENDS_NAME.search(prev.rstrip()) or _NAME_LINE.match(prev.strip()))
                             and line.lstrip()[:1].isupper())):
                out[-1] = (prev_offset, text[prev_offset:offset + len(line)])
                continue
        out.append((offset, line))
    return out


def _join_abbreviations(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo cuts right after a title or initial (``Dr.``, ``e.V.``) that the sentencizer made."""
    joined: list[tuple[int, int]] = []
    spans = _move_opening_quotes(line, spans)
    for start, end in spans:
        glued = joined and joined[-1][1] == start and start < len(line) and line[start].isalnum()
        marker = joined and joined[-1][0] == 0 and _LIST_NUMBER.fullmatch(line[:joined[-1][1]].strip())
        if joined and (glued or marker or _NO_SPLIT_AFTER.search(line[joined[-1][0]:joined[-1][1]].rstrip())):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


#: A list item's number alone ("1.", "b)"), which the sentencizer may cut off from its item.
_LIST_NUMBER = re.compile(r"(?:\d{1,2}|[a-z])[.)]")
_OPENING_QUOTE = re.compile(r"\s[\"„“«‚'‘]$")  # "‘We merken ...": Dutch and English open with ‘ too


def _move_opening_quotes(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote mark that opens the next sentence belongs to it, not to the one before."""
    moved = list(spans)
    for i in range(len(moved) - 1):
        start, end = moved[i]
        if _OPENING_QUOTE.search(line[start:end]):
            moved[i] = (start, end - 1)
            moved[i + 1] = (end - 1, moved[i + 1][1])
    return moved
