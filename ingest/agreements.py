"""Find agreements: letters of intent, cooperation agreements, partnerships, declarations.

An agreement rarely has a name, so its label is the agreement word with the purpose phrase that
follows it ("hensigtserklæring om at skabe en national organisation ...", "overeenkomst voor
grensoverschrijdende samenwerking"); the bare word is kept as another label.  Whether it becomes
an entity is decided by :mod:`ingest.relations`: it needs at least two parties.
"""
from __future__ import annotations

import re

from ingest.candidates import Candidate
from ingest.tokens import HAVE, QUOTES_CLOSE, QUOTES_OPEN, WITH_WORDS, Token, danish_definite, wordlist

#: Prepositions that open the purpose of an agreement.
PURPOSE = {"om", "over", "voor", "für", "zur", "zum", "über", "about", "on", "for", "to", "til",
           "vedr", "inden", "ter", "pour", "sur", "concerning"}
#: Prepositions that open the list of its parties.
BETWEEN = {"tussen", "zwischen", "between", "mellem", "among", "amongst", "entre", "met", "mit", "with", "med"}
#: A founding participle right after what was founded, at the end of the clause.
FOUNDED_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:aus der taufe gehoben|ins leben gerufen|gegründet|begründet"
                           r"|(?:\w+\s+)?boven de doopvont gehouden"
                           r"|in het leven geroepen|opgericht|opgezet|etableret|stiftet|søsat|oprettet)\b",
                           re.IGNORECASE)
#: A signing still to come ("The partners aim to sign a full agreement by the end of the year", "Die Partner wollen
#: bis Herbst einen Vertrag unterzeichnen", "De partners willen in het najaar een overeenkomst ondertekenen", "Parterne
#: vil underskrive en aftale"): it names no parties yet.
INTENDED_SIGNING = re.compile(
    r"\b(?:aims?|plans?|intends?|expects?|hopes?|wants?)\s+to\s+(?:sign|conclude|enter\s+into)\b"
    r"|\b(?:are|is)\s+to\s+(?:sign|conclude)\b|\b(?:will|shall)\s+(?:\w+\s+)?(?:sign|conclude|enter\s+into)\b"
    r"|\b(?:wollen|sollen|planen|möchten|werden)\b[^.;]*\b(?:unterzeichnen|abschließen|schließen)\b"
    r"|\b(?:willen|zullen|gaan|moeten|hopen|verwachten)\b[^.;]*\b(?:ondertekenen|tekenen|sluiten|afsluiten)\b"
    # "Parterne forventer at indgå en egentlig samarbejdsaftale ... inden udgangen af 2025"
    r"|\b(?:vil|skal|forventer\s+at|håber\s+at)\b[^.;]*\b(?:underskrive|indgå)\b", re.IGNORECASE)
#: Demonstratives: "dat samenwerkingsakkoord", "this agreement" point back to the agreement named last, of any kind.
_DEMONSTRATIVE = {"this", "that", "diese", "dieser", "dieses", "diesem", "diesen", "deze", "dit", "dat", "denne",
                  "dette", "cette", "cet"}
#: Words that make "the agreement" refer back to one named before.
_DEFINITE = {"the", "die", "das", "der", "de", "het", "den", "det", "la", "le"} | _DEMONSTRATIVE
#: Auxiliary verbs: after one, the agreement word's clause has begun and no purpose follows.
_AUXILIARIES = HAVE | {"was", "were", "is", "had", "wurde", "wurden", "ist", "werd", "werden", "wordt", "blev", "er",
                       "bliver"}
_STOP = {",", ".", ";", ":", "!", "?", "(", ")", "–", "—", '"', "„", "“", "”"}


