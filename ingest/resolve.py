"""Within-document resolution: mentions -> entities, and the slug of each entity.

Mentions name the same entity when, after :func:`canonical` (case, diacritics, punctuation,
legal form and quote marks dropped), one of their names equals one of the other's:

* the same name with and without legal form (``AGIT mbH`` / ``AGIT``), spacing or case
  (``REGIO Aachen e. V.`` / ``Regio Aachen e.V.``);
* an abbreviation given in brackets (``Dieter Meyer Consulting GmbH (MCON)``), the parts of
  ``A / B`` and a quoted name after its head (``Clustermanagement „Gesundheitswirtschaft.NRW"``);
* a shortened form that leaves out a trailing region (``Bündnis X Weser-Ems`` / ``Bündnis X``);
* a translated name of the same class of institution with the same remaining words
  (``IHK Nord Westfalen`` / ``Kamer van Koophandel Nord Westfalen Münster``;
  ``Gesellschaft für Bioanalytik Münster e.V.`` / ``Vereniging voor Bioanalyse Münster e.V.``).

Slugs: ``slugify`` of the canonical form of the fullest name, without legal form, so that
``CeNTech GmbH`` in one document and ``CeNTech`` in another get one IRI; a person's slug leaves out
titles; a region's slug is the gazetteer's; an agreement's slug is fixed once its parties are known
(:func:`agreement_slug`).  See docs/extraction.md, "Slugs".
"""
from __future__ import annotations

import hashlib
import re

from ingest.candidates import Candidate
from ingest.inflection import NORDIC, base_name, comparable
from ingest.iris import normalise_name, slugify
from ingest.model import Entity
from ingest.name_spans import FOREIGN_LINKS
from ingest.tokens import legal_form_end, pattern, wordlist

#: Titles before a person's name; a title ends in a dot or at the end of a word ("Irish ..." keeps "Ir").
_TITLE = re.compile(r"^(?:(?:Prof|Dr|Dipl|Mr|Mrs|Ms|dhr|mevr|ir|drs)(?:\.|\b)(?:-\w+\.)?\s*)+", re.IGNORECASE)


def canonical(name: str, language: str) -> str:
    """The form names are compared in: legal form, bracketed abbreviation and title removed."""
    name = comparable(re.sub(r"\s*\([^)]*\)\s*$", "", name), language)
    stripped = pattern("legal_forms", language).sub(" ", name)
    stripped = _TITLE.sub("", stripped)
    return normalise_name(stripped) or normalise_name(name)


def _referred_agreement(groups: list[list[Candidate]], cand: Candidate) -> int | None:
    """The group of the earlier agreement that a definite agreement word refers to: the one named
    last (always after a demonstrative: "dat samenwerkingsakkoord" after "het Zorgpact X"), unless the
    word names a kind of agreement that it does not share ("The consortium agreement" after "a letter
    of intent"); then the last one of that kind, else None (a new one)."""
    earlier = [g for g, group in enumerate(groups) if group[0].kind == "agreement"]
    word = cand.text.casefold()
    if not earlier or cand.rule == "agreement-demonstrative":
        return earlier[-1] if earlier else None
    if _generic_agreement(word):  # "erklæringen" after "en hensigtserklæring ... En samarbejdsaftale ventes":
        # the last of its own kind, else the last one ("the MoU", "the charter": any kind)
        bare = _without_definite(word)
        return next((g for g in reversed(earlier) if bare not in _ANY_AGREEMENT
                     and _same_kind(bare, _without_definite(groups[g][0].text.casefold()))), earlier[-1])
    return next((g for g in reversed(earlier) if _same_kind(word, groups[g][0].text.casefold())), None)


def _without_definite(word: str) -> str:
    """A Danish agreement word without its definite ending ("erklæringen" -> "erklæring", "samarbejdsaftalen" ->
    "samarbejdsaftale")."""
    from ingest.tokens import DANISH_DEFINITE

    agreements = wordlist("agreement_words", "da")
    return next((word[:-len(e)] for e in DANISH_DEFINITE if word.endswith(e) and agreements.word(word[:-len(e)])), word)


