"""Holders of public office: ``gedeputeerde Henk Zwiers``, ``regionsrådsformand Bo Andersen``,
``Gesundheitsministerin Dr. Katrin Albers``.

The role word says which kind of authority the person speaks for (a province, a region, a
district, a municipality, a ministry); when the document names exactly one organisation of that
kind, the person is affiliated with it (rule ``office-holder``).
"""
from __future__ import annotations

import re

from ingest.relations import Context

#: Role word (a prefix of it) -> the words that open or hold the name of the authority it serves.
_OFFICES = [
    (re.compile(r"(?:gedeputeerde|commissaris van de koning)$", re.IGNORECASE), ("provincie",)),
    (re.compile(r"(?:regionsrådsformand|regionsrådsmedlem|regionsdirektør|regional councillor)$", re.IGNORECASE),
     ("region",)),
    (re.compile(r"(?:landrat|landrätin)$", re.IGNORECASE), ("landkreis", "kreis")),
    (re.compile(r"(?:burgemeester|wethouder|borgmester|rådmand|bürgermeister(?:in)?|oberbürgermeister(?:in)?"
                r"|mayor)$", re.IGNORECASE), ("gemeente", "kommune", "stadt", "city")),
    (re.compile(r"\w*minister(?:in)?$", re.IGNORECASE), ("ministerium", "ministerie", "ministry", "ministeriet")),
]
_ROLE_BEFORE = re.compile(r"([\w-]+(?: van de koning)?)\s+(?:(?:Dr|Prof|dr|prof)\.\s+)*$")


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
                if not office.match(role.group(1)):
                    continue
                bodies = [e for e in organisations
                          if any(w in e.label.casefold() for w in words)]
                if len(bodies) == 1:
                    context.add("affiliatedWith", key, bodies[0].key, index, 0.6, "office-holder")


RULES = [office_holders]