def find_agreements(tokens: list[Token], sentence: int, text: str, language: str) -> list[Candidate]:
    """Agreement candidates of one sentence (body text only).

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
    """
    words = wordlist("agreement_words", language)
    signing = wordlist("verbs", language, "sign")
    out = []
    skip = -1
    for i, tok in enumerate(tokens):
        if not tok.is_word or i <= skip:
            continue
        hit = words.at(tokens, i) or ((1, "agreement") if _definite_form(tok, 1, language, words) else None)
        if not hit:  # "Aftalen" is the definite form of the word "aftale" itself, not of a compound
            continue
        if i and tokens[i - 1].low in _STAGE_TO and i > 1 and words.at(tokens, i - 2):
            continue  # "Fra hensigtserklæring til aftale", "from letter of intent to agreement": a stage, not one
        if hit[1] == "signed" and (not any(signing.at(tokens, k) for k in range(len(tokens)) if tokens[k].is_word)
                                   or i > 0 and words.at(tokens, i - 1)):
            continue  # "Daarmee is het Zorgpact X opgericht", "de intentieverklaring Zorgpact X": the cooperation
        n = hit[0]
        word_end = tokens[i + n - 1].end
        bare = " ".join(text[tok.start:word_end].split())
        label = bare
        first = _name_before(tokens, i) if n == 1 and tok.is_cap and tok.low in _NAME_WORDS else i
        if first == i and n == 1 and i >= 2 and not tok.is_cap and tokens[i - 1].low in _KIND_NOUNS:
            named = _name_before(tokens, i - 1)  # "the BHAT Network membership charter": a cluster's name and the
            first = named if named < i - 1 else i  # kind of agreement
        if first < i:  # "the North Wales Care Technology Compact": the agreement's own name
            cand = Candidate("agreement", tokens[first].start, word_end, text[tokens[first].start:word_end], sentence,
                             " ".join(text[tokens[first].start:word_end].split()), "named-agreement", 0.7)
            cand.aliases.add(bare)
            out.append(cand)
            continue
        placed = _place_after(tokens, i, language) if n == 1 and tok.is_cap else i
        if placed > i:  # "het Zorgpact Hageland", "der Pflegepakt Niedersachsen": the agreement's own name
            end = tokens[placed].end
            name = " ".join(text[tok.start:end].split())
            founded = hit[1] == "signed" and _founded_elsewhere(name, text)
            cand = Candidate("cluster" if founded else "agreement", tok.start, end, text[tok.start:end], sentence,
                             name, "named-agreement", 0.7)
            cand.aliases.add(bare)
            out.append(cand)
            skip = placed
            continue
        named_for = _cluster_after(tokens, i + n, language)
        if named_for > i + n:  # "de samenwerkingsovereenkomst Zorgnetwerk X": the agreement of the cluster it names
            label = f"{bare} {' '.join(text[tokens[i + n].start:tokens[named_for - 1].end].split())}"
            cand = Candidate("agreement", tok.start, word_end, text[tok.start:word_end], sentence, label,
                             "agreement-word", 0.7)
            cand.aliases.add(bare)
            out.append(cand)
            continue
        purpose = _purpose(tokens, i + n)
        if len(purpose) == 2 and purpose[0].low in _STAGE_TO and words.at(tokens, purpose[1].index):
            purpose = []  # "hensigtserklæring til aftale": the next stage, no purpose
        verb = next((k for k, t in enumerate(purpose) if k and (signing.word(t.text) or k + 1 < len(purpose)
                                                                  and _FOLLOWING.fullmatch(purpose[k + 1].low))), None)
        if verb is not None:  # "... voor de X ondertekend", "Die Vereinbarung zur X unterzeichneten A und B", "Die
            purpose = purpose[:verb]  # Vereinbarung zur X tragen folgende Partner:": the verb ends the purpose
            while purpose and purpose[-1].low in PURPOSE | _TRAILING:
                purpose = purpose[:-1]
        if purpose:
            label = f"{bare} {' '.join(text[purpose[0].start:purpose[-1].end].split())}"
        elif quoted := _quoted_end(tokens, i + n):  # "De intentieverklaring ‘Samen zorgen in X’": its own name
            label = f"{bare} {' '.join(text[tokens[i + n].start:tokens[quoted - 1].end].split())}"
            if quoted - i - n > 3 and _SAME_NAME.search(text, tokens[quoted - 1].end, tokens[quoted - 1].end + 250):
                # "... de samenwerkingsovereenkomst ‘Zorgzaam Maasland’. Daarmee is het gelijknamige zorgnetwerk
                # opgericht": the cluster it founds bears the agreement's name
                first, last = tokens[i + n + 1], tokens[quoted - 2]
                out.append(Candidate("cluster", first.start, last.end, text[first.start:last.end], sentence,
                                     " ".join(text[first.start:last.end].split()), "same-name-cluster", 0.7))
        anaphor = (i > 0 and tokens[i - 1].low in _DEFINITE or _definite_form(tok, n, language, words)) and not purpose
        pointing = anaphor and tokens[i - 1].low in _DEMONSTRATIVE
        rule = "agreement-demonstrative" if pointing else "agreement-anaphor" if anaphor else "agreement-word"
        cand = Candidate("agreement", tok.start, word_end, text[tok.start:word_end], sentence, label, rule, 0.7)
        cand.aliases.add(bare)
        k = i + n
        inner = words.at(tokens, k + 1) if k + 2 < len(tokens) and tokens[k].text == "(" else None
        if inner and k + 1 + inner[0] < len(tokens) and tokens[k + 1 + inner[0]].text == ")":
            # "memorandum of understanding (MoU)", "Absichtserklärung (Letter of Intent)": one agreement
            cand.aliases.add(" ".join(text[tokens[k + 1].start:tokens[k + inner[0]].end].split()))
            skip = k + inner[0]
        elif (other := _so_called(tokens, k, words)) is not None:
            # "eine Absichtserklärung – einen sogenannten Letter of Intent –": the same agreement by another word
            cand.aliases.add(" ".join(text[tokens[other[0]].start:tokens[other[1] - 1].end].split()))
            skip = other[1] - 1
        out.append(cand)
    return out