def _same_kind(a: str, b: str) -> bool:
    """Do two agreement words name one kind ("memorandum", "memorandum of understanding";
    "Vereinbarung", "Kooperationsvereinbarung"; "samarbejdsaftale", "samarbejdsaftalen"; a declaration
    of intent in any language: "Den Letter of Intent" after "eine Absichtserklärung zur Gründung ...")?"""
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a) or _of_intent(a) and _of_intent(b)


#: The words of a declaration of intent in the five languages.
_INTENT = ("letter of intent", "loi", "absichtserklärung", "absichtserklaerung", "intentieverklaring",
           "hensigtserklæring", "declaration of intent", "statement of intent", "lettre d'intention")


def _of_intent(word: str) -> bool:
    return any(word.startswith(w) or word.endswith(w) for w in _INTENT)


def _generic_agreement(word: str) -> bool:
    """Is ``word`` the bare agreement word that ends the compounds of its kind ("Vereinbarung",
    "agreement", "aftalen") or a word that names any agreement ("memorandum", "charter")?"""
    from ingest.lexicon import words
    from ingest.tokens import DANISH_DEFINITE

    forms = {row.form for row in words("agreement_words", "agreement")}
    bare = {word} | {word[:-len(e)] for e in DANISH_DEFINITE if word.endswith(e)}
    return " " not in word and any(f"*{b}" in forms or b in _ANY_AGREEMENT for b in bare)


#: Agreement words that refer back to any agreement.
_ANY_AGREEMENT = {"memorandum", "mou", "declaration", "charter", "pact", "pakt", "partnerschap"}


def resolve(candidates: list[Candidate], language: str) -> tuple[list[Entity], dict[int, tuple[str, str]]]:
    """Group candidates into entities.

    Returns
    -------
    entities : list of Entity
        In order of first mention.
    keys : dict
        ``id(candidate)`` -> the entity key ``(kind, slug)`` it was resolved to.
    """
    groups: list[list[Candidate]] = []
    names: list[set[str]] = []
    for cand in candidates:
        forms = _forms(cand, language)
        if cand.kind == "agreement" and cand.rule in ("agreement-anaphor", "agreement-demonstrative"):
            referred = _referred_agreement(groups, cand)
            if referred is not None:
                groups[referred].append(cand)
                continue
        hit = next((g for g, known in enumerate(names) if _compatible(groups[g][0], cand)
                    and (forms & known or _same_translation(groups[g], cand, language))), None)
        if hit is None:
            groups.append([cand])
            names.append(set(forms))
        else:
            groups[hit].append(cand)
            names[hit] |= forms
    groups, names = _merge_shortened(groups, names, language)
    groups, names = _merge_initials(groups, names)
    _merge_headline_agreement(groups, names)
    entities, keys, used = [], {}, set()
    for group in groups:
        entity = _entity(group, language)
        while entity.key in used:
            entity.slug += "-2"
        used.add(entity.key)
        entities.append(entity)
        for cand in group:
            keys[id(cand)] = entity.key
    by_key = {e.key: e for e in entities}
    for group in groups:
        if keys[id(group[0])][0] == "region":
            for body in _authority_bodies(group):
                if body.key in by_key:  # also named as an organisation
                    by_key[body.key].mentions += body.mentions
                else:
                    by_key[body.key] = body
                    entities.append(body)
    return entities, keys


def _merge_headline_agreement(groups: list[list[Candidate]], names: list[set[str]]) -> None:
    """``Partners sign agreement to launch X`` over ``... have signed a memorandum of understanding``: a bare
    agreement word in the first lines, before any named kind of agreement, is the agreement the text then
    names (the first one after it)."""
    agreements = [g for g, group in enumerate(groups) if group[0].kind == "agreement"]
    if len(agreements) < 2:
        return
    first, nxt = agreements[0], agreements[1]
    if all(c.sentence <= 2 and _generic_agreement(c.text.casefold()) for c in groups[first]):
        groups[nxt][:0] = groups[first]
        names[nxt] |= names[first]
        del groups[first], names[first]


