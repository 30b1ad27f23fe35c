"""Find persons named in a sentence.

A person is a run of two to four capitalised words that something marks as a person's name:

* a title before it (``Dr.``, ``Prof. Dr.``, ``dhr.``);
* a role word right before it (``innovatiemanager Corine ...``, ``direktør Jens ...``, ``CEO ...``);
* a common given name as its first word (``ingest/lexicon/given_names.tsv``);
* in a contact block, a line that holds nothing but the name, next to a role or phone line.

A party abbreviation in brackets right after the name (``(V)``) is not part of it.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ingest.boilerplate import CONTACT_HEADING
from ingest.candidates import Candidate
from ingest.lexicon import load_words
from ingest.name_spans import NAME_ADJECTIVES
from ingest.tokens import CALENDAR, Token, covered, pattern, wordlist

_PARTICLES = {"van", "von", "de", "der", "den", "ter", "ten", "zu", "da", "di", "le", "la", "du", "af", "el", "al",
              "op"}
#: A word with a capital inside it, not after "Mc"/"Mac" ("MedOptik", "TartuMed"): a brand, no name.
_CAMEL = re.compile(r"^(?!Mc|Mac)[A-ZÀ-Þ][a-zß-ÿ]{2,}[A-ZÀ-Þ]")
_NAME_CHARS = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")


def find_persons(tokens: list[Token], sentence: int, text: str, language: str,
                 zone: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Person candidates of one sentence.

    Parameters
    ----------
    tokens : list of Token
        The sentence's tokens.
    sentence : int
        Sentence index.
    text : str
        Document text.
    language : str
        ISO 639-1 code.
    zone : str
        "body", "contact" or "chrome" (see :mod:`ingest.boilerplate`).
    taken : list of (start, end)
        Spans already named as organisations, clusters or regions; a person never overlaps them.
    """
    given = wordlist("given_names", language, "given")
    roles = wordlist("roles", language)
    stop = wordlist("stopwords", language)
    heads = wordlist("org_heads", language)
    clusters = wordlist("cluster_words", language)
    out: list[Candidate] = []
    inside = covered(tokens, taken)

    def name_word(tok: Token) -> bool:
        return (tok.is_word and tok.text[:1].isupper() and bool(_NAME_CHARS.match(tok.text))
                and not _CAMEL.match(tok.text)
                and not tok.is_acronym and stop.word(tok.text) is None and tok.low not in CALENDAR
                and roles.word(tok.text) is None and heads.word(tok.text) is None
                and clusters.word(tok.text) is None and tok.index not in inside)

    def run_from(i: int) -> list[Token]:
        run: list[Token] = []
        j = i
        while j < len(tokens) and sum(t.is_word for t in run) < 4:
            tok = tokens[j]
            if name_word(tok):
                run.append(tok)
            elif _middle_initial(run, tok, tokens[j + 1:j + 2]) and name_word(tokens[j + 1]):
                run.append(tok)  # "Kristján Æ. Bergþórsson", "Hans J. Müller": the initial's full stop
            elif tok.low in _PARTICLES and run:
                k = j  # "van der Heijden", "Van den Broeck": particles up to the surname
                while k < len(tokens) and k - j < 3 and tokens[k].low in _PARTICLES:
                    k += 1
                if k >= len(tokens) or not name_word(tokens[k]) or any(
                        c.isupper() for part in tokens[k].text.split("-") for c in part[1:]) \
                        or len(run) >= 2 and k == j + 1 and (_town(tokens[k].text) or k + 1 < len(tokens)
                                                             and tokens[k + 1].is_word and _place(tokens[k + 1].text)) \
                        or len(run) >= 2 and k == j + 1 and tok.text == "van" and given.word(run[0].text) \
                        and not given.word(run[-1].text):
                    break  # "Tom Vercruysse van IDLab": an acronym or inner capital names no surname; "Marloes
                    # Verhoeven van Woensdrecht": after a full name, a town after one particle says where the person
                    # works, and so does a name that a place ends ("Marloes Kuipers van Horizon Flevoland"; but
                    # "Femke van der Linden"); after a given name and a surname, "van X" is where the person works
                    # ("Anouk Hulsman van Saxenburgh"; but "Jan Peter van Dijk")
                run.extend(tokens[j:k])
                j = k
                continue
            else:
                break
            j += 1
        while run and (run[-1].low in _PARTICLES or _INITIAL.fullmatch(run[-1].text)):
            run.pop()  # "gedeputeerde X Y van de Provincie Z": the particles lead to an organisation, not a surname;
            # and a name ends in no initial
        return run

    titles_only = pattern("person_titles", language)
    titles = [m for m in titles_only.finditer(text, tokens[0].start, tokens[-1].end)] \
        if tokens else []
    starts = [t.start for t in tokens]
    for m in titles:
        k = bisect_left(starts, m.end())  # the first token after the title
        run = run_from(k) if k < len(tokens) and tokens[k].start - m.end() <= 2 else []
        if len(run) >= 1 and (len(run) >= 2 or given.word(run[0].text)):
            cand = _make(text, sentence, run, "title-name", 0.95)
            cand.aliases.add(" ".join(text[m.start():run[-1].end].split()))
            out.append(cand)
    out += _initials_names(text, sentence, tokens, titles, roles, inside)
    titled = covered(tokens, [(c.start, c.end) for c in out])
    words, reach = len([t for t in tokens if t.is_word]), -1  # reach: end of the last name found below
    for i, tok in enumerate(tokens):
        if i in titled or tok.start < reach:
            continue
        before = tokens[i - 1] if i else None
        role_before = before is not None and before.is_word and (  # "LUMC-onderzoeker X": the role after a hyphen
            roles.word(before.text) is not None or roles.word(before.text.rsplit("-", 1)[-1]) is not None)
        if not name_word(tok):
            continue
        if i and name_word(tokens[i - 1]) and not role_before and not (
                given.word(tok.text) and _common_word(tokens[i - 1].text, language, _UNIT_WORD_ZIPF)):
            continue  # not the first word of a run ("our CEO Ciara Mulcahy": a capitalised role opens none);
            # but a given name after a common word starts one ("Wethouder Zorg en Welzijn Ruud Kampman")
        run = run_from(i)
        while run and titles_only.fullmatch(run[0].text):
            run = run[1:]  # "said Dr Marcus Fenwick, chief executive": the title is no part of the name
        if len(run) < 2 or _STREET_NAME.search(run[-1].text):
            continue  # "Niels Bohrs Vej", "Johanna Westerdijkplein": a street named after a person
        first_given = given.word(run[0].text.split("-")[0]) is not None  # "Jan-Willem": a given name
        alone = zone == "contact" and len(run) == words
        after = tokens[run[-1].index + 1:run[-1].index + 3]
        role_after = (len(after) == 2 and after[0].text == "," and after[1].is_word
                      and roles.word(after[1].text) is not None)
        if role_before and (first_given or len(run) <= 3 and not _common_word(run[0].text, language)
                            and not (language == "de" and run[0].low.endswith(NAME_ADJECTIVES))
                            and not _place(run[-1].text)):  # "communicatieadviseur Zorgtech Flevoland"
            # not "Leiter Klinische Lösungen Deutschland bei X": an adjective opens a unit's name
            out.append(_make(text, sentence, run, "role-name", 0.9))
        elif role_after and len(run) <= 4:
            out.append(_make(text, sentence, run, "name-role", 0.8))
        elif first_given:
            out.append(_make(text, sentence, run, "given-name", 0.8 if zone != "contact" else 0.85))
        elif alone and len(run) <= 3 and not _place_or_body(text[run[0].start:run[-1].end], language) \
                and not CONTACT_HEADING.match(text[tokens[0].start:tokens[-1].end]):  # "Ihr Kontakt": the block's heading
            if all(_common_word(t.text, language) for t in run):  # "Scottish Enterprise", "Digital Lead": words
                out.append(_make(text, sentence, run, "contact-organisation", 0.6, kind="organisation"))
            else:
                out.append(_make(text, sentence, run, "contact-name", 0.6))
        if out and out[-1].start == tok.start:
            reach = max(reach, out[-1].end)
    return out


