"""Persons whose organisation the text names by a definite noun, in a relative clause or in the
sentence next to theirs (``affiliatedWith``).

* ``Die Geschäftsführerin des Klinikums, Dr. X``, ``X, bestuursvoorzitter van het ziekenhuis``,
  ``X, chief executive of the hospital``, ``direktør for sygehuset X``: a role held at an
  organisation named by its head noun alone is held at the organisation of that kind named last
  before (``definite-organisation``);
* ``X, die am DKFZ die Abteilung Y leitet``, ``X, who heads the department``, ``X, der er
  afdelingsleder for Y på Z``, ``X, die het onderzoek vanuit KU Leuven leidt``: a relative clause
  after the person that leads or works at organisations, named or definite (``relative-clause``);
* ``... sagt Dr. X. Der Chefarzt der Klinik Y am Klinikum Z leitet ...``: a sentence that opens with
  a role of an organisation describes the person named last in the sentence before
  (``role-opens-next-sentence``);
* ``... siger afdelingsleder X. Hun leder udviklingen hos Y A/S.``: a personal pronoun opening the
  next sentence, and an organisation after ``hos``/``bei``/``bij``/``at`` (``pronoun-next-sentence``).
"""
from __future__ import annotations

import re

from ingest.actor_names import COMPANY_NOUN
from ingest.actor_rules import role_word
from ingest.name_spans import UNIT_HEADS, UNIT_OF
from ingest.relations import Context
from ingest.tokens import pattern, wordlist

#: An article or preposition and a head noun: "des Klinikums", "van het ziekenhuis", "of the
#: hospital", "for sygehuset" (Danish puts the article at the end of the noun).
_DEFINITE = (r"(?:(?:des|der|dem|den|das|die|beim|am|im|vom|zum|zur|van\s+(?:het|de)|bij\s+(?:het|de)|het|de"
             r"|(?:of|at|in|for)\s+the|the|for|ved|på|hos|af|fra|i)\s+)(?P<noun>[^\W\d_][\w-]+)")
#: A role and a definite organisation before the person: "Die Geschäftsführerin des Klinikums, Dr. ".
_ROLE_DEFINITE_BEFORE = re.compile(r"(?P<role>[^\W\d_][\w-]+)\s+" + _DEFINITE +
                                   r"\s*,?\s*(?:[^\W\d_][\w-]{0,6}\.\s*)*$", re.IGNORECASE)
#: A role and a definite organisation right after the person: ", bestuursvoorzitter van het ziekenhuis".
_ROLE_DEFINITE_AFTER = re.compile(r"^\s*,\s*(?P<role>[^\W\d_][\w-]+(?:\s+[^\W\d_][\w-]+){0,2}?)\s+" + _DEFINITE +
                                  r"(?=\s*[,.;:!?)]|\s*$)", re.IGNORECASE)
#: A relative pronoun opening a clause after the person: ", die ", ", who ", ", der er ", ", som ".
_RELATIVE = re.compile(r"^\s*,\s*(?:die|der|welche|welcher|who|som|dat)\s+(?:er\s+|is\s+|ist\s+)?", re.IGNORECASE)
#: Where a clause ends.
_CLAUSE_END = re.compile(r"[,.;:!?\"“”„»«()]|\s[–—]\s")
#: Verbs that lead or work at an organisation, in a relative clause, and being responsible for something there
#: ("der er ansvarlig for internationale partnerskaber hos X").
_WORK_VERB = re.compile(r"\b(?:leitet|leiten|führt|verantwortet|arbeitet|forscht|lehrt|vertritt|leidt|leiden|werkt"
                        r"|vertegenwoordigt|leder|arbejder|forsker|repræsenterer|leads|heads|runs|directs|manages"
                        r"|works|chairs|represents|coordinates|koordiniert|coördineert|koordinerer"
                        r"|ansvarlig|responsible|verantwortlich|verantwoordelijk)\b", re.IGNORECASE)
#: Personal pronouns that open a sentence about the person named last before.
_PRONOUN = re.compile(r"^\W*(?:sie|er|hun|han|zij|hij|ze|she|he)\b", re.IGNORECASE)
#: "hos Y", "bei Y", "bij Y", "at Y", "für Y": where the pronoun's person works.
_AT = re.compile(r"\b(?:hos|bei|beim|bij|at|für|voor|for|ved)\s+(?:(?:der|dem|den|de|het|the)\s+)?$", re.IGNORECASE)
#: A sentence opening with a role of an organisation: "Der Chefarzt der ", "De directeur van ", "The head of ".
_ROLE_OPENING = re.compile(r"^\W*(?:der|die|de|het|the)\s+(?P<role>[^\W\d_][\w-]+)\s+"
                           r"(?:der|des|van\s+(?:de|het)|van|of\s+the|of|at|bei|beim|bij)\s*$", re.IGNORECASE)


def _head_class(context: Context, noun: str) -> str | None:
    """The head class of ``noun`` ("Klinikums", "ziekenhuis", "sygehuset") if it is an
    organisation's head word alone, else None."""
    heads = wordlist("org_heads", context.language)
    forms = [noun]
    if context.language == "de":
        forms += [noun[:-2]] if noun.endswith("es") else [noun[:-1]] if noun.endswith("s") else []
    if context.language == "da":
        forms += [noun[:-len(end)] for end in ("ets", "ens", "et", "en") if noun.endswith(end)][:1]
    for form in forms:
        cls = heads.word(form)
        if cls:
            return cls
    return None