#: An authority word before a place names the authority as well as the place: "Provincie
#: Overijssel", "gemeente Hengelo", "Landkreis Leer", "Städteregion Aachen", "Regio Twente" (a Dutch
#: regional body; lower-case "de regio Aachen" is a place only).  A country adjective may precede
#: it ("die niederländische Provinz Limburg").
_AUTHORITY = re.compile(r"^(?:[^\W\d_]+\s+)?((?:[Pp]rovincie|Provinz|[Gg]emeente|Landkreis|Kreis|Städteregion"
                        r"|Regio)\s+\S.*)$")


def _authority_bodies(group: list[Candidate]) -> list[Entity]:
    """The organisations that the region mentions of ``group`` name by an authority word; the
    region entity keeps the mentions, its body is an organisation of the same name (the slug that
    ``actor_rules`` gives a region's body, so a later rule finds it)."""
    bodies: dict = {}
    for cand in group:
        m = _AUTHORITY.match(" ".join(cand.text.split()))
        if m is None or cand.rule == "district-part":  # "die Region umfasst den Landkreis X": the place only
            continue
        label = m.group(1)
        key = ("organisation", slugify(label))
        if key not in bodies:
            bodies[key] = Entity("organisation", key[1], label, mentions=[], confidence=0.75)
        bodies[key].mentions.append(cand.mention())
    return list(bodies.values())


def _forms(cand: Candidate, language: str) -> set[str]:
    if cand.kind == "region" and cand.record is not None:
        key = getattr(cand.record, "key", "")
        forms = {"@" + key}
        forms |= {canonical(a, language) for a in getattr(cand.record, "alt_labels", ())
                  if getattr(cand.record, "kind", "") == "area"}
        return forms | {canonical(cand.label, language)}
    if cand.kind == "field" and cand.record is not None and getattr(cand.record, "concept", None):
        return {"@" + cand.record.concept, canonical(cand.label, language)}
    forms = {canonical(cand.label, language)} | {canonical(a, language) for a in cand.aliases}
    if cand.kind == "organisation" and language == "de":
        forms |= {canonical(name, language) for name in _head_and_place(cand.label)}
        first, _, rest = cand.label.partition(" ")
        if first.casefold() in _SHORT_HEADS and rest:  # "FH Kärnten", "Fachhochschule Kärnten"
            forms.add(canonical(f"{_SHORT_HEADS[first.casefold()]} {rest}", language))
    if cand.kind == "cluster":
        forms |= {canonical(name, language) for name in _after_cluster_word(cand, language)}
    if cand.kind == "field" and "/" in cand.label:
        forms |= {canonical(part, language) for part in cand.label.split("/")}
    if cand.kind == "agreement":
        forms = {canonical(a, language) for a in cand.aliases}  # the bare agreement word
        if language == "da":  # "samarbejdsaftalen om X" after "en samarbejdsaftale": one word, definite or not
            forms |= {canonical(_without_definite(a.casefold()), language) for a in cand.aliases}
        heads = {a.split(" of ")[0] for a in cand.aliases if " of " in a}  # "memorandum" of understanding
        forms |= {canonical(h, language) for h in heads if wordlist("agreement_words", language).word(h)}
    return {f for f in forms if f}


#: "das Freiburger Uniklinikum": a German place adjective before a head word names the head's
#: institution in that place ("Universitätsklinikum Freiburg").
_PLACE_AND_HEAD = re.compile(r"^(?P<adjective>[A-ZÄÖÜ][\wäöüß-]+)er\s+(?P<head>[A-ZÄÖÜ][\wäöüß]+)$")
#: Short head words of German institution names and the full word they stand for.
_SHORT_HEADS = {"uniklinik": "Universitätsklinikum", "uniklinikum": "Universitätsklinikum", "uni": "Universität",
                "unispital": "Universitätsspital", "fh": "Fachhochschule", "tu": "Technische Universität",
                "th": "Technische Hochschule", "ph": "Pädagogische Hochschule"}