#: One capital letter: a given name's initial.
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def _middle_initial(run: list[Token], stop: Token, after: list[Token]) -> bool:
    """A full stop right after a name's initial, with a word after it (``Hans J. Müller``)."""
    return (len(run) >= 2 and stop.text == "." and _INITIAL.fullmatch(run[-1].text) is not None
            and stop.start == run[-1].end and bool(after) and after[0].start == stop.end + 1)


#: Initials and a surname ("B. Hendrix", "J.W.M. Smeets", "M.H. van Rooij").
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}\s?(?:(?:van|de|der|den|ter|ten|von|zu)\s+){0,2}[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?\b")
#: Before initials: a title or role word ("mevrouw", "mr.", "wethouder") or a column gap of a signature block.
_BEFORE_INITIALS = re.compile(r"\S(?: {3,}|\t)$")


def _initials_names(text: str, sentence: int, tokens: list[Token], titles, roles, inside) -> list[Candidate]:
    """Initials and a surname after a title or a role word ("mevrouw B. Hendrix", "wethouder S. Kurvers"),
    or opening a column of a signature block ("mr. J.W.M. Smeets      M.H. van Rooij")."""
    if not tokens:
        return []
    out = []
    title_at = {m.end(): m.start() for m in titles}  # where a title ending there starts
    start = tokens[0].start
    taken = [(t.start, t.end) for t in tokens if t.index in inside]
    taken_starts = [a for a, _ in taken]
    for m in _INITIALS.finditer(text, start, tokens[-1].end):
        k = bisect_left(taken_starts, m.end())  # taken spans starting before the match ends
        if k and taken[k - 1][1] > m.start() or any(a < m.end() and m.start() < b for a, b in taken[max(0, k - 3):k]):
            continue
        title = title_at.get(m.start(), title_at.get(m.start() - 1))
        window = text[max(start, m.start() - 40):m.start()]  # a bounded look back: linear on long lines
        words = window.split()
        role = bool(words) and roles.word(words[-1].strip(",:")) is not None
        opens = m.start() == start or bool(_BEFORE_INITIALS.search(window))
        if title is None and not role and not opens:
            continue
        label = " ".join(m.group().split())
        cand = Candidate("person", m.start(), m.end(), m.group(), sentence, label, "initials-name", 0.8)
        if title is not None:
            cand.aliases.add(" ".join(text[title:m.end()].split()))
        out.append(cand)
    return out


#: A word this frequent in English or the document's language opens no name after a bare role
#: ("directeur Connected Care Benelux", "Bereichsleiter Medical Devices": a business unit).
_COMMON_ZIPF = 4.3


def _common_word(word: str, language: str, floor: float = 0.0) -> bool:
    from ingest.false_friends import frequent

    return frequent(word, language, floor or _COMMON_ZIPF)


#: How common the word before a given name must be for the name to start there: a unit's common word
#: ("direktør for Sundhed og Omsorg Mette X", "Wethouder Zorg en Welzijn Ruud Kampman"), not a surname.
_UNIT_WORD_ZIPF = 3.8


#: The last word of a street's name: a street word, or a compound ending in one ("Westerdijkplein").
_STREET_NAME = re.compile(r"^(?:Vej|Gade|Plads|Straße|Strasse|Street|Road|Avenue|Allee|Platz|Plein|Straat|Weg)$"
                          r"|\w{3}(?:straße|strasse|straat|plein|laan|vej|gade|plads|platz|allee|weg)$")


def _make(text: str, sentence: int, run: list[Token], rule: str, confidence: float,
          kind: str = "person") -> Candidate:
    while run and run[-1].low in _PARTICLES:
        run = run[:-1]
    start, end = run[0].start, run[-1].end
    label = " ".join(text[start:end].split())
    return Candidate(kind, start, end, text[start:end], sentence, label, rule, confidence)


def _place(word: str) -> bool:
    """Is ``word`` a city or region of the reference data (not a small town: surnames name many)?"""
    from ingest.regions import lookup_region

    return word[:1].isupper() and lookup_region(word, "und") is not None


def _town(word: str) -> bool:
    """Is ``word`` a town or city of the reference data?"""
    from ingest.gazetteer import gazetteer

    return gazetteer().town(word) is not None


def _place_or_body(name: str, language: str) -> bool:
    """``Region Skåne``, ``Provincie Limburg``, ``Aarhus Kommune`` alone on a contact line name a
    region or its authority, not a person: a region of the gazetteer or a word of either kind; so
    does a name that opens with a town, not a given name (``Rostock Business``)."""
    from ingest.regions import lookup_region

    words = name.split()
    heads = wordlist("org_heads", language)
    triggers = {row.form.casefold() for row in load_words("region_words") if row.kind == "trigger"}
    return (lookup_region(name, language) is not None or any(heads.word(w) for w in words)
            or any(w.casefold() in triggers for w in words)
            or lookup_region(words[0], language) is not None
            and not wordlist("given_names", language, "given").word(words[0]))
