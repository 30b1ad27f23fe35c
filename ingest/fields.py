"""Find thematic fields in text: labels of the SKOS scheme, and fields the scheme lacks.

Three sources, merged so that matches never overlap (longest span wins, then confidence):

1. the scheme's labels (:mod:`ingest.field_lexicon`): phrases on word stems, compounds whose
   head is a label ("NRW-Gesundheitswirtschaft", "Krankenpflege"), and elliptic coordination
   ("Gesundheits- und Pflegewirtschaft" -> both fields);
2. patterns after field words (``ingest/lexicon/field_words.tsv``): a numbered or bulleted list
   after "Handlungsfelder:" (the word anywhere in a line ending with a colon, or in a short heading
   line "Vier werkpakketten"; an item's name ends at a colon, bracket or dash), quoted names after "Handlungsfeld „…“", a German enumeration after
   "in den Bereichen A, B und C", one name after "Innovationsfeld X" or "Thema X".  An item that is
   a label (or "label / something") links to the concept; any other item is a new field with a
   slug from its text and no concept IRI;
3. later bare uses of a new field's name in the same text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.false_friends import frequent
from ingest.field_lexicon import FieldConcept, field_lexicon, stem
from ingest.iris import slugify
from ingest.lexicon import words
from ingest.sentences import LIST_MARK

_QUOTED = r"[„“”\"‚‘'«»]([^„“”\"‚‘'«»\n]{2,60})[“”\"‘’'«»]"
#: A German field name after a trigger, perhaps after an adjective (not "wie": "in Bereichen wie X" gives examples).
_DE_ITEM = r"(?:(?!wie\s)[a-zäöüß]+(?:e|es|er|en|em)\s+)?[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w-]*)?"
_LIST_LINE = re.compile(rf"^[ \t]*{LIST_MARK}[ \t]+(.+?)[ \t]*$", re.M)
_MAX_ITEM_WORDS = 6
#: The name of a list item that goes on to say more: up to a colon, an opening bracket or a dash.
_ITEM_NAME = re.compile(r"^(.+?)(?:\s*:\s|\s+\(|\s+[–—-]\s|$)")


@dataclass(frozen=True)
class FieldMatch:
    """A span of text that names a thematic field."""

    start: int
    end: int
    text: str  #: exactly the searched text[start:end]
    concept_iri: str | None  #: concept of the scheme, or None for a field the scheme lacks
    slug: str  #: IRI slug: the concept's, or slugify(text) for a new field
    label: str  #: the concept's prefLabel in the language, or the field's name as written
    confidence: float
    rule: str


def _concept_match(start, end, text, concept: FieldConcept, language, confidence, rule):
    return FieldMatch(start, end, text[start:end], concept.iri, concept.slug,
                      concept.label(language), confidence, rule)


def _lexicon_matches(text: str, language: str, path: Path | None):
    lexicon = field_lexicon(path)
    nlp, by_stem, exact = lexicon.pipeline(language)
    doc = nlp(text)
    for matcher, rule in ((by_stem, "lexicon"), (exact, "lexicon-abbreviation")):
        for match_id, i, j in matcher(doc):
            span = doc[i:j]
            concept = lexicon.concepts[nlp.vocab.strings[match_id]]
            yield _concept_match(span.start_char, span.end_char, text, concept, language, 0.9, rule)
    if language in ("de", "nl", "da"):
        for token in doc:
            word = token.text.replace("-", "")
            for k in range(3, len(word) - 5):
                iri = lexicon.heads.get(stem(word[k:]))
                if iri:
                    yield _concept_match(token.idx, token.idx + len(token.text), text,
                                         lexicon.concepts[iri], language, 0.6, "compound")
                    break
    yield from _elliptic(text, language, path)


def _elliptic(text: str, language: str, path: Path | None):
    """"Gesundheits- und Pflegewirtschaft": the first part borrows the head of the second."""
    lexicon = field_lexicon(path)
    conj = "|".join(re.escape(r.form) for r in words("field_words", "and"))
    for m in re.finditer(rf"(?<![\w-])([^\W\d_]{{3,}})-\s+(?:{conj}|oder|eller|of|or)\s+"
                         rf"([^\W\d_]{{4,}})", text):
        first, second = m.group(1), m.group(2)
        for k in range(1, len(second) - 3):
            concept = lexicon.concept_for(first + second[k:])
            if concept:
                yield _concept_match(m.start(1), m.end(1) + 1, text, concept, language, 0.7,
                                     "elliptic")
                break


#: An item that opens with an article is a noun phrase about something else ("Schwerpunkt des Verbunds").
_ARTICLE = re.compile(r"^(?:des|der|dem|den|die|das|eines|einer|ein|eine|einen|the|het|de|det|a|an|een)\s",
                      re.IGNORECASE)


#: A definite article before a listed field's name ("- de arbeidsmarkt in zorg en welzijn;").
_LIST_ARTICLE = re.compile(r"^(?:de|het|the|die|der|das|den|det)\s+(?=\w)", re.IGNORECASE)


#: Prepositions after which a long list item goes on to say where, for whom or how ("kompetenceudvikling for
#: terapeuter og sosu-personale i brugen af velfærdsteknologi").
_ITEM_PREPOSITIONS = {"i", "for", "af", "på", "til", "med", "efter", "in", "für", "von", "mit", "bei", "nach", "zur",
                      "zum", "im", "van", "voor", "met", "bij", "naar", "op", "on", "with", "after", "to", "at", "of"}


def _head_phrase(name: str) -> str:
    """A list item too long for a field's name, cut before its first preposition when one rare word stays
    ("kompetenceudvikling for terapeuter og sosu-personale i brugen af velfærdsteknologi" -> "kompetenceudvikling");
    else the item."""
    if len(name.split()) <= _MAX_ITEM_WORDS:
        return name
    cut = next((m.start() for m in re.finditer(r"\s+(\S+)", name) if m.group(1).casefold() in _ITEM_PREPOSITIONS), None)
    if not cut or " " in name[:cut] or frequent(name[:cut], "en", 4.0):
        return name  # "support for start-ups that ...": a common word names no field; "fælles uddannelse af ...": the
    return name[:cut]  # words before the preposition may only describe what follows


def _shortened(name: str, path: Path | None) -> str:
    """A list item's name without its article, elaboration and long tail ("de arbeidsmarkt in zorg en welzijn",
    "kompetenceudvikling for terapeuter og ..."), unless the shorter name opens with a field of the scheme or joins two
    ("velfærdsteknologi i plejen, herunder ...", "telemedicin og hjemmebehandling af ..."): those the scheme's labels
    name."""
    short = _head_phrase(_LIST_ARTICLE.sub("", _elaborated(name)))
    lexicon = field_lexicon(path)
    if short == name.strip(" \t,;:.") or lexicon.concept_for(short):
        return short
    parts = re.split(r"\s+(?:og|und|and|en|et)\s+", short)
    if lexicon.concept_for(short.split()[0]) or len(parts) > 1 and lexicon.concept_for(parts[0]):
        return name
    return short


def _elaborated(name: str) -> str:
    """A listed name up to a comma that opens an elaboration ("langer thuis wonen, onder meer met valpreventie")."""
    for m in re.finditer(r",\s*", name):
        if _ELABORATION.match(name[m.end():]):
            return name[:m.start()]
    return name


def _item(start: int, item: str, text: str, language: str, path, confidence, rule):
    """A pattern item as a match: linked to a concept where it is a label, else a new field.

    ``start`` is where the search for ``item`` in ``text`` begins."""
    item = item.strip(" \t,;:.")
    start = text.find(item, start)
    if not item or start < 0:
        return None
    if len(item.split()) > _MAX_ITEM_WORDS or re.search(r"\d", item) or _ARTICLE.match(item):
        return None
    lexicon = field_lexicon(path)
    concept = lexicon.concept_for(item) or lexicon.concept_for(re.split(r"\s*/\s*", item)[0])
    end = start + len(item)
    if concept:
        return _concept_match(start, end, text, concept, language, confidence + 0.1, rule)
    return FieldMatch(start, end, item, None, slugify(item), item, confidence, rule)


@lru_cache(maxsize=16)
def _forms(kind: str, language: str) -> str:
    rows = words("field_words", kind, language)
    return "|".join(re.escape(r.form) for r in sorted(rows, key=lambda r: -len(r.form))) or "(?!)"


def _pattern_matches(text: str, language: str, path: Path | None):
    heading, single, plural, listed = (_forms(k, language) for k in ("heading", "single", "plural", "list_heading"))
    conj = _forms("and", language)
    # the heading word in a line that ends with a colon ("Die Allianz arbeitet in drei Handlungsfeldern,
    # für die ...:") or in a short line of its own ("Vier werkpakketten"), then the list
    for m in re.finditer(rf"^(?:[^\n]*?(?<!\w)(?:{heading}|{listed})(?!\w)[^\n]*?:|[^\n]{{0,20}}(?<!\w)(?:{heading}|{listed}))"
                         rf"[ \t]*\n((?:[ \t]*\n)*(?:{_LIST_LINE.pattern}\n?(?:[ \t]*\n(?=[ \t]*{LIST_MARK}[ \t]))*)+)", text,
                         re.M | re.I):  # the items may stand a blank line apart (an HTML list read by trafilatura)
        for line in _LIST_LINE.finditer(m.group(1)):
            name = _ITEM_NAME.match(line.group(1)).group(1)  # "Data en AI: een platform ... (trekker: X)"
            name = _shortened(name, path)
            found = _item(m.start(1) + line.start(1), name, text, language, path, 0.8, "heading-list")
            if found:
                yield found
    # the heading word, then a colon and the fields in the same sentence ("AIRN wird sich auf drei
    # Themenfelder konzentrieren: A, B und C sowie D für ...")
    # also with a copula instead of the colon ("Schwerpunkte sind A, B und C.", "The focus areas are A and B.")
    for m in re.finditer(rf"(?<!\w)(?:{heading})(?!\w)(?:[^\n:.]{{0,60}}:|\s+(?:sind|zijn|er|are))[ \t]+([^\n]+?)"
                         rf"(?:\.(?:\s|$)|\n|$)", text, re.I):
        for start, name in _inline_items(m.group(1), m.start(1), conj, language == "de"):
            found = _item(start, name, text, language, path, 0.75, "heading-inline")
            if found:
                yield found
    for m in re.finditer(rf"(?<!\w)(?:{single}|{plural})\s+((?:{_QUOTED}(?:\s*,\s*|\s+(?:{conj})\s+)?)+)",
                         text):
        for quoted in re.finditer(_QUOTED, m.group(1)):
            found = _item(m.start(1) + quoted.start(1), quoted.group(1), text, language, path,
                          0.8, "trigger-quoted")
            if found:
                yield found
    if language != "de":
        return
    # the names stand on the trigger word's line: a heading "Drei Handlungsfelder" names no word of the next line
    for m in re.finditer(rf"(?<![\w-])(?:{plural})[ \t]+({_DE_ITEM}(?:,\s+{_DE_ITEM})*"
                         rf"(?:\s+(?:{conj})\s+{_DE_ITEM})*)", text):
        parts = re.split(r",\s+", m.group(1))
        last = re.split(rf"\s+(?:{conj})\s+", parts.pop())
        cursor = m.start(1)
        for part in parts + last:
            found = _item(cursor, part, text, language, path, 0.7, "trigger-list")
            if found:
                cursor = found.end
                yield found
    for m in re.finditer(rf"(?<![\w-])(?:{single})[ \t]+({_DE_ITEM}(?:\s+(?:{conj})\s+{_DE_ITEM})?)"
                         rf"(?=[\s.,;:!?)]|$)", text):
        found = _item(m.start(1), m.group(1), text, language, path, 0.7, "trigger-single")
        if found:
            yield found


#: Words that join the last item of a list more firmly than "und"/"and", which may join the two words
#: of one field ("Prothetik und Orthetik").
_LAST_JOIN = re.compile(r"\s+(?:sowie|as well as|alsmede|samt|såvel som)\s+", re.IGNORECASE)
#: Where a listed field's name ends and its description begins ("Rehabilitationstechnik für die Nachsorge").
_DESCRIPTION = re.compile(r"\s+(?:(?:für|for|voor|til|pour)\s+(?:die|den|das|der|dem|the|de|het|det|la|le|les)"
                          r"|zur|zum)\s+\w", re.IGNORECASE)  # not "robotteknologi til rehabilitering"
#: A part of a list that only elaborates the one before ("herunder X og Y", "including X"): the list ends.
_ELABORATION = re.compile(r"^(?:herunder|heriblandt|including|darunter|waaronder|such as|etwa|e\.\s?g\.|z\.\s?B\."
                          r"|bl\.\s?a\.|unter anderem|onder andere|onder meer|among others|insbesondere|vor allem"
                          r"|bijvoorbeeld|zoals|for example|zum beispiel|blandt andet|f\.\s?eks\."
                          # a relative clause about the item ("anderhalvelijnszorg, waarbij medisch specialisten ...")
                          r"|waarbij|wobei|whereby|hvorved|hvor|where|which)(?!\w)", re.IGNORECASE)
#: Headings over the parts of a project's work ("drei Arbeitspakete", "drie sporen", "work packages"):
#: their items are tasks, so the cluster's fields are not read from them (ingest.topic_rules).
WORK_STRUCTURE = re.compile(r"arbeitspaket|werkpakket|\bsporen\b|pijlers|programmalijn|arbejdspakke|indsatsspor"
                            r"|work\s?packages?|work\s?streams?|\bstrands\b|programme lines", re.IGNORECASE)


#: An aside set off by dashes inside a list ("und – mit Blick auf die Staatsbäder – den Gesundheitstourismus").
_ASIDE = re.compile(r"(?:\s(?:und|and|en|og|sowie))?\s[–—]\s[^–—]{1,120}?\s[–—]\s")


def _inline_items(listed: str, offset: int, conj: str, german: bool = False) -> list[tuple[int, str]]:
    """The items of a list written in a sentence, with where each starts: split at semicolons where
    it has them, else at commas; at "sowie"/"as well as" where it has one, else the last part at its
    last conjunction; up to a part that elaborates the one before ("herunder ...")."""
    listed = _ASIDE.sub(lambda m: "," + " " * (len(m.group()) - 1), listed)  # "und – mit Blick auf X – den Y": the
    # aside and its conjunction part two items (a comma and blanks keep the offsets)
    separator = r"[^;]+" if ";" in listed else r"[^,]+"
    parts = []
    for m in re.finditer(separator, listed):
        if _ELABORATION.match(m.group().strip()):
            break
        parts.append((offset + m.start(), m.group()))
    if any(_LAST_JOIN.search(part) for _, part in parts):
        split = []
        for start, part in parts:
            cut = _LAST_JOIN.search(part)
            split += [(start, part[:cut.start()]), (start + cut.end(), part[cut.end():])] if cut else [(start, part)]
        parts = split
    elif len(parts) >= 2:
        start, last = parts.pop()
        cut = list(re.finditer(rf"\s+(?:{conj})\s+", last))
        parts += [(start, last[:cut[-1].start()]), (start + cut[-1].end(), last[cut[-1].end():])] if cut \
            else [(start, last)]
    out = []
    for start, part in parts:  # the start is where the search for the item's name begins (:func:`_item`)
        name = re.sub(rf"^(?:{conj})\s+", "", part.strip(), flags=re.IGNORECASE)  # "; and community testing"
        name = name.split(",")[0].strip()  # "infection diagnostics, led by LSTM"
        bare = _LIST_ARTICLE.sub("", name)  # "die Fachkräftegewinnung im Gesundheitswesen"; not a relative clause
        name = bare if bare == name or not german or bare.split()[-1][:1].isupper() else name  # ("die abwechselnd in
        # X stattfinden": a German noun phrase ends in a capitalised noun)
        described = _DESCRIPTION.search(name)
        out.append((start, name[:described.start()] if described else name))
    return out


def _propagate(text: str, found: list[FieldMatch]):
    names = {m.text: m for m in found if m.concept_iri is None}
    for name, match in names.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            yield FieldMatch(m.start(), m.end(), name, None, match.slug, match.label, 0.6,
                             "propagated")


def _select(candidates: list[FieldMatch]) -> list[FieldMatch]:
    chosen, taken = [], set()
    # of two matches of one span, the one a list or trigger found says more (whose list it is) than the lexicon's
    for match in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.confidence, c.rule == "lexicon", c.start)):
        if not taken.intersection(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda c: c.start)


def find_fields(text: str, language: str, scheme: Path | None = None) -> list[FieldMatch]:
    """Thematic fields named in ``text``, non-overlapping and in text order.

    Parameters
    ----------
    text : str
        Plain text; offsets of the matches point into it.
    language : str
        ISO 639-1 code of the text; chooses the tokenizer and the trigger words.
    scheme : Path, optional
        SKOS scheme to use as the lexicon; default ``ontology/fields.ttl``.

    Returns
    -------
    list of FieldMatch
        ``text[m.start:m.end] == m.text`` for every match.
    """
    found = [*_lexicon_matches(text, language, scheme), *_pattern_matches(text, language, scheme)]
    found += list(_propagate(text, found))
    return _select(found)


def lookup_field(name: str, language: str, scheme: Path | None = None) -> FieldConcept | None:
    """The scheme concept that ``name`` is a label of (any language, inflection-tolerant)."""
    return field_lexicon(scheme).concept_for(name)


__all__ = ["FieldMatch", "find_fields", "lookup_field"]