def _after_cluster_word(cand: Candidate, language: str) -> list[str]:
    """``Netzwerk TeleCura Alpe Adria`` -> ``TeleCura Alpe Adria``: a bare cluster word (no compound)
    before a name of two words or more, the name alone being the cluster's name too (not ``Netzwerk
    Gesundheit``; not ``Gesundheitsverbund Landkreis X``, whose rest names the district)."""
    from ingest.name_spans import REGION_BODY

    clusters = wordlist("cluster_words", language)
    out = []
    for name in (cand.label, *cand.aliases):
        first, _, rest = name.partition(" ")
        if rest and len(rest.split()) >= 2 and rest[:1].isupper() and not REGION_BODY.match(rest) \
                and first.casefold().rstrip("s") in clusters.exact:
            out.append(rest)
    return out


def _head_and_place(label: str) -> list[str]:
    """``Freiburger Uniklinikum`` -> ``Uniklinikum Freiburg``, ``Universitätsklinikum Freiburg``;
    ``Münchner Universität`` -> ``Universität München``: the other spellings of one institution."""
    from ingest.gazetteer import gazetteer  # the gazetteer's module reads names through this one

    m = _PLACE_AND_HEAD.match(label.strip())
    if not m:
        return []
    stem = m.group("adjective")
    place = next((p for p in (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else "")
                  if p and gazetteer().forms.get(p)), None)
    if place is None:
        return []
    head = m.group("head")
    return [f"{head} {place}"] + ([f"{_SHORT_HEADS[head.casefold()]} {place}"] if head.casefold() in _SHORT_HEADS else [])


def _compatible(a: Candidate, b: Candidate) -> bool:
    actors = {"organisation", "cluster"}
    return a.kind == b.kind or (a.kind in actors and b.kind in actors)


def _content(cand: Candidate, language: str) -> list[str]:
    heads, stop = wordlist("org_heads", language), wordlist("stopwords", language)
    return [w for w in canonical(cand.label, language).split()
            if not heads.word(w) and not stop.word(w) and w not in {"fur", "van", "voor", "of", "for", "de"}]


#: Head classes of authorities named by one place: two of them with the same place are one body.
_ONE_PLACE_HEADS = {"district"}


def _same_translation(group: list[Candidate], cand: Candidate, language: str) -> bool:
    """Same class of institution (both chambers, both associations ...) and the words of the
    shorter name all found, by their first five letters, in the longer one."""
    if not cand.head or cand.head == "other":
        return False
    for other in group:
        if other.head != cand.head or _hyphen_tail(canonical(cand.label, language), [other], language) \
                or _hyphen_tail(canonical(other.label, language), [cand], language):
            continue  # "Kassenärztliche Vereinigung Sachsen" and "... Sachsen-Anhalt": two states, two actors
        if _part_of_other(canonical(cand.label, language), canonical(other.label, language)):
            continue  # "Universitätsmedizin der Johannes Gutenberg-Universität Mainz" is a part of the university
        a, b = _content(cand, language), _content(other, language)
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        least = 1 if cand.head in _ONE_PLACE_HEADS else 2  # "Landratsamt Konstanz" = "Landkreis Konstanz"
        if len(short) >= least and all(any(w[:5] == v[:5] for v in long_) for w in short) and not (
                all(_place(w, language) for w in short) and not all(_place(w, language) for w in long_)):
            return True  # (not "University Hospitals Coventry and Warwickshire NHS Trust" and "NHS Coventry and
            # Warwickshire Integrated Care Board": the same places, and more than places in only one name)
    return False


#: Words that join a part of an institution to the institution's whole name ("Klinik X der Universität Y").
_OF_WHOLE = re.compile(r"\s(?:der|des|van de|van het|of the|of|ved|at|at the|an der|am|i|på)$")


def _part_of_other(a: str, b: str) -> bool:
    """Is one canonical name the other's after a word that joins a part to its whole (``universitatsmedizin
    der johannes gutenberg universitat mainz`` / ``johannes gutenberg universitat mainz``)?"""
    short, long_ = sorted((a, b), key=len)
    return long_ != short and long_.endswith(" " + short) and bool(_OF_WHOLE.search(long_[:-len(short) - 1]))


def _head_of_whole(a: str, b: str) -> bool:
    """Is ``a`` (``universitatsmedizin mainz``) the short form of ``b`` (``universitatsmedizin der johannes
    gutenberg universitat mainz``): the same first word, and the place that ends both, ``b`` naming the whole
    it is part of in between?"""
    words, other = a.split(), b.split()
    return (len(words) == 2 and len(other) >= 4 and other[0] == words[0] and other[-1] == words[-1]
            and other[1] in ("der", "des", "van", "of", "ved", "an", "am"))


