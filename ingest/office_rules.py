"""Holders of public office: ``gedeputeerde Henk Zwiers``, ``regionsrådsformand Bo Andersen``,
``Gesundheitsministerin Dr. Katrin Albers``.

The role word says which kind of authority the person speaks for (a province, a region, a
district, a municipality, a ministry); when the document names exactly one organisation of that
kind, the person is affiliated with it (rule ``office-holder``); when it names several, a genitive
place before the role word picks the one of that place (``Odenses borgmester, X``).
"""
from __future__ import annotations

import re

from ingest.relations import Context
from ingest.tokens import wordlist

#: Role word (a prefix of it) -> the words that open or hold the name of the authority it serves.
_OFFICES = [
    (re.compile(r"(?:gedeputeerde|commissaris van de koning)$", re.IGNORECASE), ("provincie",)),
    (re.compile(r"(?:regionsrådsformand|regionsrådsmedlem|regionsdirektør|regional councillor)$", re.IGNORECASE),
     ("region",)),
    (re.compile(r"(?:landrat|landrätin)$", re.IGNORECASE), ("landkreis", "kreis", "landratsamt")),
    (re.compile(r"(?:burgemeester|wethouder|borgmester|rådmand|ordfører|bürgermeister(?:in)?|oberbürgermeister(?:in)?"
                r"|mayor)$", re.IGNORECASE), ("gemeente", "kommune", "stadt", "city")),
    (re.compile(r"\w*minister(?:in)?$", re.IGNORECASE), ("ministerium", "ministerie", "ministry", "ministeriet")),
]
#: The office word right before the person (a comma between them allowed), and the place whose
#: office it is when a genitive names it ("Odenses borgmester, X", "Leeds's mayor X").
_ROLE_BEFORE = re.compile(r"(?:\b(?P<place>[A-ZÆØÅÄÖÜ][\w-]+?)(?:s|'s|’s|'|’)\s+)?(?P<role>[\w-]+(?: van de koning)?)"
                          r",?\s+(?:(?:Dr|Prof|dr|prof)\.\s+)*$")


def office_holders(context: Context) -> None:
    """A person right after an office word is affiliated with the document's one authority of
    that kind."""
    organisations = [e for k, e in context.entities.items() if k[0] == "organisation"]
    for index in sorted(context.by_sentence):
        sentence = context.sentences[index]
        for person, key in context.mentions(index, "person"):
            role = _ROLE_BEFORE.search(context.text[sentence.start:person.start])
            if role is None:
                continue
            for office, words in _OFFICES:
                if not office.match(role.group("role")):
                    continue
                named = {e.key: [n for n in (e.label, *e.alt_labels) if any(w in n.casefold() for w in words)]
                         for e in organisations}
                bodies = [e for e in organisations if named[e.key]]
                if len(bodies) > 1:  # not "Wirtschaftsförderung Landkreis X", whose head is another
                    bodies = [e for e in bodies
                              if not all(_headed_by_other(n, words, context.language) for n in named[e.key])]
                own = _own_authority(context.text[person.end:min(sentence.end, person.end + 80)], words)
                if own is not None:  # "wethouder X (Zorg, gemeente Hengelo)": that authority, no other
                    bodies = [e for e in bodies if any(own in " ".join(n.casefold().split()) for n in named[e.key])]
                if len(bodies) > 1 and any(_of_known_place(e.label, context.language) for e in bodies):
                    # "regionsrådsformand X": Region Syddanmark, not the cross-border Region Sønderjylland-Schleswig
                    bodies = [e for e in bodies if _of_known_place(e.label, context.language)]
                if role.group("place") and len(bodies) > 1:  # "Odenses borgmester": Odense's municipality
                    place = role.group("place").casefold()
                    bodies = [e for e in bodies if any(place in n.casefold().split() for n in named[e.key])]
                if len(bodies) == 1:
                    context.add("affiliatedWith", key, bodies[0].key, index, 0.6, "office-holder")


def _of_known_place(label: str, language: str) -> bool:
    """Is ``label`` an authority word and the name of a subdivision or city of the reference data
    ("Region Syddanmark", "Gemeente Utrecht"), the body of an official territory?"""
    from ingest.gazetteer import gazetteer

    _, _, place = label.partition(" ")
    return any(p.kind in ("subdivision", "city") for p in gazetteer().candidates(place, language))


def _own_authority(after: str, words: tuple):
    """The authority named right after the person, in brackets, after a comma or after "van de"
    ("(Zorg en Welzijn, gemeente Hengelo)", ", Landkreis Leer", "van de gemeente Utrecht"), or the place of
    the authority after "van/of" ("wethouder X van Woensdrecht"), as lower-case text, or None."""
    m = re.match(r"^\s*(?:[(,]\s*(?:[^()]{0,40}?,\s*)?|(?:van|of|der|des|for|fra|i)\s+(?:de|het|the|der|des)?\s*)"
                 r"(?P<name>(?:" + "|".join(words) + r")\s+[A-ZÄÖÜÅÆØ][\w-]+)", after, re.IGNORECASE) \
        or re.match(r"^\s+(?:van|of|von|fra|i)\s+(?P<name>[A-ZÄÖÜÅÆØ][\w-]+)\b", after)  # "wethouder X van Woensdrecht"
    return " ".join(m.group("name").casefold().split()) if m else None


def _headed_by_other(label: str, words: tuple, language: str) -> bool:
    """Does another organisation head word stand before the authority word in ``label``, or is the
    word holding it the head of another kind of organisation (``Kreisklinik``)?"""
    heads = wordlist("org_heads", language)
    for word in label.split():
        held = [w for w in words if w in word.casefold()]
        if held:
            return heads.word(word) != heads.word(held[0])
        if heads.word(word):
            return True
    return False


RULES = [office_holders]