def _named_before(context: Context, index: int, offset: int, noun: str):
    """The organisation of the head class of ``noun`` named last before ``offset`` (its sentence
    or an earlier one), preferring one whose name holds the noun; None if there is none."""
    cls = _head_class(context, noun)
    if cls is None:
        return None
    stem = noun.casefold()[:max(4, len(noun) - 3)]
    # an actor is of the class if any of its mentions is ("Smith & Nephew plc" ... "Speaking for Smith & Nephew")
    classes = {(key, cand.head) for i in context.by_sentence for cand, key in context.mentions(i, "organisation")}
    if COMPANY_NOUN.search(noun):  # "the company": an actor named with a company's legal form
        legal = pattern("legal_forms", context.language)
        classes |= {(key, cls) for i in context.by_sentence for cand, key in context.mentions(i, "organisation")
                    if legal.search(cand.text)}
    same, holding = None, None
    for i in sorted(k for k in context.by_sentence if k <= index):
        for cand, key in context.mentions(i, "organisation"):
            if i == index and cand.end > offset:
                continue
            if (key, cls) in classes:
                same = key
                if stem in cand.label.casefold():
                    holding = key
    return holding or same


def _body_persons(context: Context):
    """(index, sentence, person mention, person key) for every person named in a body sentence."""
    for index in sorted(context.by_sentence):
        if context.zones.get(index) == "body":
            for person, key in context.mentions(index, "person"):
                yield index, context.sentences[index], person, key


def definite_organisations(context: Context) -> None:
    """A role at an organisation named by its head noun alone (``definite-organisation``)."""
    for index, sentence, person, key in _body_persons(context):
        before = context.between(sentence.start, person.start)
        m = _ROLE_DEFINITE_BEFORE.search(before)
        offset = person.start
        if m is None or not role_word(context, m.group("role")):
            m = _ROLE_DEFINITE_AFTER.match(context.text[person.end:sentence.end])
            offset = person.end
            if m is None or not any(role_word(context, w) for w in m.group("role").split()):
                continue
        org = _named_before(context, index, offset, m.group("noun"))
        if org is not None:
            context.add("affiliatedWith", key, org, index, 0.65, "definite-organisation")


def relative_clauses(context: Context) -> None:
    """A relative clause after the person that leads or works at organisations (``relative-clause``)."""
    for index, sentence, person, key in _body_persons(context):
        rel = _RELATIVE.match(context.text[person.end:sentence.end])
        if rel is None:
            continue
        start = person.end + rel.end()
        end = _CLAUSE_END.search(context.text, start, sentence.end)
        end = end.start() if end else sentence.end
        clause = context.text[start:end]
        if not _WORK_VERB.search(clause) and not any(role_word(context, w) for w in clause.split()):
            continue
        orgs = [k for c, k in context.mentions(index, "organisation", "cluster") if start <= c.start and c.end <= end]
        if not orgs:
            for m in re.finditer(_DEFINITE, clause, re.IGNORECASE):
                org = _named_before(context, index, person.start, m.group("noun"))
                if org is not None:
                    orgs.append(org)
        for org in dict.fromkeys(orgs):
            context.add("affiliatedWith", key, org, index, 0.7, "relative-clause")


def _last_person(context: Context, index: int):
    persons = context.mentions(index, "person")
    return persons[-1][1] if persons else None


def roles_opening_next_sentence(context: Context) -> None:
    """A sentence opening with a role of an organisation describes the person named last in the
    sentence before (``role-opens-next-sentence``); a unit's parent after it is theirs too."""
    for index in sorted(context.by_sentence):
        if not index or context.zones.get(index) != "body" or context.zones.get(index - 1) != "body":
            continue
        sentence = context.sentences[index]
        orgs = context.mentions(index, "organisation", "cluster")
        if not orgs or context.mentions(index, "person") and context.mentions(index, "person")[0][0].start < orgs[0][0].start:
            continue
        first, key = orgs[0]
        m = _ROLE_OPENING.match(context.between(sentence.start, first.start))
        person = _last_person(context, index - 1)
        if m is None or person is None or not role_word(context, m.group("role")):
            continue
        context.add("affiliatedWith", person, key, index, 0.65, "role-opens-next-sentence")
        if len(orgs) > 1 and UNIT_OF.match(context.between(first.end, orgs[1][0].start)) and first.head in UNIT_HEADS | {"hospital"}:
            context.add("affiliatedWith", person, orgs[1][1], index, 0.6, "role-opens-next-sentence")


def pronouns_in_next_sentence(context: Context) -> None:
    """A personal pronoun opening a sentence after a person's, and an organisation after ``hos``/``bei``/
    ``bij``/``at`` with a verb of working or a role before it (``pronoun-next-sentence``)."""
    for index in sorted(context.by_sentence):
        if not index or context.zones.get(index) != "body" or context.mentions(index, "person"):
            continue
        sentence = context.sentences[index]
        if not _PRONOUN.match(sentence.text):
            continue
        person = _last_person(context, index - 1)
        if person is None:
            continue
        for org, key in context.mentions(index, "organisation", "cluster")[:1]:
            before = context.between(sentence.start, org.start)
            if _AT.search(before) and (_WORK_VERB.search(before) or any(role_word(context, w) for w in before.split())):
                context.add("affiliatedWith", person, key, index, 0.6, "pronoun-next-sentence")


RULES = [definite_organisations, relative_clauses, roles_opening_next_sentence, pronouns_in_next_sentence]