def _merge_shortened(groups, names, language):
    """``Bündnis X`` and ``Bündnis X Weser-Ems``: a name plus a trailing place is the same actor;
    so is ``Stichting X`` and ``X``."""
    merged = True
    while merged:
        merged = False
        for i, gi in enumerate(groups):
            for j, gj in enumerate(groups):
                actors = ("organisation", "cluster")
                if i == j or gi[0].kind not in actors or gj[0].kind not in actors:
                    continue
                if gi[0].kind != gj[0].kind:  # "HANNN" and "Healthy Ageing Network Northern Netherlands"
                    if any(_spells(a, b, language) for a in names[i] for b in names[j]):
                        gj += gi
                        names[j] |= names[i]
                        del groups[i], names[i]
                        merged = True
                        break
                    continue
                if any(_longer_by_place(a, b) and not _hyphen_tail(a, gj, language) or _prefixed(a, b) or _spells(a, b, language)
                       or gi[0].kind == "cluster" and _longer_by_place(a, b, shortest=3, most=4)
                       or _one_of_two_places(a, b) for a in names[i] for b in names[j]) or _acronym_of_one(names[i], names[j], names, language) \
                        or _first_word_of_one(names[i], names[j], names, language) \
                        or _first_and_head_of_one(names[i], names[j], names, language) \
                        or any(_head_of_whole(a, b) or _genitive(a, b, language) for a in names[i] for b in names[j]) \
                        or any(_compounded(a.label, b.label, language) or _described(a.label, b.label, language)
                               or _longer_by_head(a.label, b.label, language) or _head_before(a.label, b.label, language)
                               or _company_first_word(a.label, b.label, language)
                               or _university_short(a.label, b.label, language)
                               or _university_short(b.label, a.label, language)
                               or _acronym_of_place(a.label, b.label, language)
                               for a in gi for b in gj):
                    groups[j] += gi
                    names[j] |= names[i]
                    del groups[i], names[i]
                    merged = True
                    break
            if merged:
                break
    return groups, names


def _genitive(a: str, b: str, language: str) -> bool:
    """``Sundhedsnetværk Skive-Sallings naboer``: in the Nordic languages the genitive ``-s`` ends the
    whole name, so a name plus ``s`` is the actor named just so elsewhere (either order)."""
    if language not in NORDIC:
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_ == short + "s"


def _one_of_two_places(a: str, b: str) -> bool:
    """``Herlev Hospital`` and ``Herlev og Gentofte Hospital``: one of the two places a merged body is
    named after, with its head, is that body."""
    words = b.split()
    return len(words) == 4 and words[1] in ("og", "und", "and", "en") and a in (f"{words[0]} {words[3]}",
                                                                               f"{words[2]} {words[3]}")


def _longer_by_place(a: str, b: str, shortest: int = 2, most: int = 2) -> bool:
    """Is ``b`` the name ``a`` (``shortest`` words or more) followed by one to ``most`` more words (a place:
    ``Bündnis X`` / ``Bündnis X Weser-Ems``; a cluster's headline form, three words and up to four more:
    ``Alliantie Langer Thuis`` / ``Alliantie Langer Thuis West-Brabant West``)?"""
    extra = len(b.split()) - len(a.split())
    return len(a.split()) >= shortest and 0 < extra <= most and b.startswith(a + " ") and b[len(a) + 1:][:1].isalpha()


def _rare_word(a: str, language: str, shortest: int) -> bool:
    """Is ``a`` one word of ``shortest`` letters or more that is neither a common word nor a place?"""
    from ingest.false_friends import frequent
    from ingest.regions import lookup_region

    return " " not in a and len(a) >= shortest and not frequent(a, language, 3.5) \
        and lookup_region(a, language) is None


