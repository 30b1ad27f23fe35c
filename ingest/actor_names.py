"""Organisation names that only their place in the page marks: items of a member or signatory
list, and a name with an appositive that says what it is.

* ``Our members include:`` / ``Mitglieder:`` / ``Ondertekenaars:`` followed by list items: an item
  that is nothing but a capitalised name (``- Carewell Robotics``) names an organisation;
* ``Harbour Medical, a medical device company from Stavanger``; ``Medvisa, een Zeeuws
  zorgtechnologiebedrijf``: a capitalised run followed by an indefinite article and a company word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.actor_rules import SIGNS_FOR
from ingest.actors import LOWER_HEADS
from ingest.candidates import Candidate, clean_label
from ingest.false_friends import COMMON_ZIPF, frequent, zipf
from ingest.lexicon import words
from ingest.model import Sentence
from ingest.name_spans import PLACE_LINKS
from ingest.records import records, value_items
from ingest.sentences import LIST_MARK
from ingest.tables import RULE_ROW, is_header_row
from ingest.tokens import AND_WORDS, CALENDAR, FROM_WORDS, pattern, tokenize, wordlist

#: A heading line that announces a list of actors.
LIST_HEADING = re.compile(
    r"\b(?:members?|mitglieder\w*|\w*partner\w*|leden|lidorganisaties|medlemmer|deelnemers|teilnehmer\w*"
    r"|signatories|unterzeichner\w*|ondertekenaars|underskrivere|participants|founders|gründungsmitglieder"
    r"|partijen|parteien|parties|parter|parterne|unterzeichnet|ondertekend|underskrevet|signed"
    # "De intentieverklaring werd getekend door:", "Unterschrieben haben:", "Aftalen blev signeret af:"
    r"|getekend|tekenden|ondertekenden|unterschrieben|unterzeichneten|underskrev|signeret|signerede)\b"
    r"[^:\n]{0,60}:\s*$"
    r"|\b(?:velkommen til|welcomed?|begrüßt|begrüßen|willkommen|verwelkomd|verwelkomen|welkom aan)\s*:\s*$"  # new members
    # "Wir stellen die Neuen kurz vor:", "Meet the newcomers:", "De nieuwkomers op een rij:", "Her er de nye:"
    r"|\b(?:die neuen|neuzugänge|newcomers|nieuwkomers|de nye|nytilkomne)\b[^:\n]{0,40}:\s*$"
    # "Neu im Netzwerk sind:", "New to the network are:", "Nieuw in het netwerk zijn:", "Nye i netværket er:"
    r"|^\W*(?:neu\s+(?:im|in der|in)|new\s+(?:in|to)(?:\s+the)?|nieuw\s+in(?:\s+het|\s+de)?|nye\s+i)\s+\w+"
    r"\s+(?:sind|are|zijn|er)\s*:\s*$"
    # "Zum HerzNetz Mitteldeutschland gehören:", "Het consortium bestaat uit:", "The network includes:"
    r"|\b(?:gehören|angehören|zählen|behoren|hører til|include|includes|comprises?|consists? of|bestaat uit"
    r"|bestaan uit|består af|besteht aus|bestehen aus|umfasst|omfatter)\s*:\s*$"
    # "Der Allianz gehören folgende Einrichtungen an:", "the following organisations:", "følgende kommuner:"
    r"|\b(?:folgende\w*|following|volgende|følgende)\s+(?:\w+\s+)?(?:einrichtungen|organisationen|institutionen"
    r"|unternehmen|hochschulen|kliniken|kommunen|organisations?|organizations?|institutions|companies|universities"
    r"|hospitals|councils|organisaties|instellingen|bedrijven|ziekenhuizen|gemeenten|organisationer|institutioner"
    r"|virksomheder|kommuner|regioner|hospitaler)\b[^:\n]{0,30}:\s*$",
    re.IGNORECASE)
#: A heading line that is nothing but the list word ("Partners", "Mitglieder (Auswahl)", "Lead partner").
BARE_HEADING = re.compile(
    r"^\s*(?:the\s+|die\s+|de\s+)?(?:our\s+|unsere\s+|onze\s+|vores\s+|project\s*|projekt\s*)?"
    r"(?:new\s+|neuen?\s+|nieuwe\s+|nye\s+|founding\s+|stichtende\s+)?(?:lead[\s-]?partners?|members?|mitglieder"
    r"|partner(?:s|innen|e)?|leden|deelnemers|medlemmer|teilnehmer\w*|participants|signatories|unterzeichner\w*"
    r"|ondertekenaars|underskrivere|gründungsmitglieder|founding\s+members|penvoerder|partnerorganisationen)"
    r"(?:\s+(?:include|includes|are|zijn|sind|er|omfatter|umfassen))?\s*(?:\([^)\n]{0,30}\))?"
    # "Ondertekenaars van de intentieverklaring", "Unterzeichner der Absichtserklärung", "Members of the alliance"
    r"(?:\s+(?:van|of|der|des|af|for)\s+(?:de\s+|het\s+|the\s+|die\s+|den\s+)?[^\W\d][\w-]*)?"
    # "The partners and their roles", "Die Partner und ihre Aufgaben", "Partnerne og deres roller"
    r"(?:\s+(?:and|und|en|og)\s+(?:their|ihre|hun|deres)\s+[^\W\d]+)?"
    # "Die neuen Mitglieder im Überblick", "The new members at a glance", "De nieuwe leden op een rij"
    r"(?:\s+(?:im überblick|auf einen blick|kurz vorgestellt|at a glance|in brief|in short|op een rij|in het kort"
    r"|in vogelvlucht|i overblik|kort fortalt|kort præsenteret))?\s*:?\s*$",
    re.IGNORECASE)
#: A heading over the one actor that leads a project or network.
LEAD_HEADING = re.compile(r"^\s*(?:lead[\s-]?partner|penvoerder|hovedpartner|projektkoordinator|coordinator"
                          r"|koordinator|projektleitung)\s*:?\s*$", re.IGNORECASE)
_CONJUNCTIONS = {"og", "and", "und", "en", "et"}
#: Words that name a public authority by its area ("Region Västerbotten and Umeå University": two names).
_AUTHORITY_WORDS = {"region", "regio", "provincie", "provinz", "gemeente", "kommune", "landkreis", "kreis", "county"}
_ITEM = re.compile(rf"^\s*(?:{LIST_MARK}|\|)\s+(.+?)\s*\|?\s*$")
_JOINERS = {"w", "of", "for", "für", "van", "voor", "for", "&", "and", "und", "en", "og", "de", "der", "i", "zu"}
_APPOSITIVE = re.compile(r"^,\s+(?:(?P<definite>the|het|das|der|die)|a|an|een|ein|eine|en|et)\s+(?P<words>(?:[\w-]+\s*){1,5})")
#: Nouns for a company (also as a compound's head: "Softwarehersteller").
COMPANY_NOUN = re.compile(r"(?:company|firm|startup|start-up|spin-off|manufacturer|maker|provider|developer|supplier"
                          r"|bedrijf|onderneming|leverancier|producent|virksomhed|producent|leverandør"
                          r"|unternehmen|firma|hersteller|anbieter)$", re.IGNORECASE)


def is_list_heading(line: str) -> bool:
    """Whether a line announces a list of actors (``Our members include:``, ``Partners``), not of the
    fields the actors work in (``Die Partner arbeiten in drei Themenfeldern zusammen:``)."""
    if LIST_HEADING.search(line) and _field_heading().search(line):
        return False
    return bool(LIST_HEADING.search(line) or BARE_HEADING.match(line) or LEAD_HEADING.match(line))


@lru_cache(maxsize=1)
def _field_heading() -> re.Pattern:
    """The words of any language that head a list of fields (``Themenfeldern``, ``focus areas``)."""
    forms = sorted({row.form for row in words("field_words", "heading")}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def list_items(text: str, sentences: list[Sentence], index: int, zones: dict[int, str]) -> list[Sentence]:
    """The items under the heading ``sentences[index]``: bulleted lines, or under a bare heading
    also plain short lines of the paragraph that follows it (no blank line between the items)."""
    items = []
    heading = sentences[index].text
    bare = BARE_HEADING.match(heading) is not None or LEAD_HEADING.match(heading) is not None
    for item in sentences[index + 1:]:
        if zones.get(item.index) == "chrome":
            break
        if is_header_row(item.text) or RULE_ROW.match(item.text):
            continue
        if _ITEM.match(item.text):
            items.append(item)
            continue
        if items and _ITEM.match(items[-1].text) and "\n" not in text[sentences[item.index - 1].end:item.start]:
            continue  # "- Lead partner. Clinical test sites at ...": the item's next sentence, on its line
        if any(_ITEM.match(i.text) for i in items) and _sub_heading(sentences, item) and not is_list_heading(item.text):
            continue  # "Companies" between two runs of bullets: one list in groups
        if items and _numbered_on(sentences, items[-1], item, zones):
            continue  # "1) A" + a paragraph on A + "2) B": numbered sections, one list
        previous = sentences[item.index - 1]
        if bare and not items or bare and not _ITEM.match(items[0].text):
            # a blank line may part the heading from its first item ("Partnere\n\nRegion X (DK)")
            parted = "\n\n" in text[previous.end:item.start] and (items or item.index > index + 1)
            if parted or len(item.text) > 90 or item.text.rstrip().endswith("."):
                break
            if not is_list_heading(item.text):
                items.append(item)
                continue
        break
    return items


_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")


def _numbered_on(sentences: list[Sentence], last: Sentence, line: Sentence, zones: dict[int, str]) -> bool:
    """Is ``line`` text between a numbered item ``last`` ("1) A") and the next number ("2) B"), which comes
    within eight sentences and no chrome?"""
    m = _NUMBER.match(last.text)
    if m is None:
        return False
    nxt = re.compile(rf"^\s*{int(m.group(1)) + 1}[.)]\s")
    for later in sentences[line.index:line.index + 8]:
        if zones.get(later.index) == "chrome":
            return False
        if nxt.match(later.text):
            return True
    return False


#: Sub-headings of a list that name no members (funders, observers, a board or team, contacts).
_NOT_MEMBERS = re.compile(r"fund|förder|financ|sponsor|support|unterstütz|steun|støt|observ|beobacht|waarnem|board"
                          r"|vorstand|bestuur|bestyrelse|styregrupp|steering|lenkung|stuurgroep|beirat|team|kontakt"
                          r"|contact|direktion|directie|ledelse|management", re.IGNORECASE)


def _sub_heading(sentences: list[Sentence], line: Sentence) -> bool:
    """Is ``line`` a short group heading inside a bulleted list (bullets follow it)?"""
    text = line.text.strip()
    following = sentences[line.index + 1] if line.index + 1 < len(sentences) else None
    return (0 < len(text.split()) <= 4 and not text.endswith(".") and following is not None
            and bool(_ITEM.match(following.text)) and not _NOT_MEMBERS.search(text))


def listed_names(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """Organisations named by list items under a heading that announces actors and by the value of a
    lead or partners line (``Partner: A; B, Ort``; the cells of tables are read by
    :func:`ingest.tables.table_names`); a trailing place (``Peelland Ziekenhuis, Helmond``,
    ``AZ Maritiem, Ostend (BE)``) is cut off."""
    out = []
    for s in sentences:
        if zones.get(s.index) != "body" or not is_list_heading(s.text):
            continue
        for item in list_items(text, sentences, s.index, zones):
            if _description(text, item):
                continue
            m = _ITEM.match(item.text)
            start = item.start + m.start(1) if m else item.start + len(item.text) - len(item.text.lstrip())
            signs_for = SIGNS_FOR.search(item.text)
            if signs_for:
                start = item.start + signs_for.end()
            article = _LEADING_ARTICLE.match(text[start:start + 8])
            start += article.end() if article else 0  # "- de Christelijke Mutualiteit (CM)"
            name = name_run(text, language, item, start)
            if name is not None:
                out.append(name)
    for s in sentences:  # "... has admitted four new members: A (A), the B, C and D."
        m = _INLINE_MEMBERS.search(s.text) if zones.get(s.index) == "body" else None
        parts = _inline_parts(s.start + m.end(), s.end, text) if m else []
        for start, end in parts if len(parts) > 1 else ():  # one part is a headline's clause ("Fünf neue
            # Mitglieder: Allianz X wächst weiter"), not a list
            name = name_run(text, language, s, start, end)
            if name is not None and not (" " not in name.text and frequent(name.text, language)) \
                    and not _place(name.text):  # not "Gesundheit" of "Ministerium für Arbeit, Gesundheit und
                out.append(name)  # Soziales", nor the seat in "Partner: A GmbH, Bad Saarow; B GmbH, Cottbus"
    for record in records(text, sentences, zones):
        if record.kind in ("lead", "partners") and zones.get(record.sentence.index) == "body":
            for start in value_items(record, text):
                name = name_run(text, language, record.sentence, start)
                if name is not None:
                    out.append(name)
    return out


#: A word for members or partners and a colon inside a sentence, the list following on the same line.
_INLINE_MEMBERS = re.compile(r"\b(?:members?|partners?|mitglieder|partner|leden|deelnemers|medlemmer|partnere"
                             r"|signatories|unterzeichner)\s*:\s+(?=\S)", re.IGNORECASE)
_INLINE_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|und|en|og|sowie)\s+)?|\s+(?:and|und|en|og|sowie)\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|die|der|das|de|het)\s+", re.IGNORECASE)


def _inline_parts(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """The (start, end) of each part of a list written in a sentence, up to its full stop, without a leading
    article ("University Hospital Limerick (UHL), the Technological University of the Shannon (TUS), Cook Medical
    and Vitalograph")."""
    stop = re.search(r"\.(?:\s|$)|;|\n", text[start:end])
    end = start + stop.start() if stop else end
    parts, cursor = [], start
    for sep in list(_INLINE_SEPARATOR.finditer(text, start, end)) + [None]:
        part_end = sep.start() if sep else end
        article = _LEADING_ARTICLE.match(text[cursor:part_end])
        if part_end > cursor:
            parts.append((cursor + (article.end() if article else 0), part_end))
        cursor = sep.end() if sep else end
    return parts


def _place(name: str) -> bool:
    """Is ``name`` a town or city of the reference data?"""
    from ingest.gazetteer import gazetteer  # the gazetteer's module reads names through this one

    return gazetteer().town(name) is not None or bool(gazetteer().forms.get(name))


def _description(text: str, item: Sentence) -> bool:
    """Is a list item a description under a name (a definition list read as bullets: "- Lead partner.
    Clinical test sites at ...", "- Perth-based care home provider; test sites for falls detection.")? It ends
    in a full stop and goes on in another sentence on its line, or is a sentence of mostly lower-case words."""
    body = item.text.rstrip()
    if re.search(r"\s[–—-]\s|:\s", body):
        return False  # "- Designskolen Kolding – bidrager med servicedesign ...": a name and what it does
    if not body.endswith(".") or re.search(r"(?:\b[A-Z]\.|\b(?:Ltd|Inc|Co|Corp|e\.\s?V|B\.\s?V|N\.\s?V|S\.A)\.)$", body):
        return False
    line_end = text.find("\n", item.end)
    goes_on = bool(text[item.end:line_end if line_end >= 0 else len(text)].strip())
    words = re.findall(r"[^\W\d_][\w'’-]*", body)
    return goes_on or len(words) >= 4 and sum(w[0].islower() for w in words) * 2 > len(words)


def _place_link(words: list, k: int) -> bool:
    """Whether ``words[k]`` is a place's own link word between two capitalised words ("gemeente Voorne aan Zee",
    "Stadt Frankfurt am Main")."""
    return words[k].low in PLACE_LINKS and 0 < k < len(words) - 1 and words[k - 1].is_cap and words[k + 1].is_cap


def name_run(text: str, language: str, sentence: Sentence, start: int, end: int | None = None,
             rule: str = "list-item-name") -> Candidate | None:
    """The capitalised name that opens ``text[start:end]`` (up to a comma, semicolon, bracket, bar or
    dash; lower-case words too when it ends in a lower-case institution head, ``Rīgas Stradiņa
    universitāte``), as an organisation, or None.  Only a bounded window is read: one list item or cell, not
    the whole line."""
    line_end = text.find("\n", start, sentence.end)
    limit = min(line_end if line_end > 0 else sentence.end, start + 300, end if end is not None else sentence.end)
    tokens = tokenize(Sentence(sentence.index, start, limit, text[start:limit]))
    cut = next((k for k, t in enumerate(tokens) if k > 0 and (t.text in (",", "(", "|", "–", "—", ";") or (
        t.low in FROM_WORDS and k + 1 < len(tokens) and tokens[k + 1].is_cap))), None)
    if cut is not None:
        tokens = tokens[:cut]  # "Name, Place (CC)", "DSW Zorgverzekeraar uit Schiedam": the place is not in the name
    heads = wordlist("org_heads", language)
    for k, tok in enumerate(tokens):
        if tok.low in _CONJUNCTIONS and any(heads.word(t.text) or t.low in _AUTHORITY_WORDS for t in tokens[:k]) \
                and any(heads.word(t.text) for t in tokens[k + 1:]):
            tokens = tokens[:k]  # "Holbæk Kommune og Kalundborg Kommune": two names, each with its head
            break
    while len(tokens) > 1 and tokens[-1].low in _CONJUNCTIONS | {"sowie", "samt", "evenals", "as"}:
        tokens = tokens[:-1]  # "- die Landeshauptstadt Mainz sowie": the list goes on in the next item
    if len(tokens) > 1 and tokens[-1].text == "." and tokens[-2].is_word and len(tokens[-2].text) > 1 \
            and not pattern("legal_forms", language).fullmatch(tokens[-2].text + "."):
        tokens = tokens[:-1]  # "3. Exeter City Council.": the item's full stop ends the sentence, not the name
    stop = wordlist("stopwords", language)
    if len(tokens) > 1 and re.fullmatch(r"\d+\.\d+", tokens[-1].text):
        version, tokens = tokens[-1], tokens[:-1]  # "Beweging 3.0", "Hjemmet 2.0": a version number ends the name
    else:
        version = None
    words = [t for t in tokens if t.is_word]
    # "Kauno technologijos universitetas (KTU)", "Albert Schweitzer ziekenhuis", "Sirona care & health":
    # lower-case words after a capitalised first word, up to a lower-case head or after a coined first word
    lower_head = bool(words) and (words[-1].low in LOWER_HEADS or len(words) > 1 and not words[-1].is_cap and (
        heads.word(words[-1].text) or not frequent(words[0].text, language) and len(words) <= 4))
    # "gemeente Dordrecht, mede namens ...": an authority word in lower case opens the name
    authority = len(words) > 1 and words[0].low in _AUTHORITY_WORDS and words[1].is_cap
    if not words or len(words) > 6 or not (words[0].is_cap or authority) or not (words[-1].is_cap or lower_head):
        return None
    if any(not t.is_cap and t.low not in _JOINERS and not lower_head and not _place_link(words, k)
           for k, t in enumerate(words) if k >= authority) or any(
            not t.is_word and t.text not in "&.-'’/" for t in tokens):
        return None
    if stop.word(words[0].text) or words[0].low in CALENDAR:
        return None
    end = (version or tokens[-1]).end
    span = text[words[0].start:end]
    return Candidate("organisation", words[0].start, end, span, sentence.index, clean_label(span), rule, 0.7)


#: A verb phrase that says the subject gathers several actors ("X brings together seven partners").
_GATHERS = re.compile(r"^\s+(?:brings together|unites|gathers|connects|bündelt|vereint|verbindet|bringt\s"
                      r"|brengt\s|verbindt|verenigt|samler|forener|bringer\s)", re.IGNORECASE)


def title_clusters(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """A page title of capitalised words that a body sentence then opens with a gathering verb
    (``CareBridge North Sea`` ... ``CareBridge North Sea brings together seven partners``) names
    a cluster: the project or network the page is about."""
    out = []
    for s in sentences[:12]:
        words = s.text.split()
        if zones.get(s.index) == "chrome" or not 1 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
            continue
        name = s.text.strip()
        for later in sentences[s.index + 1:]:
            if zones.get(later.index) == "body" and later.text.startswith(name) and _GATHERS.match(later.text[len(name):]):
                start = s.start + s.text.index(name)
                out.append(Candidate("cluster", start, start + len(name), name, s.index, clean_label(name),
                                     "title-cluster", 0.75))
                break
    return out


#: "X er Nordjyllands klynge for ...", "X is a network of ...", "X ist ein Netzwerk ...", "X brings together
#: nine partners": X is a cluster.
_IS_CLUSTER = re.compile(
    r"^\s+(?:is|ist|er)\s+(?:(?:a|an|the|een|het|de|ein|eine|das|der|en|et)\s+|[A-ZÀ-Þ]\w+s\s+)(?:[\w-]+\s+){0,2}?"
    r"(?:cluster|klynge|netværk|innovationsnetværk|netzwerk|netwerk|network|alliance|allianz|bündnis"
    r"|partnership|consortium|konsortium|samenwerkingsverband|membership organi[sz]ation|medlemsorganisation|medlemsforening"
    r"|mitgliederorganisation|ledenorganisatie"
    r"|(?:project|projekt)\s+(?:waarin|in which|where|with|mit|in dem|hvor|med|i hvilket))\b"
    # "ISOLA-CARE brings together nine partners", "X bündelt zwölf Partner", "X samler 14 partnere"
    r"|^\s+(?:brings together|unites|gathers|bündelt|vereint|brengt|verenigt|samler|forener)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:partners?|partnere|partnerne|partijen|organisations?|organizations?|organisaties|organisationer"
    r"|members|mitglieder|leden|medlemmer|institutions|einrichtungen|instellingen)\b", re.IGNORECASE)
#: "X, the cluster for medical technology", "X, das Netzwerk der ...", "X, the regional network that
#: hosted us", "X (ABBR), et nyt projekt": an appositive says X is a cluster.
_APPOSITIVE_CLUSTER = re.compile(
    r"^\s*,\s+(?:the|das|het|de|det|den|a|an|ein|eine|een|et|en)\s+(?:[\w-]+\s+){0,4}?(?:cluster|klynge|netværk|netzwerk"
    r"|netwerk|network|alliance|allianz|bündnis|alliantie|consortium|konsortium|partnership|partnerschaft|partnerschap"
    r"|partnerskab)\s+(?:for|of|für|der|des|voor|van|for|i|in|between|zwischen|tussen|mellem"
    r"|that|which|der|die|das|dat|som|managed|run|led|coordinated|based|hosted|geleitet|koordiniert|getrokken"
    r"|ledet|drevet)\b"
    # "X (XY), et nyt projekt under Interreg", "X, a new project on", "X, ein neues Interreg-Projekt"
    r"|^\s*(?:\([^()\n]{1,12}\)\s*)?,\s+(?:a|an|ein|eine|een|et|en)\s+(?:[^\s,;:]+\s+){0,6}?[\w-]*(?:project|projekt)\b",
    re.IGNORECASE)


def copula_clusters(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """A capitalised name that opens a sentence saying it is a cluster or network, or that an
    appositive calls a cluster (``X, the cluster for medical technology``)."""
    out = []
    stop = wordlist("stopwords", language)
    for s in sentences:
        if zones.get(s.index) != "body":
            continue
        tokens = tokenize(s)
        for i, first in enumerate(tokens):
            if not (first.is_word and first.is_cap) or i and tokens[i - 1].is_word and tokens[i - 1].is_cap:
                continue
            words = []
            for k, tok in enumerate(tokens[i:], i):
                if tok.text in "–-" and words and words[-1].end == tok.start and k + 1 < len(tokens) \
                        and tokens[k + 1].start == tok.end and tokens[k + 1].is_cap:
                    continue  # "Birmingham–Brno MedTech Bridge": two places joined by a dash open the name
                if not (tok.is_word and tok.is_cap) or len(words) == 5:
                    break
                words.append(tok)
            rest = text[words[-1].end:s.end]
            pattern = _IS_CLUSTER if i == 0 else _APPOSITIVE_CLUSTER
            if stop.word(words[0].text) or not (pattern.match(rest) or i == 0 and _APPOSITIVE_CLUSTER.match(rest)):
                continue
            if len(words) == 1 and zipf(words[0].text, language) >= COMMON_ZIPF:
                continue  # "Seitdem ist das Netzwerk gewachsen": a common word opens the sentence, no name
            if i >= 2 and tokens[i - 1].low in _CONJUNCTIONS and tokens[i - 2].is_word and not tokens[i - 2].is_cap:
                continue  # "mensen met hartfalen en COPD, een project waarin ...": the last of common nouns
            span = text[words[0].start:words[-1].end]
            out.append(Candidate("cluster", words[0].start, words[-1].end, span, s.index, clean_label(span),
                                 "copula-cluster", 0.7))
    return out


_NAME_RUN = r"(?P<name>[A-ZÀ-Þ][\w-]*(?:\s+(?:[A-ZÀ-Þ][\w-]*|for|für|voor|of|og|und|en|and|&)){0,4}?)"
#: Verbs of forming a cluster together ("A en B vormen het nieuwe X", "A und B bilden das Netzwerk X").
FORMING_VERBS = r"(?:vormen|vormden|bilden|bildeten|form|formed|danner|dannede|udgør)"
#: The whole capitalised run, which ends on a capitalised word ("to set up the Highland Remote Diagnostics Testbed").
_WHOLE_NAME_RUN = r"(?P<name>[A-ZÀ-Þ][\w-]*(?:(?:\s+(?:for|für|voor|of|og|und|en|and|&))?\s+[A-ZÀ-Þ][\w-]*){0,4})"
#: Phrases that say a name is founded ("om samen Zorglab Noord op te zetten", "to establish X").
_FOUNDED = [
    re.compile(r"\bom\s+(?:samen\s+|gezamenlijk\s+)?(?:het\s+|de\s+)?" + _NAME_RUN + r"\s+op\s+te\s+(?:zetten|richten)\b"),
    re.compile(r"\b(?:to\s+(?:establish|set\s+up|launch|create|found|form|build)|establishing|launching)\s+(?:the\s+)?"
               + _WHOLE_NAME_RUN + r"(?=[\s,.;:]|$)"),
    # a quoted name after an indefinite article: "to build an "Atlantic Health Technology Bridge" between ..."
    re.compile(r"\b(?:to\s+(?:establish|set\s+up|launch|create|found|form|build)|establishing|launching)\s+an?\s+[\"“]"
               + _NAME_RUN + r"[\"”]"),
    re.compile(r"\b(?:zur\s+Gründung|zum\s+Aufbau)\s+(?:des|der|eines|einer)\s+" + _WHOLE_NAME_RUN + r"(?=[\s,.;:]|$)"),
    re.compile(r"\bfor\s+at\s+(?:etablere|oprette|skabe|stifte)\s+" + _WHOLE_NAME_RUN + r"(?=[\s,.;:]|$)"),
    # the parties together form a new one: "vormen samen met X het nieuwe Zorgas Y", "bilden das neue X"
    re.compile(r"\b" + FORMING_VERBS + r"\b[^.;:!?]{0,150}?"
               r"\b(?:(?:het|de)\s+nieuwe|(?:das|den|die)\s+neuen?|the\s+new|(?:det|den)\s+nye)\s+"
               + _WHOLE_NAME_RUN + r"(?=[\s,.;:]|$)"),
    # the consortium behind a project names it ("Projektkonsortiet bag Hjemmet 2.0", "the consortium behind X")
    re.compile(r"(?i:konsorti\w*|consorti\w*|partnerskab\w*|partnership|partnerschap)\s+(?i:bag|behind|hinter|achter)"
               r"\s+(?:(?:dem|der|het|de|the)\s+)?" + _NAME_RUN[:-1] + r"(?:\s+\d+(?:\.\d+)?)?)(?=[\s,.;:]|$)"),
]


def founded_names(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """A capitalised name that a founding phrase introduces is a new cluster (what partners set up
    together: ``om samen Zorglab Noord op te zetten``); so is the project a consortium is "behind"."""
    out = []
    stop, clusters = wordlist("stopwords", language), wordlist("cluster_words", language)
    for s in sentences:
        if zones.get(s.index) != "body":
            continue
        for pattern in _FOUNDED:
            for m in pattern.finditer(s.text):
                name = m.group("name")
                if stop.word(name.split()[0]) or len(name) < 4 or " " not in name and clusters.word(name):
                    continue  # "bis zur Gründung der Allianz": the bare cluster word refers back
                start = s.start + m.start("name")
                out.append(Candidate("cluster", start, start + len(name), name, s.index, clean_label(name),
                                     "founded-name", 0.65))
    return out


def appositives(text: str, language: str, sentences: list[Sentence], zones: dict[int, str]) -> list[Candidate]:
    """``Name, a ... company``: the capitalised run before the appositive names an organisation."""
    out = []
    for s in sentences:
        if zones.get(s.index) != "body":
            continue
        tokens = tokenize(s)
        for i, tok in enumerate(tokens):
            if tok.text != ",":
                continue
            m = _APPOSITIVE.match(text[tok.start:s.end])
            words = m.group("words").split() if m else []
            if m and m.group("definite"):  # "X, het Enschedese technologiebedrijf": the company word within three,
                words = words[:4 if len(words) > 2 and words[1].lower() in AND_WORDS else 3]  # or after two joined words
            if not m or not any(COMPANY_NOUN.search(w) for w in words):
                continue
            run = []
            k = i - 1
            while k >= 0 and tokens[k].is_word and tokens[k].is_cap and len(run) < 5:
                run.insert(0, tokens[k])
                k -= 1
            if m.group("definite") and run and (frequent(run[0].text, language, COMMON_ZIPF)
                                                or pattern("legal_forms", language).fullmatch(run[-1].text)):
                continue  # "einen Partner, der ... Unternehmen", "(UK) Ltd, the provider": no name before it
            if run and (k < 0 or not tokens[k].is_word or not tokens[k].is_cap):
                span = text[run[0].start:run[-1].end]
                out.append(Candidate("organisation", run[0].start, run[-1].end, span, s.index,
                                     clean_label(span), "appositive-name", 0.7))
    return out