#: A cluster that bears the name of the agreement just named ("het gelijknamige zorgnetwerk", "das gleichnamige
#: Netzwerk", "the network of the same name", "netværket af samme navn").
_SAME_NAME = re.compile(r"\b(?:gelijknamige|gleichnamigen?|eponymous)\s+\w+|\bof the same name\b|\baf samme navn\b"
                        r"|\bmed samme navn\b", re.IGNORECASE)
#: Prepositions that lead from one kind of agreement to the next ("Fra hensigtserklæring til aftale").
_STAGE_TO = {"til", "to", "tot", "naar", "zur", "zum", "into"}
#: "sogenannt", "so-called", "zogenaamd", "såkaldt": another word for the same thing follows.
_SO_CALLED = re.compile(r"sogenannt\w*|so-called|zogenaamde?|såkaldt\w*")


def _so_called(tokens: list[Token], k: int, words) -> tuple[int, int] | None:
    """The span (first, end) of a second agreement word set off by a dash or comma after the first, with "so-called"
    before it ("– einen sogenannten Letter of Intent –", ", a so-called memorandum of understanding,"), or None."""
    if k + 2 >= len(tokens) or tokens[k].text not in {"–", "—", "-", ","}:
        return None
    j = k + 1
    if tokens[j].low in _ARTICLES_ANY:
        j += 1
    if j >= len(tokens) or not _SO_CALLED.fullmatch(tokens[j].low):
        return None
    hit = words.at(tokens, j + 1) if j + 1 < len(tokens) else None
    return (j + 1, j + 1 + hit[0]) if hit else None


#: Articles, definite and indefinite, before a second name of the agreement.
_ARTICLES_ANY = {"a", "an", "the", "ein", "eine", "einen", "einer", "die", "den", "der", "een", "de", "het", "en", "et",
                 "det"}
#: "folgende", "following": a list of the parties comes after the verb before it.
_FOLLOWING = re.compile(r"folgenden?|following|volgende|følgende")
#: Lower-case nouns of a kind of agreement between a name and the agreement word ("membership charter").
_KIND_NOUNS = {"membership", "partnership", "cooperation", "collaboration", "founding", "network"}
#: Agreement words that end an agreement's own name ("the X Health Innovation Compact", "the Y Charter").
_NAME_WORDS = {"compact", "charter", "pact", "accord", "covenant"}


def _name_before(tokens: list[Token], i: int) -> int:
    """The first token of a capitalised name that ends with the agreement word at ``i`` after "the" ("the
    North Wales Care Technology Compact", "the West of Scotland Health Innovation Compact"), else ``i``."""
    k = i
    while k > 0 and i - k < 8 and (tokens[k - 1].is_word and tokens[k - 1].is_cap
                                   or tokens[k - 1].low == "of" and k >= 2 and tokens[k - 2].is_cap):
        k -= 1
    return k if k < i and k > 0 and tokens[k - 1].low == "the" else i