def _first_word_of_one(short: set[str], long_: set[str], names: list[set[str]], language: str) -> bool:
    """``From Chalmers, ...`` and ``Chalmers University of Technology``: a rare one-word name (no place,
    no common word) that opens the name of exactly one institution of the page is that institution."""
    heads = wordlist("org_heads", language)
    for a in short:
        if not _rare_word(a, language, 5):
            continue
        opening = [n for n in names if any(b.startswith(a + " ") for b in n)]
        if len(opening) == 1 and opening[0] is long_ and any(
                heads.word(w) for b in long_ if b.startswith(a + " ") for w in b.split()[1:]):
            return True
    return False


def _first_and_head_of_one(short: set[str], long_: set[str], names: list[set[str]], language: str) -> bool:
    """``Western Trust`` after ``Western Health and Social Care Trust``: a name's first word and its head
    word, with the words between left out, are that name when exactly one name of the page has both (not
    after a place: ``Vilnius University`` is not ``Vilnius Gediminas Technical University``)."""
    heads = wordlist("org_heads", language)
    for a in short:
        words = a.split()
        if len(words) != 2 or not heads.word(words[1]) or _place(words[0], language):
            continue
        fits = [n for n in names if any(len(b.split()) >= 4 and b.split()[0] == words[0] and b.split()[-1] == words[1]
                                        for b in n)]
        if len(fits) == 1 and fits[0] is long_:
            return True
    return False


def _company_first_word(a: str, b: str, language: str) -> bool:
    """``Radiometer bidrager`` after ``Radiometer Medical ApS``: a rare one-word name (no place, no common
    word) that opens a company's name with its legal form is that company."""
    return b.startswith(a + " ") and bool(legal_form_end(language).search(b)) and _rare_word(a, language, 4)


#: A university's short name: its initial glued to its town ("UHasselt", "UGent", "UAntwerpen").
_U_SHORT = re.compile(r"U(?P<town>[A-ZÄÖÜ][a-zäöüé]+)")


def _university_short(a: str, b: str, language: str) -> bool:
    """``UHasselt`` and ``Universiteit Hasselt``: the short form names the university of that town."""
    short = _U_SHORT.fullmatch(a)
    words = b.split()
    return short is not None and len(words) == 2 and words[1] == short.group("town") \
        and wordlist("org_heads", language).word(words[0]) == "university"


def _hyphen_tail(a: str, group, language: str) -> bool:
    """Do the names of ``group`` go on from ``a`` after a hyphen ("Kassenärztliche Vereinigung Sachsen"
    and "... Sachsen-Anhalt": another state, not a place added to the name)?"""
    return any(canonical(c.label.split("-")[0], language) == a for c in group if "-" in c.label)


_SKIPPED = {"und", "and", "en", "og", "of", "for", "fur", "van", "voor", "de", "der", "the", "zur", "zum", *FOREIGN_LINKS}


def _initials(words: list[str], language: str) -> str:
    """Initials of name words; a compound ending in a head word gives two ("handelskammer": h, k)."""
    suffixes = [form for form, _ in wordlist("org_heads", language).suffix]
    out = ""
    for w in words:
        if w in _SKIPPED:
            continue
        out += w[0]
        tail = next((x for x in suffixes if w.endswith(normalise_name(x)) and len(w) > len(x) + 2), None)
        if tail:
            out += normalise_name(tail)[0]
    return out


def _spells(a: str, b: str, language: str) -> bool:
    """Is ``a`` an abbreviation of ``b`` plus the same trailing words (``ihk aachen`` of
    ``industrie und handelskammer aachen``)?"""
    short = a.split()
    if not short or not (2 <= len(short[0]) <= 6) or len(b.split()) < 2:
        return False
    long_ = b.split()
    rest = short[1:]
    if rest and long_[-len(rest):] != rest:
        return False
    head = long_[:len(long_) - len(rest)]
    return len(head) >= 2 and _initials(head, language) == short[0]


def _place(word: str, language: str) -> bool:
    """Is a normalised word the name of a place (``aachen``; not ``sundhedsteknologi``, a unit's field)?"""
    from ingest.regions import lookup_region

    return lookup_region(word.capitalize(), language) is not None


