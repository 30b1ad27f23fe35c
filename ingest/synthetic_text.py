"""The words of synthetic documents (:mod:`ingest.synthetic`), per document language.

Made-up names (a stem of four consonant-vowel syllables per actor index, a bijection, so every
actor has its own name and IRI) are put into templates of the actor's home language; evidence
sentences are templates over the names they mention.  Everything here was written for HIN's
synthetic data; the legal forms and first names are common ones of each language.
"""
from __future__ import annotations

_SYLLABLES = [c + v for c in "bdfghklmnprstvwz" for v in "aeiou"]
_STEMS = len(_SYLLABLES) ** 4
ORGANISATION_NAMES = {
    "de": ("{} Medizintechnik GmbH", "Klinikum {}", "{} Diagnostik AG", "{} Pflege gGmbH",
           "Hochschule {}", "{} Biotech GmbH", "{} Gesundheitszentrum e.V.", "{} Health GmbH"),
    "nl": ("{} Medical B.V.", "Zorggroep {}", "Ziekenhuis {}", "{} Diagnostics B.V.",
           "Hogeschool {}", "Stichting {} Zorg", "{} Zorgtechnologie B.V."),
    "da": ("{} Medico ApS", "{} Sundhed A/S", "{} Hospital", "{} Diagnostik ApS",
           "Professionshøjskolen {}", "{} Velfærdsteknologi A/S"),
    "en": ("{} Medical Ltd", "{} Health Technologies", "{} University Hospital",
           "{} Diagnostics AB", "{} Care Group", "{} Institute of Health"),
}
LEGAL_FORMS = frozenset({"GmbH", "AG", "gGmbH", "e.V.", "B.V.", "ApS", "A/S", "Ltd", "AB"})
CLUSTER_NAMES = {
    "de": ("{} Gesundheitscluster", "Netzwerk {} Medizintechnik", "{} Life Science Allianz"),
    "nl": ("{} Zorgnetwerk", "Health Valley {}", "{} Life Sciences Cluster"),
    "da": ("{} Sundhedsklynge", "{} Velfærdsteknologisk Netværk", "{} Life Science Cluster"),
    "en": ("{} Health Cluster", "{} MedTech Alliance", "{} Life Science Network"),
}
FIRST_NAMES = {
    "de": ("Anna", "Lukas", "Katrin", "Jürgen", "Sabine", "Matthias", "Julia", "Stefan"),
    "nl": ("Sanne", "Daan", "Ingrid", "Pieter", "Femke", "Joost", "Marieke", "Bram"),
    "da": ("Mette", "Søren", "Camilla", "Jørgen", "Louise", "Rasmus", "Pernille", "Anders"),
    "en": ("Emma", "Oliver", "Sophie", "James", "Clara", "Henrik", "Maria", "Jan"),
}
AGREEMENT_WORDS = {"de": "Absichtserklärung", "nl": "intentieverklaring",
                   "da": "hensigtserklæring", "en": "letter of intent"}
# Evidence sentences: {c} cluster, {p} city, {f} field, {a}/{b} members, {g} agreement.
SENTENCES = {
    "de": ("{c} hat seinen Sitz in {p} und arbeitet im Bereich {f}.",
           "Zu den Mitgliedern zählen {a} und {b}.",
           "{a} und {b} unterzeichnen die {g}."),
    "nl": ("{c} is gevestigd in {p} en werkt op het gebied van {f}.",
           "Tot de leden behoren {a} en {b}.",
           "{a} en {b} ondertekenen de {g}."),
    "da": ("{c} har hjemsted i {p} og arbejder med {f}.",
           "Blandt medlemmerne er {a} og {b}.",
           "{a} og {b} underskriver {g}."),
    "en": ("{c} is based in {p} and works on {f}.",
           "Its members include {a} and {b}.",
           "{a} and {b} sign the {g}."),
}


def name_stem(seed: int, index: int) -> str:
    """The made-up name of actor ``index``: four syllables, a different one for every index < 80**4.

    >>> name_stem(0, 1) != name_stem(0, 2) and len(name_stem(0, 1)) == 8
    True
    """
    # index -> number is a bijection on range(_STEMS): the factor is odd and no multiple of 5
    number = (index * 2654435761 + seed * 104729 + 12345) % _STEMS
    parts = []
    for _ in range(4):
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


__all__ = ["AGREEMENT_WORDS", "CLUSTER_NAMES", "FIRST_NAMES", "LEGAL_FORMS", "ORGANISATION_NAMES",
           "SENTENCES", "name_stem"]