def _founded_elsewhere(name: str, text: str) -> bool:
    """Does the text say that the pact ``name`` was founded ("Daarmee is het Zorgpact X officieel boven de doopvont
    gehouden")?  Then the name stands for the cooperation, which an agreement founded, not for the agreement."""
    return any(FOUNDED_AFTER.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _place_after(tokens: list[Token], i: int, language: str) -> int:
    """The last token of the places that follow a capitalised agreement compound at ``i`` and name it with it
    ("Zorgpact Hageland", "Gesundheitspakt Vlaams-Brabant"), else ``i``."""
    from ingest.gazetteer import gazetteer

    k = i
    while k + 1 < len(tokens) and k - i < 3 and tokens[k + 1].is_word and tokens[k + 1].is_cap \
            and (gazetteer().candidates(tokens[k + 1].text, language) or gazetteer().town(tokens[k + 1].text)):
        k += 1
    return k if k > i and len(tokens[i].text) > 6 else i  # a compound ("Zorgpact"), not the bare "Pact X"


def _cluster_after(tokens: list[Token], k: int, language: str) -> int:
    """The index after a cluster's name that opens at token ``k`` with a capitalised cluster word and goes on
    with capitalised words ("Zorgnetwerk Leie-Lys", "Gesundheitsnetz Harz"), else ``k``."""
    if k >= len(tokens) or not tokens[k].is_cap or not wordlist("cluster_words", language).word(tokens[k].text):
        return k
    end = k + 1
    while end < len(tokens) and end - k < 5 and tokens[end].is_word and tokens[end].is_cap:
        end += 1
    return end if end > k + 1 else k


def _definite_form(tok: Token, n: int, language: str, words) -> bool:
    """Does a Danish agreement word carry the definite ending ("Hensigtserklæringen blev
    underskrevet"), so that it refers back to the agreement named before?"""
    return language == "da" and n == 1 and danish_definite(tok.text, words)


def _purpose(tokens: list[Token], i: int) -> list[Token]:
    """The purpose phrase after an agreement word, right after it or after a list of parties
    (``tussen A en B voor ...``, ``getekend tussen A en B voor ...``) or a bracketed short form
    (``(MoU) on ...``) before it."""
    if i < len(tokens) and tokens[i].text == ",":
        return []  # "eine Absichtserklärung, mit der beide Seiten ein Angebot für X vorbereiten": a relative clause
    j = i
    while j < len(tokens) and tokens[j].low not in PURPOSE and tokens[j].text not in {".", ";", ":"} and j - i < 25:
        if tokens[j].low in _AUXILIARIES:
            return []  # "The memorandum was signed on Monday by ...": a clause, not a purpose
        j += 1
    if j >= len(tokens) or tokens[j].low not in PURPOSE:
        return []
    if j + 1 < len(tokens) and tokens[j].low == "on" and tokens[j + 1].low == "behalf":
        return []  # "sign the compact on behalf of their organisation": who signs, not what about
    if j > i and not any(t.low in BETWEEN for t in tokens[i:i + 3]) and tokens[i].text != "(":
        return []  # "Aftalen opretter X for ...": the clause of the agreement word, not its purpose
    k = j
    while k < len(tokens) and tokens[k].text not in _STOP and k - j < 14 and not _with_party(tokens, k) \
            and tokens[k].low not in _AUXILIARIES:  # "samarbejdsaftalen om TeleBro blev underskrevet": the verb
        k += 1
    quoted = _quoted_end(tokens, k)
    if quoted:  # "über den Aufbau des „Intensivnetz Nord“": the quoted name ends the purpose
        k = quoted
    phrase = tokens[j:k]
    while phrase and phrase[-1].low in PURPOSE | _TRAILING:
        phrase = phrase[:-1]
    return phrase if len(phrase) >= 2 else []


def _with_party(tokens: list[Token], k: int) -> bool:
    """Does a party follow "with" at token ``k`` ("... for sundhedsdesign med Jagiellonian University")?"""
    if k == 0 or tokens[k].low not in WITH_WORDS:
        return False
    nxt = k + 2 if k + 2 < len(tokens) and tokens[k + 1].low in _TRAILING else k + 1
    return nxt < len(tokens) and tokens[nxt].is_cap


#: Words that do not end a purpose phrase: conjunctions and articles ("to build an", "über den Aufbau des").
_TRAILING = {"og", "und", "en", "and", "de", "het", "der", "des", "den", "dem", "die", "das", "the", "a", "an", "een"}
#: Quotes that open a short name; Dutch and English single quotes open with ‘ ("de intentieverklaring ‘Samen zorgen’").
_QUOTES_OPEN = QUOTES_OPEN | {"‘"}


def _quoted_end(tokens: list[Token], k: int) -> int:
    """The index after the closing quote of a short quoted name opening at token ``k``, or 0."""
    if k >= len(tokens) or tokens[k].text not in _QUOTES_OPEN:
        return 0
    for m in range(k + 1, min(len(tokens), k + 9)):
        if tokens[m].text in QUOTES_CLOSE:
            return m + 1 if m > k + 1 else 0
        if tokens[m].text in _STOP:
            return 0
    return 0


def named_agreement(cand: Candidate, language: str) -> Candidate:
    """An actor's name that ends in an agreement word names the agreement (``West of Scotland Health
    Innovation Compact``, ``Alliance Charter``); other candidates are returned as they are."""
    words = cand.label.split()
    if cand.kind not in ("organisation", "cluster") or len(words) < 2 \
            or wordlist("agreement_words", language).word(words[-1]) is None:
        return cand
    named = Candidate("agreement", cand.start, cand.end, cand.text, cand.sentence, cand.label, "named-agreement", 0.7)
    named.aliases |= cand.aliases | {words[-1]}
    return named