def _acronym_of_one(a_names: set, b_names: set, all_names: list, language: str) -> bool:
    """A bare abbreviation (``ihk``) is the one name that opens with it and a place or two (``ihk aachen``,
    ``ihk zu schwerin``, ``ihk fur oberfranken bayreuth``) or a whole name with a head of its own (``hus helsinki
    university hospital``; not ``hus psychiatry``, a unit of it), when exactly one such name is in the document."""
    from ingest.name_match import CONNECTORS  # name_match reads resolve.canonical

    heads = wordlist("org_heads", language)

    def opens(a: str, x: str) -> bool:
        words = x.split()
        rest = [w for w in words[1:] if w not in CONNECTORS and w != "zu"]  # "ihk zu schwerin"
        placed = 1 <= len(rest) <= 2 and all(_place(w, language) for w in rest)  # "ihk fur oberfranken bayreuth"
        return x.startswith(a + " ") and (placed or len(words) >= 3 and any(heads.word(w) for w in words[1:]))

    for a in a_names:
        if " " in a or not 2 <= len(a) <= 5:
            continue
        if any(" " in x and not x.startswith(a + " ") for x in a_names):
            continue  # "Danmarks Tekniske Universitet (DTU)" spells it out: "DTU Science Park" is another actor
        if any(opens(a, b) for b in b_names):
            owners = [n for n in all_names if any(opens(a, x) for x in n)]
            if len(owners) == 1:
                return True
    return False


_INITIALS = re.compile(r"^((?:[A-Z]\.\s?){1,4})(.+)$")


def _merge_initials(groups, names):
    """``S. Kurvers`` and ``Sandra Kurvers``: initials and a surname are the person whose given
    names start with those letters, when exactly one such person is named."""
    for i, group in enumerate(groups):
        m = _INITIALS.match(group[0].label) if group[0].kind == "person" else None
        if m is None:
            continue
        surname, first = m.group(2).strip(), m.group(1)[0]
        fits = [j for j, other in enumerate(groups) if j != i and other[0].kind == "person"
                and not _INITIALS.match(other[0].label) and other[0].label.endswith(" " + surname)
                and other[0].label.startswith(first)]
        if len(fits) == 1:
            j = fits[0]
            groups[j] += group
            names[j] |= names[i]
            del groups[i], names[i]
            return _merge_initials(groups, names)
    return groups, names


#: Words that open a name as its legal form ("Stichting Zorggroep X" is "Zorggroep X").
_LEGAL_PREFIXES = ("stichting ",)


def _prefixed(a: str, b: str) -> bool:
    """Is ``b`` the name ``a`` with a legal-form word before it (``stichting zorggroep x``)?"""
    return any(b == prefix + a for prefix in _LEGAL_PREFIXES)


def _compounded(a: str, b: str, language: str) -> bool:
    """Is ``b`` the name ``a``, which opens with a head word, as the second part of a hyphenated
    compound (``Netzwerk TeleRhin`` / ``Telemedizin-Netzwerk TeleRhin``), also after a capitalised adjective
    (``Universität Bonn`` / ``Rheinische Friedrich-Wilhelms-Universität Bonn``)?"""
    words = a.split()
    prefix = b[:len(b) - len(a)].split()
    if len(words) < 2 or not b.endswith("-" + a) or len(prefix) > 2 \
            or len(prefix) == 2 and not (prefix[0][:1].isupper() and prefix[0].endswith(("e", "es", "er", "en"))):
        return False
    return bool(wordlist("cluster_words", language).word(words[0]) or wordlist("org_heads", language).word(words[0]))


def _longer_by_head(a: str, b: str, language: str) -> bool:
    """Is ``b`` the name ``a`` (two words or more) with up to four more words that end with a head
    word (``Liverpool University Hospitals`` / ``... NHS Foundation Trust``, ``Alder Hey`` /
    ``Alder Hey Children's NHS Foundation Trust``)?"""
    if len(a.split()) < 2 or not b.startswith(a + " "):
        return False
    rest = b[len(a) + 1:].split()
    return 1 <= len(rest) <= 4 and rest[0][:1].isupper() and bool(wordlist("org_heads", language).word(rest[-1]))


def _acronym_of_place(a: str, b: str, language: str) -> bool:
    """Is ``a`` an abbreviation alone (``GGD``, ``AOK``) and ``b`` that abbreviation with the place it serves
    (``GGD West-Brabant``, ``AOK Niedersachsen``)?"""
    from ingest.regions import lookup_region

    rest = b[len(a) + 1:] if b.startswith(a + " ") else ""
    return 2 <= len(a) <= 6 and a.isupper() and a.isalpha() and bool(rest) and lookup_region(rest, language) is not None


def _head_before(a: str, b: str, language: str) -> bool:
    """Is ``b`` the name ``a``, which opens with an abbreviation, after one head word that says what it is
    (``POM Limburg`` / ``Wirtschaftsförderungsgesellschaft POM Limburg``)?"""
    first = a.split()[0]
    head, _, rest = b.partition(" ")
    return (rest == a and len(first) >= 2 and first.isupper() and first.isalpha() and " " not in head
            and bool(wordlist("org_heads", language).word(head)))


def _described(a: str, b: str, language: str) -> bool:
    """Is ``b`` the one-word name ``a`` followed by words that describe it and end with a cluster or
    head word (``TartuMed`` / ``TartuMed Health Technology Cluster``, ``Medilink`` / ``Medilink
    Network``)?"""
    from ingest.false_friends import frequent

    if " " in a or len(a) < 4 or not b.startswith(a + " "):
        return False
    rest = b[len(a) + 1:].split()
    if not 1 <= len(rest) <= 4 or not all(w[:1].isupper() for w in rest):
        return False
    last = rest[-1]
    if not (wordlist("cluster_words", language).word(last) or wordlist("cluster_words", "en").word(last)
            or wordlist("org_heads", language).word(last)):
        return False
    return all(frequent(w, language, 3.5) for w in rest[:-1])


def _entity(group: list[Candidate], language: str) -> Entity:
    kinds = [c.kind for c in group]
    kind = max(set(kinds), key=lambda k: (kinds.count(k) + (0.5 if k == "cluster" else 0)))
    first = group[0]
    record = next((c.record for c in group if c.record is not None), None)
    if kind == "region" and record is not None:
        areas = [c.record for c in group if getattr(c.record, "kind", "") == "area"]
        record = areas[0] if areas else record
        label, slug = record.label, record.slug
    elif kind == "field" and record is not None and getattr(record, "slug", None):
        label = max((c.label for c in group), key=lambda s: (len(s), s))
        slug = record.slug
    else:
        named = [c for c in group if c.rule == "named-agreement"]  # "Zorgpact X", not "dat samenwerkingsakkoord"
        labels = {base_name(c.label, language) for c in named or group if c.kind == kind}
        if language in NORDIC:  # "Sundhedsnetværk Skive-Salling", not its genitive "... Skive-Sallings"
            labels = {x for x in labels if x[:-1] not in labels or not x.endswith("s")}
        label = max(labels, key=lambda s: (len(s), not re.search(r"\w+(?:ischen|lichen)\b", s), s))
        slug = slugify(canonical(label, language))
    alt = {c.label for c in group} | {a for c in group for a in c.aliases}
    if kind == "person":
        alt |= {c.text for c in group}
    entity = Entity(kind=kind, slug=slug, label=label, alt_labels={" ".join(a.split()) for a in alt} - {label},
                    mentions=[c.mention() for c in group], confidence=max(c.confidence for c in group))
    if record is not None:
        entity.same_as = set(getattr(record, "same_as", ()) or ())
        iso = getattr(record, "iso3166", None)
        if iso:
            entity.identifiers["iso3166"] = iso
        if kind == "region":
            entity.alt_labels |= set(getattr(record, "alt_labels", ()) or ())
            entity.alt_labels.discard(label)
        entity.concept = getattr(record, "concept", None)
    del first
    return entity


def agreement_slug(entity: Entity, party_slugs: list[str]) -> str:
    """An agreement's slug: its label and a short digest of its parties' slugs, so the same
    agreement of the same parties gets the same IRI and two letters of intent never share one."""
    digest = hashlib.sha1(" ".join(sorted(party_slugs)).encode()).hexdigest()[:8]
    base = slugify(entity.label, max_length=60)
    return f"{base}-{digest}"
