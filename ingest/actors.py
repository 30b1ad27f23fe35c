"""Find organisations and clusters named in a sentence.

Names are found from what anchors them in the genre, never from a list of names:

* a legal form ends the name (``CeNTech GmbH``, ``Philips Danmark A/S``, ``REGIO Aachen e. V.``);
* a head word from the lexicon starts or ends it (``Regionalagentur Aachen``, ``Kamer van
  Koophandel ...``, ``Europäische Kommission``, ``Copenhagen Healthtech Cluster``,
  ``Bündnis Innovation in der Daseinsvorsorge``); cluster words make it a cluster;
* a head word is followed by a quoted name (``Arbeitsgruppe „Gesundheitsregionen NRW"``);
* a descriptor noun introduces one name or a list of names (``de ontwikkelingsmaatschappij Oost
  NL``, ``de regionale klyngeorganisationer A, B, C og D``).

German capitalises every noun, so there a capitalised word only joins a name where it looks like a
proper name (region, acronym, inner capital) or stands right after the head or a connector.  Which
tokens may join a name around its anchor: :mod:`ingest.name_spans`.
"""
from __future__ import annotations

import re

from ingest.actor_rules import NAMING, ROLE_HEAD
from ingest.candidates import Candidate, clean_label
from ingest.false_friends import COMMON_ZIPF, frequent, zipf
from ingest.inflection import NORDIC
from ingest.lexicon import words
from ingest.name_spans import (FOREIGN_LINKS, INDEFINITE, INNER, LEFT_INNER, NAME_ADJECTIVES, NOUN_ENDINGS,
                                PLAIN_ADJECTIVE, REGION_BODY, SAINT, NameSpans, place_adjective)
from ingest.sentences import LIST_MARK
from ingest.tokens import QUOTES_CLOSE, QUOTES_OPEN, Token, number_value, pattern, wordlist

#: "at" before the organisation a person works at ("Dean of Health Sciences at the X").
_AT_WORK = {"at", "bei", "bij", "hos", "ved", "på", "aan"}
#: Articles before a company's name, and the frequency below which a lower-case word after one may be its brand.
_ARTICLES = {"die", "der", "das", "den", "dem", "de", "het", "the"}
_BRAND_ZIPF = 3.2
_ROLE_PREPOSITIONS = {"of", "for", "van", "bij", "at", "hos", "i", "bei", "de", "du"}
#: Lower-case words that may stand between two capitalised words of a name after a descriptor.
_NAME_LINKS = {"op", "aan", "van", "voor", "of", "for", "on", "i", "på", "af"}
#: Scandinavian (and Baltic, Finnish, Polish, Czech) institutions write their head word in lower case
#: after the place ("Lunds universitet", "Oslo kommune", "Helsingin yliopisto"), in any text.
LOWER_HEADS = frozenset(row.form for row in words("org_heads", "lower"))
#: A Nordic authority's one-word name: a first part and the definite agency or ministry word.
_NORDIC_AUTHORITY = re.compile(r"^([A-ZÆØÅ][a-zæøå]+?)(?:styrelsen|ministeriet|direktoratet|departementet"
                               r"|myndigheten|verket|fonden)$")
_LIST_WORDS = {"and", "og", "en", "und", "et", "have", "has", "hebben", "heeft", "har", "ont", "a", "already", "al",
               "today", "vandaag", "i", "dag", "idag", "now", "nu", "also", "ook", "også"}


def find_actors(tokens: list[Token], sentence: int, text: str, language: str,
                proper_spans: list[tuple[int, int]]) -> list[Candidate]:
    """Organisation and cluster candidates of one sentence (they may overlap; resolution keeps
    the longest).

    Parameters
    ----------
    tokens : list of Token
        The sentence's tokens.
    sentence : int
        The sentence index.
    text : str
        The document text.
    language : str
        ISO 639-1 code of the document.
    proper_spans : list of (start, end)
        Spans known to be proper names (regions, persons) that may stand inside a name.
    """
    finder = _Finder(tokens, sentence, text, language, proper_spans)
    if not any(c.islower() for t in tokens for c in t.text):
        # "BESTYRELSE PR. 31. DECEMBER", "NY PROJEKTLEDER I SEKRETARIATET": an all-capital heading
        # names an institution only by its legal form
        return finder.legal()
    found = (finder.legal() + finder.headed() + finder.placed_heads() + finder.article_heads() + finder.described()
             + finder.named() + finder.spelled_out() + finder.lower_units() + finder.acronym_places()
             + finder.acronym_units() + finder.shared_heads() + finder.place_agencies() + finder.described_items()
             + finder.appositive() + finder.district_compounds())
    if language != "de":
        found += finder.role_of() + finder.signatories()
    return finder.join_dashes(finder.join_slashes(found))


#: English head words: in German text the capitalised English words before them are the name
#: ("das Luxembourg Health Innovation Network"), not German common nouns.
_ENGLISH_HEADS = {"network", "alliance", "partnership", "hub", "valley", "consortium", "centre", "center",
                  "institute", "foundation", "council", "agency", "association"}


#: The governing body of whatever organisation the sentence names, no actor of its own.
_GOVERNING_BODY = re.compile(r"(?:Raad van (?:Bestuur|Toezicht|Commissarissen)|Board of (?:Directors|Trustees|Governors)"
                             r"|Aufsichtsrat|Vorstand|Bestyrelse[n]?|Direktion)", re.IGNORECASE)
def _town_adjective(word: str) -> bool:
    """``Düsseldorfer``, ``Münchener``: a German adjective made of a town's name with -er."""
    from ingest.gazetteer import gazetteer

    return word.endswith("er") and len(word) > 5 and bool(gazetteer().forms.get(word[:-2]))


#: Task words that national and regional agencies put before their country or town.
_AGENCY_TASKS = {"Innovation", "Enterprise", "Research", "Business", "Invest", "Science", "Visit"}
#: Words before "Scottish Enterprise" that make it a description ("a Scottish enterprise", "any Danish Research").
_INDEFINITE_EN = {"a", "an", "any", "every", "each"}
#: A list of place names joined by commas and a final conjunction.
_PLACES = r"(?P<list>[A-ZÆØÅÄÖÜ][\w-]+(?:,\s+[A-ZÆØÅÄÖÜ][\w-]+)*\s+(?:og|en|und|and)\s+[A-ZÆØÅÄÖÜ][\w-]+)"
_LIST_NAME = re.compile(r"[A-ZÆØÅÄÖÜ][\w-]+")
#: A locative preposition right before the list: the places are meant, not their councils.
_IN_PLACES = re.compile(r"\b(?:in|i|aus|uit|across|throughout|van|from|fra|over)\s+(?:de|den|the|der|die|alle|all)?\s*$",
                        re.IGNORECASE)
#: Words after a head that make the name a street's ("Science Park Road", "Hospital Lane").
_STREET = re.compile(r"^(?:Road|Street|Avenue|Lane|Drive|Way|Close|Square|Boulevard|Straße|Strasse|Allee|Weg|Platz"
                     r"|Straat|Laan|Plein|Vej|Plads|Gade|Alle)$")
#: Plural heads shared by a list of places, and the name each place's body then has.
_SHARED_HEADS = {
    "da": [(re.compile(_PLACES + r"\s+kommuner\b"), "{} Kommune")],
    "nl": [(re.compile(r"\bgemeenten\s+" + _PLACES), "gemeente {}")],
    "de": [(re.compile(r"\bLandkreise\s+" + _PLACES), "Landkreis {}"), (re.compile(r"\bGemeinden\s+" + _PLACES), "Gemeinde {}")],
    "en": [(re.compile(_PLACES + r"\s+municipalities\b"), "{} Municipality"),
           (re.compile(_PLACES + r"\s+(?:county|city|borough) councils\b"), "{} Council")],
}
#: "The cooperation" as what a new name is given to: a partnership, a cluster.
#: A German district's one-word name: a region and "kreis" ("Vogtlandkreis", "Erzgebirgskreis").
_DISTRICT_COMPOUND = re.compile(r"(?P<place>[A-ZÄÖÜ][a-zäöüß]{3,}?)s?kreis")
#: Words for a joint programme or platform, which an appositive name may follow like a cluster word.
_PROGRAMME = re.compile(r"programme|program|programm|programma|initiative|initiativ|initiatief|platform|plattform")
#: Indefinite articles before such a word ("a small joint programme, X,").
_INDEFINITE_ARTICLES = {"a", "an", "ein", "eine", "einen", "einem", "een", "et", "en"}
_COOPERATION = re.compile(r"samarbejde[t]?|zusammenarbeit|kooperation|samenwerking|cooperation|collaboration")
#: Capitals before a town that name no institution: country codes, the EU, a German state.
_NOT_INSTITUTIONS = {"EU", "EC", "UK", "US", "USA", "DE", "NL", "DK", "BE", "FR", "NO", "SE", "PL", "CZ", "AT",
                     "CH", "NRW"}
#: Heads that Dutch writes in lower case after a name ("het Albert Schweitzer ziekenhuis").
_LOWER_NAMED_HEADS = {"nl": {"ziekenhuis", "gasthuis"}}
#: Unit words that Dutch writes in lower case before the unit's name.
_LOWER_UNITS = {"nl": {"lectoraat", "afdeling", "dienst", "vakgroep", "leerstoel", "sectie", "kenniscentrum"}}
#: German definite and possessive determiners that end like adjectives: "die Klinik für Neurologie"
#: is a unit with a name, "eine Fachklinik für neurologische Rehabilitation" a description.
_DETERMINERS = {"die", "seine", "ihre", "unsere", "diese", "jene", "deren", "dessen"}


class _Finder(NameSpans):
    def legal(self) -> list[Candidate]:
        out = []
        sent_start = self.t[0].start if self.t else 0
        sent_text = self.text[sent_start:self.t[-1].end] if self.t else ""
        for m in pattern("legal_forms", self.lang).finditer(sent_text):
            start, end = sent_start + m.start(), sent_start + m.end()
            if m.group() == "AS" and not any(c.islower() for c in sent_text):
                continue  # "SUCH AS" in an all-capital heading is no Norwegian company
            before = [tok for tok in self.t if tok.end <= start]
            left = self._extend_left(before, inner=LEFT_INNER, any_cap=True)
            left = self._drop_before_connector(left)
            based = [k for k, x in enumerate(left) if x.low.endswith(("-based", "-baseret", "-baserede"))
                     or x.low in ("based", "baseret", "baserede") and k and left[k - 1].text == "-"]
            if based:
                left = left[based[-1] + 1:]  # "Glasgow-based Pathscan Ltd": the place is no part of the name
            described = left and left[0].index and self.t[left[0].index - 1].is_cap \
                and self.descriptors.word(self.t[left[0].index - 1].text)
            if described and all(self.is_proper(x) for x in left if x.is_word) and any(
                    a <= left[0].start and left[-1].end <= b for a, b in self.proper):
                left = [self.t[left[0].index - 1], *left]  # "Wirtschaftsfördergesellschaft Vorpommern mbH": not the place alone
            if not left and before and before[-1].end + 1 == start and (self._lower_brand(before[-1]) or len(before) > 1
                                                                         and self._brand_after_article(before[-2:])):
                left = [before[-1]]  # "die hannoverimpuls GmbH", "die medi GmbH & Co. KG": a lower-case brand
            if not left:
                continue
            head = next((h for h in (self.heads.word(x.text) for x in left) if h), "")
            cluster = not head and any(self.clusters.word(x.text) for x in left)  # "Gesundheitsnetzwerk X e.V."
            cand = self._make("cluster" if cluster else "organisation", left[0].start, end, "legal-form", 0.9)
            cand.head = head
            self._bracket_alias(cand, end)
            out.append(cand)
        return out

    def _lower_ministry(self, i: int) -> bool:
        """``het ministerie van Volksgezondheid, Welzijn en Sport``: Dutch writes a ministry's head in lower
        case before its capitalised portfolio."""
        t = self.t
        return t[i].low in ("ministerie", "ministeries") and i + 2 < len(t) and t[i + 1].low == "van" \
            and t[i + 2].is_cap

    def _lower_authority(self, i: int) -> bool:
        """``de gemeente Oostzaan``: Dutch writes a municipality's word in lower case; before a capitalised
        place that the reference data does not know (a known one is read as the region and its council)."""
        t = self.t
        if not (t[i].low == "gemeente" and self.lang == "nl" and i + 1 < len(t) and t[i + 1].is_cap
                and not self._in_proper(t[i + 1])):
            return False  # asked of every lower-case word: the cheap tests first
        from ingest.gazetteer import gazetteer
        from ingest.regions import lookup_region

        return lookup_region(t[i + 1].text, self.lang) is None and gazetteer().town(t[i + 1].text) is None

    def _lower_brand(self, tok: Token) -> bool:
        """A word in lower case that is no word of the page's language nor of English: a brand
        written in lower case ("hannoverimpuls", "medwork"), which a legal form after it names."""
        return (tok.is_word and tok.text.isalpha() and tok.text.islower() and len(tok.text) >= 5
                and self.stop.word(tok.text) is None and zipf(tok.text, self.lang) == 0 and zipf(tok.text, "en") == 0)

    def _brand_after_article(self, pair: list[Token]) -> bool:
        """An article and a short lower-case word that is rare in the page's language and in English ("die medi"
        before a legal form; not "die neue", "die gemeinnützige")."""
        article, tok = pair
        return (article.low in _ARTICLES and tok.is_word and tok.text.isalpha() and tok.text.islower()
                and len(tok.text) >= 3 and max(zipf(tok.text, self.lang), zipf(tok.text, "en")) < _BRAND_ZIPF)

    def _named_again(self, i: int, right: list[Token]) -> bool:
        """``die Pflegeallianz Düssel`` (a river): the head and the rare capitalised words after it stand so
        again elsewhere in the document. A common noun after a bare head ("das Bündnis Beiträge leisten") is
        a frequent word and is not repeated as a whole."""
        if any(frequent(x.text, self.lang) for x in right if x.is_word):
            return False
        name = self.text[self.t[i].start:right[-1].end]
        return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", self.text)) >= 2

    def headed(self) -> list[Candidate]:
        out = []
        for i, tok in enumerate(self.t):
            if not (tok.is_word and (tok.is_cap or self._lower_ministry(i) or self._lower_authority(i))):
                continue
            cluster = self.clusters.at(self.t, i)
            head = self.heads.at(self.t, i)
            if not cluster and not head:
                continue
            role = ROLE_HEAD.search(tok.text)
            if role and role.start() >= 4:
                continue  # "Institutdirektør", "Klinikleiter", "Clustermanagerin": a role, not a head
            n = (cluster or head)[0]
            if i and _ON_INITIATIVE.match(self.text, self.t[i - 1].start):
                continue  # "auf Initiative der IHK X gegründet": who started it, not an initiative's name
            if i + n < len(self.t) and _STREET.match(self.t[i + n].text):
                continue  # "1 Science Park Road", "University Avenue": a street, not an organisation
            # "Klyngen Welfare Tech ...": a Nordic sentence-initial descriptor, definite, is no name part (but
            # "Foreningen Vestkyst Medico": an organisation's head opens its name; and the Dutch or English word
            # without an article opens a headline's name, "Alliantie Langer Thuis krijgt drie nieuwe partners")
            if self.lang in NORDIC and i == 0 and self.descriptors.word(tok.text) and not head:
                continue
            kind = "cluster" if cluster and not (head and head[0] >= cluster[0]) else "organisation"
            head_class = head[1] if head and kind == "organisation" else ""
            english = self.german and self.t[i + n - 1].low in _ENGLISH_HEADS  # "das Luxembourg Health Network"
            left = self._extend_left(self.t[:i], inner=set(), any_cap=english) or (
                self._founder_name(i) if head and head[1] in ("foundation", "institute") else [])
            right, quoted = self._extend_right(i + n)
            # "Leeds and York Partnership NHS Foundation Trust": an organisation's head ends the name (but
            # "Netværk for Hospitalsrobotik" names its subject)
            if kind == "cluster" and right and not quoted and self.heads.word(right[-1].text) \
                    and not any(x.low in INNER for x in right):
                kind, head_class = "organisation", self.heads.word(right[-1].text)
            enclosed = self._enclosed(i, n) if not left else None
            if enclosed is not None:  # „Gesundheitsnetz Elbe/Labe“: the quotes bound the whole name
                right = enclosed
            if left and not quoted:  # "direktør for Aalborg Universitetshospital Helle Nyborg": a person follows
                right = self._before_person(right, start=0)
            # "het Duitse Universitätsklinikum Münster": the adjective describes it (German writes such an
            # adjective in lower case, a capital makes it part of the name: "die Bergische Universität Wuppertal")
            if right and not quoted and not self.german:
                while left and place_adjective(left[0].text, self.lang, strict=True):
                    left = left[1:]
            named_adjective = (self.german and len(right) == 2 and right[0].is_cap and i + n == right[0].index
                               and right[0].low.endswith(NAME_ADJECTIVES) and right[1].is_cap)
            if self.german and right and not left and not quoted and enclosed is None and not named_adjective and not any(
                    self.is_proper(x) or x.low in INNER or x.text in SAINT for x in right) \
                    and right[-1].low.endswith(NOUN_ENDINGS) and head_class != "unit" \
                    and not self._named_again(i, right):
                continue  # "das Bündnis Beiträge leisten": a noun after a bare head is no name (but
                # "Fakultät Gesundheitswissenschaften": a faculty or chair is named by its subject)
            if self.german and right and not left and not quoted and enclosed is None and i and not self.t[i - 1].is_cap \
                    and self.t[i - 1].low.endswith(("e", "en")) and self.t[i - 1].is_word \
                    and self.t[i - 1].low not in _DETERMINERS \
                    and not any(self.is_proper(x) for x in right) and right[-1].low.endswith(NOUN_ENDINGS) \
                    and head_class != "ministry":  # "das saarländische Ministerium für Wirtschaft" is named
                continue  # "das regionale Netzwerk der Medizintechnikbranche": a description
            if self.german and not left and not quoted and enclosed is None and i >= 1 and self.t[i - 1].low in INDEFINITE \
                    and right and not any(self.is_proper(x) for x in right):
                continue  # "ist ein Krankenhaus der Maximalversorgung": what kind of hospital, not its name
            if self.german and not left and not quoted and i >= 1 and self.t[i - 1].low == "als" \
                    and not any(self.is_proper(x) for x in right):
                continue  # "das KSGR, das als Zentrumsspital des Kantons ...": the role it plays, no name
            if self.german and not left and not quoted and i >= 2 and self.t[i - 1].is_word \
                    and not self.t[i - 1].is_cap and self.t[i - 1].low.endswith(("sten", "ste")) \
                    and self.t[i - 2].low in _ARTICLES:
                continue  # "der nördlichsten Universität Norwegens": a superlative describes the head
            if self.german and left and not right and not quoted and self.t[left[0].index - 1:left[0].index] \
                    and self.t[left[0].index - 1].low in INDEFINITE and all(_town_adjective(x.text) for x in left):
                continue  # "in einer Düsseldorfer Klinik": a hospital of that town, not its name
            if self.german and not left and not quoted and enclosed is None and i >= 2 and not self.t[i - 1].is_cap \
                    and self.t[i - 1].is_word and self.t[i - 2].low in INDEFINITE:
                continue  # "ein grenzüberschreitendes Netzwerk für Notfallversorgung": what kind of thing, not its name
            if not left and not right and not (tok.is_acronym and kind == "organisation") \
                    and (self.german or self.suspended_start(i) == i) \
                    and not self._nordic_authority(tok) \
                    and not (head_class in ("hospital", "university") and self._proper_compound(tok)):
                continue
            if not right and self.prefix_heads.word(tok.text):
                continue  # "NHS boards", "Scottish NHS": a prefix head names only the body after it
            if i and self.t[i - 1].low in _NEW and right and right[0].is_word and not right[0].is_cap:
                continue  # "Neuer Forschungsverbund zur Telemedizin": a description, not a name
            legal = pattern("legal_forms", self.lang)
            if not left and right and not cluster and self.descriptors.word(tok.text) and (
                    legal.search(self.text[right[0].start:right[-1].end + 2]) and not legal.match(right[0].text)
                    or right[0].start in {c.start for c in self.legal()}):
                continue  # "der Verein X e.V.", "die Firma Y GmbH", "die Fördergesellschaft Invest in X GmbH": the
                # legal-form name is the whole name
            first = left[0].index if left else i
            opening = self.suspended_start(first)  # "Industrie- und Handelskammer X"
            if opening != first and self.german \
                    and (before := self._extend_left(self.t[:opening], inner=set(), any_cap=english)):
                opening = before[0].index  # "die Bergische Struktur- und Wirtschaftsförderungsgesellschaft mbH"
            start = self.t[opening].start
            end = self.spelled_on(start, right[-1].end if right else self.t[i + n - 1].end)
            if _GOVERNING_BODY.fullmatch(self.text[start:end]):
                continue  # "lid van de Raad van Bestuur": the board of the organisation named around it
            cand = self._make(kind, start, end, "quoted-name" if quoted else f"{kind}-head",
                              0.85 if quoted or right else 0.75)
            cand.head = head_class
            if quoted:
                cand.aliases.add(clean_label(self.text[right[0].start:right[-1].end]))
            elif self.lang in ("da", "nb", "sv") and not left and right and tok.low.endswith(("en", "et")) \
                    and right[0].is_cap and not self._in_proper(right[0]):
                cand.aliases.add(clean_label(self.text[right[0].start:right[-1].end]))  # "Foreningen X": X
            self._bracket_alias(cand, end)
            out.append(cand)
        return out

    def _proper_compound(self, tok: Token) -> bool:
        """Is a German head word hyphenated to a name before it (``Leopoldina-Krankenhaus``, ``Alice-Hospital``,
        ``Hegau-Bodensee-Klinikum``), not to a common word (``Herz-Klinik``)? Such a compound is a name alone."""
        prefix = tok.text.rpartition("-")[0]
        if not self.german or not prefix[:1].isupper() or prefix.isupper():
            return False
        given = wordlist("given_names", self.lang, "given")
        parts = [part for part in prefix.split("-") if part[:1].isupper()]  # "Carl-von-Ossietzky": not "von"
        return any(given.word(part) is not None or not frequent(part, self.lang) for part in parts) \
            and not any(self.heads.word(part) or self.clusters.word(part) for part in parts)

    def _nordic_authority(self, tok: Token) -> bool:
        """``Sundhedsdatastyrelsen``, ``Indenrigs- og Sundhedsministeriet``, ``Helsedirektoratet``: a
        Nordic agency or ministry is one compound word with the definite ending; the bare word
        (``Styrelsen``, ``Ministeriet``) refers back and names nothing."""
        m = _NORDIC_AUTHORITY.match(tok.text)
        return self.lang in ("da", "nb", "nn", "sv") and m is not None and len(m.group(1)) >= 3

    def _enclosed(self, i: int, n: int) -> list[Token] | None:
        """The words after a head that opens a quotation, up to its closing quote (at most six
        words of capitalised names, `/` and `-`, the last perhaps a bare German adjective: „Pflegenetz X digital“),
        or None."""
        rest = self._quoted_at(i - 1, most=n + 7)[n:] if i else []
        words = rest[:-1] if len(rest) >= 2 and self.german and rest[-1].low.endswith(PLAIN_ADJECTIVE) else rest
        return rest if rest and all(x.is_cap or x.text in "/-&" or x.low in INNER for x in words) else None

    def _before_person(self, run: list[Token], start: int = 1) -> list[Token]:
        """``run`` up to a given name (from index ``start`` on) followed by another capitalised word: a
        person's name that follows the organisation's ("direktør for Aalborg Universitetshospital Helle
        Nyborg")."""
        cut = next((k for k, x in enumerate(run) if k >= start and self.given.word(x.text) and k + 1 < len(run)
                    and run[k + 1].is_cap), None)
        return run[:cut] if cut is not None else run

    def _founder_name(self, i: int) -> list[Token]:
        """``Robert Bosch Stiftung``, ``Dietmar Hopp Stiftung``: in German, a given name and a surname
        right before the head name the institution after its founder."""
        if not self.german or i < 2:
            return []
        first, last = self.t[i - 2], self.t[i - 1]
        if self.name_word(first) and self.name_word(last) and self.given.word(first.text) \
                and first.end + 1 == last.start and last.end + 1 == self.t[i].start:
            return [first, last]
        return []

    def placed_heads(self) -> list[Candidate]:
        """``Lunds universitet``, ``Oslo kommune``, ``Tórshavnar kommuna``: a place (or its genitive) and a
        lower-case Nordic head word name an organisation."""
        from ingest.gazetteer import gazetteer  # the gazetteer's module reads names with this one
        out = []
        for i, tok in enumerate(self.t[1:], start=1):
            if tok.low not in LOWER_HEADS or tok.is_cap:
                continue
            adjective = self._nordic_adjective(i - 1)  # "Norges arktiske universitet"
            before = self.t[i - 1 - adjective]
            if not (before.is_word and before.is_cap):
                continue
            # the place, or its genitive ("Lunds", Faroese and Icelandic "Tórshavnar", "Klaksvíkar")
            stems = [before.text] + [before.text[:-len(end)] for end in ("s", "ar") if before.text.endswith(end)]
            # "Fakultní nemocnice v Motole", "Tampereen yliopisto": a head of another language than the
            # page's is no common word here, so the capitalised word before it names its institution
            nxt = self.t[i + 1] if i + 1 < len(self.t) else None
            foreign = zipf(tok.low, self.lang) < 1.5 and not (i >= 3 and self.t[i - 2].is_cap) \
                and not (i >= 2 and self.t[i - 2].low in LOWER_HEADS) \
                and not (nxt and nxt.is_acronym)  # not inside a longer name ("Sørlandet sykehus HF")
            if foreign or any(gazetteer().forms.get(stem) or gazetteer().town(stem) for stem in stems):
                end = tok.end
                if foreign and nxt and self.name_word(nxt):
                    end = nxt.end  # "Fakultní nemocnice Brno"
                elif nxt and nxt.low in FOREIGN_LINKS and i + 2 < len(self.t) and self.name_word(self.t[i + 2]):
                    end = self.t[i + 2].end  # "Fakultní nemocnice v Motole"
                first = before.index - 1 if adjective and before.index and self.t[before.index - 1].is_acronym \
                    and self.t[before.index - 1].end + 1 == before.start else before.index  # "UiT Norges ..."
                out.append(self._make("organisation", self.t[first].start, end, "organisation-head", 0.75))
        return out

    def _nordic_adjective(self, k: int) -> int:
        """1 when token ``k`` is a lower-case Nordic adjective between a place's genitive and a head ("Norges arktiske
        universitet", "Norges teknisk-naturvitenskapelige universitet"), else 0."""
        tok = self.t[k]
        return int(k >= 1 and tok.is_word and tok.text.islower() and tok.low.endswith("e") and len(tok.text) > 4
                   and not (tok.low.endswith("ste") and not tok.low.endswith("iste"))  # "Danmarks mindste kommune"
                   and self.t[k - 1].is_cap and self.t[k - 1].text.endswith("s") and self.stop.word(tok.text) is None)

    def article_heads(self) -> list[Candidate]:
        """``het Albert Schweitzer ziekenhuis``, ``het Antonius ziekenhuis``: Dutch writes the head of a hospital
        named after a person or saint in lower case after the name; the article before the name marks it (not
        ``het Amsterdamse ziekenhuis``, an adjective)."""
        out = []
        for i, tok in enumerate(self.t):
            if tok.low not in _LOWER_NAMED_HEADS.get(self.lang, ()) or tok.is_cap:
                continue
            k = i
            while k > 0 and i - k < 3 and self.name_word(self.t[k - 1]) and self.t[k - 1].is_cap:
                k -= 1
            if k == i or k == 0 or self.t[k - 1].low != "het" or place_adjective(self.t[i - 1].text, self.lang):
                continue
            out.append(self._make("organisation", self.t[k].start, tok.end, "organisation-head", 0.75))
        return out

    def _pair_alone(self, i: int) -> bool:
        """Are token ``i`` and the capitalised word after it a name of their own: no capitalised word
        right before or after the pair?"""
        return i + 1 < len(self.t) and self.t[i + 1].is_cap and self._alone(i, i + 1)

    def _alone(self, first: int, last: int, opening: bool = False) -> bool:
        """Do tokens ``first`` to ``last`` stand without a capitalised word right before or after them
        (``opening``: the sentence's first word may stand before them, "Også AAU Innovation deltager")?"""
        t = self.t
        before = first - 1
        return not (last + 1 < len(t) and t[last + 1].is_cap and t[last + 1].is_word) \
            and not (before >= (1 if opening else 0) and t[before].is_cap and t[before].is_word)

    def place_agencies(self) -> list[Candidate]:
        """An agency named by its task and its country or town (``Innovation Norway``, ``Enterprise
        Ireland``, ``Business Finland``, ``Business Kolding``), or by the country's adjective before the task
        (``Scottish Enterprise``): a task word and a place, the name ending there."""
        from ingest.gazetteer import gazetteer

        out, t = [], self.t
        for i, tok in enumerate(t[:-1]):
            place = t[i + 1]
            if place.text in _AGENCY_TASKS and self._pair_alone(i) and place_adjective(tok.text, "en") \
                    and not (i and self.t[i - 1].low in _INDEFINITE_EN):
                out.append(self._make("organisation", tok.start, place.end, "place-agency", 0.7))  # "Scottish Enterprise"
                continue
            if tok.text not in _AGENCY_TASKS:
                continue
            two = t[i + 1:i + 3]  # "Invest Northern Ireland": a place of two words
            if len(two) == 2 and all(x.is_cap and x.is_word for x in two) and self._alone(i, i + 2) and any(
                    p.kind in ("country", "subdivision")
                    for p in gazetteer().candidates(self.text[two[0].start:two[1].end], self.lang)):
                out.append(self._make("organisation", tok.start, two[1].end, "place-agency", 0.7))
                continue
            if not self._pair_alone(i):
                continue  # "Health Innovation Norway Cluster": part of a longer name
            if any(p.kind in ("country", "city") for p in gazetteer().candidates(place.text, self.lang)):
                out.append(self._make("organisation", tok.start, place.end, "place-agency", 0.7))
        return out

    def shared_heads(self) -> list[Candidate]:
        """Several towns that share one plural head name one council each: ``Kolding, Vejle og Fredericia
        kommuner`` (Kolding Kommune, ...), ``de gemeenten Utrecht en Amersfoort`` (gemeente Utrecht, ...),
        ``die Landkreise Kitzingen und Main-Spessart`` (Landkreis Kitzingen, ...).
        Provinces and districts so listed are as often the areas as their bodies, and are left to the
        region finder."""
        if not self.t:
            return []
        out, start = [], self.t[0].start
        sentence = self.text[start:self.t[-1].end]
        for plural, template in _SHARED_HEADS.get(self.lang, ()):
            for m in plural.finditer(sentence):
                if _IN_PLACES.search(sentence, 0, m.start()):
                    continue  # "in de provincies A en B", "i Kolding og Vejle kommuner": the areas, not their bodies
                for name in _LIST_NAME.finditer(m.group("list")):
                    a, b = start + m.start("list") + name.start(), start + m.start("list") + name.end()
                    cand = Candidate("organisation", a, b, self.text[a:b], self.s, template.format(name.group()),
                                     "shared-head", 0.75)
                    cand.aliases.add(cand.label)
                    out.append(cand)
        return out

    def acronym_places(self) -> list[Candidate]:
        """An abbreviation and the town or state it is in, as the whole name (``UZ Leuven``, ``KU Leuven``,
        ``LMU München``, ``OUH Oslo``, ``AOK Bayern``): an institution known by both."""
        from ingest.gazetteer import gazetteer

        out, t = [], self.t
        for i, tok in enumerate(t[:-1]):
            place = t[i + 1]
            if not (tok.is_acronym and 2 <= len(tok.text) <= 5 and tok.text.isalpha()
                    and tok.end + 1 == place.start) or tok.text in _NOT_INSTITUTIONS:
                continue
            if not self._pair_alone(i):
                continue  # part of a longer name, which the other finders read
            if i and t[i - 1].text.isdigit():
                continue  # a Dutch postcode ("6131 AK Sittard")
            if any(p.kind == "city" or p.kind == "subdivision" and not place.is_acronym  # not "JTF NRW"
                   for p in gazetteer().candidates(place.text, self.lang)) \
                    or gazetteer().town(place.text):
                out.append(self._make("organisation", tok.start, place.end, "acronym-place", 0.7))
        return out

    def acronym_units(self) -> list[Candidate]:
        """Danish: a university's or hospital's abbreviation and one capitalised word, which Danish
        writes in lower case unless it names something (``DTU Sundhedsteknologi``, ``SDU Robotics``,
        ``AAU Innovation``): the unit's whole name."""
        from ingest.gazetteer import gazetteer

        out, t = [], self.t
        if self.lang != "da":
            return out
        for i, tok in enumerate(t[:-1]):
            word = t[i + 1]
            if not (tok.is_acronym and 2 <= len(tok.text) <= 5 and tok.text.isalpha() and tok.end + 1 == word.start
                    and word.is_cap and word.is_word and not word.is_acronym) or tok.text in _NOT_INSTITUTIONS:
                continue
            if not self._alone(i, i + 1, opening=True):
                continue  # part of a longer name
            if gazetteer().candidates(word.text, self.lang) or gazetteer().town(word.text) \
                    or self.given.word(word.text) or self.heads.word(word.text):
                continue  # "UCL Erhvervsakademi": a head the other finders read; "OUH Odense": a place
            out.append(self._make("organisation", tok.start, word.end, "acronym-unit", 0.7))
        return out

    def lower_units(self) -> list[Candidate]:
        """Dutch: a unit word in lower case before its capitalised name (``het lectoraat Digitale
        Zorg``, ``de afdeling Computer Science``, ``de dienst Algemene Interne Geneeskunde``) names the
        unit, the unit word included."""
        out = []
        for i, tok in enumerate(self.t[:-1]):
            if tok.text not in _LOWER_UNITS.get(self.lang, ()) or not self.name_word(self.t[i + 1]):
                continue
            right, _ = self._extend_right(i + 1)
            if right:
                cand = self._make("organisation", tok.start, right[-1].end, "unit-name", 0.75)
                cand.head = "unit"
                out.append(cand)
        return out

    def spelled_out(self) -> list[Candidate]:
        """``Wirtschaftsförderung und Technologietransfer Schleswig-Holstein (WTSH)``: the words whose
        initials spell the bracketed abbreviation are one name, connectors and all, when a head or
        cluster word is among them."""
        out, t = [], self.t
        for i in range(1, len(t) - 2):
            abbr = t[i + 1].text
            if t[i].text != "(" or t[i + 2].text != ")" or not (2 <= len(abbr) <= 6 and abbr.isalpha()
                                                               and abbr.isupper()):
                continue
            initials, k, start, end = "", i - 1, None, i
            legal = pattern("legal_forms", self.lang)
            while k > 0 and legal.fullmatch(self.text[t[k].start:t[i - 1].end]) is None and i - k <= 3:
                k -= 1  # "... Schleswig-Holstein GmbH (WTSH)": the legal form spells nothing
            if legal.fullmatch(self.text[t[k].start:t[i - 1].end]) is not None:
                end, k = k, k - 1
            else:
                k = i - 1
            while k >= 0 and i - k <= 10:
                tok = t[k]
                if tok.is_word and tok.is_cap:
                    initials = "".join(part[0] for part in tok.text.split("-") if part).upper() + initials
                elif tok.is_word and tok.text.isalpha() and tok.low not in _SPELLED_LINKS:
                    initials = tok.text[0].upper() + initials  # "Ålands hälso- och sjukvård (ÅHS)", "Zentrum für
                    # klinische Studien (ZKS)": a name that capitalises its first word only
                elif tok.low not in _SPELLED_LINKS:
                    break
                if initials == abbr and tok.is_cap:
                    start = k
                    break
                if not abbr.endswith(initials):
                    break
                k -= 1
            if start is None or end - start < 2:
                continue
            words = t[start:end]
            cluster = any(self.clusters.word(x.text) for x in words)
            if not cluster and not any(self.heads.word(x.text) for x in words) and (
                    len(abbr) < 3 or sum(x.is_word and x.low not in _SPELLED_LINKS for x in words) < 3):
                continue  # three capitalised words that spell it are a name without a head word too
            cand = self._make("cluster" if cluster else "organisation", words[0].start, t[i - 1].end,
                              "spelled-out", 0.85)
            cand.aliases.add(abbr)
            out.append(cand)
        return out

    def described(self) -> list[Candidate]:
        """``descriptor Name`` and ``descriptor A, B, C og D``."""
        out = []
        for i, tok in enumerate(self.t):
            kind = self.descriptors.word(tok.text) if tok.is_word else None
            if not kind or (self.german and tok.is_cap is False) or self.roles.word(tok.text):
                continue  # "klyngechef X": a role, not a descriptor
            j = i + 1
            names: list[list[Token]] = []
            quoted = self._quoted_at(j)
            if quoted:  # "het Interreg-project „Zorg Zonder Grenzen"": the quoted words are the name
                cand = self._make(kind, quoted[0].start, quoted[-1].end, "descriptor", 0.8)
                out.append(cand)
                continue
            while j < len(self.t):
                run = []
                while j < len(self.t) and (self.name_word(self.t[j]) or (
                        run and self.t[j].low in {"&"}) or (  # "het netwerk Zorg op Afstand Twente"
                        run and not self.german and self.t[j].low in _NAME_LINKS and j + 1 < len(self.t)
                        and self.name_word(self.t[j + 1]))) and not (
                        self.german and not self.is_proper(self.t[j]) and not self._brand(self.t[j])):  # "der Träger Diakoneo"
                    run.append(self.t[j])
                    j += 1
                if not run:
                    break
                names.append(run)
                if j < len(self.t) and self.t[j].text == "," or (
                        j < len(self.t) and self.t[j].low in {"og", "und", "en", "and", "sowie"}):
                    j += 1
                    continue
                break
            if len(names) == 2 and all(len(run) == 1 and not run[0].looks_proper and not self.heads.word(run[0].text)
                                       and not place_adjective(run[0].text, self.lang)
                                       and zipf(run[0].text, self.lang) >= COMMON_ZIPF for run in names) \
                    and names[1][0].index == names[0][0].index + 2:
                names = [self.t[names[0][0].index:names[1][0].index + 1]]  # "zorgverzekeraar Zorg en Zekerheid": two
                # common words joined name one body (not "CZ en Menzis", two names)
            for k, run in enumerate(names):
                nxt = self.t[run[-1].index + 1] if run[-1].index + 1 < len(self.t) else None
                if len(run) == 1 and place_adjective(run[0].text, self.lang) and nxt is not None \
                        and nxt.is_word and not nxt.is_cap:
                    continue  # "het samenwerkingsverband Duitse en Belgische partners": adjectives
                if len(run) == 1 and not run[0].looks_proper and zipf(run[0].text, self.lang) >= COMMON_ZIPF \
                        and ("projekt" in tok.low or "project" in tok.low):
                    continue  # "het Interreg-project Zorg over de Grens": a common word is the name's start only
                if k and len(run) == 1 and self._in_proper(run[0]):
                    continue  # "virksomheden Nordic Sense ApS, Hjørring": the town, not a second company
                if len(run) >= 3 and run[-2].low in ("i", "in", "im", "aus", "uit", "fra", "from") \
                        and self._in_proper(run[-1]):
                    run = run[:-2]  # "klyngen Medtek Vestland i Bergen": the town is no part of the name
                if pattern("legal_forms", self.lang).fullmatch(run[0].text):
                    continue  # "die Wirtschaftsförderungsgesellschaft mbH Rostock": the descriptor was the name
                authority = kind == "cluster" and len(run) >= 2 and REGION_BODY.match(run[0].text)
                cand = self._make("organisation" if authority else kind, run[0].start, run[-1].end, "descriptor", 0.8)
                self._bracket_alias(cand, run[-1].end)  # "im Verbundprojekt TeleGeriatrie Donau-Iller (TGDI)"
                out.append(cand)
        return out

    def described_items(self) -> list[Candidate]:
        """``- Mercantec, den tekniske erhvervsskole i Viborg, som ...``: a list item that opens with capitalised
        words and a comma or dash, then says what they are with an organisation's word (a descriptor or a head)
        within six words, names an organisation (not a person's given name, nor a place alone)."""
        t = self.t
        if len(t) < 4 or not re.fullmatch(LIST_MARK, t[0].text):
            return []
        j = 1
        while j < len(t) and j <= 4 and self.name_word(t[j]) and not self.heads.word(t[j].text) \
                and not self.clusters.word(t[j].text):
            j += 1
        if j == 1 or j >= len(t) or t[j].text not in {",", "–", "—"} or self.given.word(t[1].text) \
                or all(self.known_place(x) for x in t[1:j]):
            return []
        if not any(self.descriptors.word(x.text) or self.heads.word(x.text) for x in t[j + 1:j + 7]):
            return []
        return [self._make("organisation", t[1].start, t[j - 1].end, "described-item", 0.7)]

    def _quoted_at(self, j: int, most: int = 6) -> list[Token]:
        """The words between quote marks that open at token ``j`` (at most ``most``, the first
        capitalised), or []."""
        t = self.t
        if j >= len(t) or t[j].text not in QUOTES_OPEN:
            return []
        k = j + 1
        while k < len(t) and t[k].text not in QUOTES_CLOSE and k - j <= most:
            k += 1
        inner = t[j + 1:k]
        if k >= len(t) or t[k].text not in QUOTES_CLOSE or not inner or not inner[0].is_cap:
            return []
        return inner

    def _in_proper(self, tok: Token) -> bool:
        """Does the token lie in a span known to be a place or person?"""
        return any(a <= tok.start and tok.end <= b for a, b in self.proper)

    def named(self) -> list[Candidate]:
        """``under navnet X``, ``unter dem Namen X``, ``onder de naam X``, ``under the name X``."""
        out = []
        for i in range(len(self.t)):
            n = _naming_phrase(self.t, i)
            if not n:
                continue
            run = []
            j = i + n
            if j < len(self.t) and self.t[j].text in QUOTES_OPEN:
                j += 1
            while j < len(self.t) and self.t[j].is_word and self.t[j].is_cap and len(run) < 6:
                run.append(self.t[j])
                j += 1
            if run:
                # "samarbejdet får navnet X", "das Netzwerk trägt den Namen X": what is named says the kind
                named = self.t[max(0, i - 4):i]
                # "Onder de naam X willen ze ...": opening the sentence, the name is the partners' joint work
                opening = i == 0 and not pattern("legal_forms", self.lang).search(
                    self.text[run[0].start:run[-1].end + 6])
                kind = "cluster" if opening or any(
                    self.clusters.word(x.text) or self.descriptors.word(x.text) == "cluster"
                    or _COOPERATION.fullmatch(x.low) for x in named) else "organisation"
                out.append(self._make(kind, run[0].start, run[-1].end, "named-as", 0.8))
        return out

    def district_compounds(self) -> list[Candidate]:
        """``Vogtlandkreis``, ``Erzgebirgskreis``, ``Burgenlandkreis``: a German district named by one word, a known
        region and "kreis"; the district's administration is the actor."""
        from ingest.gazetteer import gazetteer

        out = []
        for tok in self.t if self.german else ():
            m = _DISTRICT_COMPOUND.fullmatch(tok.text)
            if m and (gazetteer().forms.get(m.group("place")) or gazetteer().forms.get(m.group("place") + "e")):
                cand = self._make("organisation", tok.start, tok.end, "district-compound", 0.75)
                cand.head = "district"
                out.append(cand)
        return out

    def appositive(self) -> list[Candidate]:
        """``sets up a small joint programme, Connected Islands Care, for ...``, ``ein Netzwerk, die Pflegebrücke
        Nord, ...``: the capitalised words set off by commas after an indefinite cluster or programme word."""
        out, t = [], self.t
        for i, tok in enumerate(t[:-3]):
            if t[i + 1].text != "," or not tok.is_word \
                    or not (self.clusters.word(tok.text) or _PROGRAMME.fullmatch(tok.low)):
                continue
            k = i - 1
            while k >= 0 and i - k <= 4 and t[k].is_word and not t[k].is_cap and t[k].low not in _INDEFINITE_ARTICLES:
                k -= 1  # "a small joint programme"
            if k < 0 or t[k].low not in _INDEFINITE_ARTICLES:
                continue
            j = i + 2 + (t[i + 2].low in _ARTICLES)
            run = []
            while j < len(t) and t[j].is_word and t[j].is_cap and len(run) < 6:
                run.append(t[j])
                j += 1
            if len(run) >= 2 and j < len(t) and t[j].text in {",", "(", ".", ";"} and not any(
                    c for c in self.proper if c[0] <= run[0].start and run[-1].end <= c[1]):
                out.append(self._make("cluster", run[0].start, run[-1].end, "appositive-name", 0.7))
        return out

    def role_of(self) -> list[Candidate]:
        """``CEO of Royal Philips``, ``formand for Danske Regioner``: the capitalised run after a
        role and "of/for/van/bei" names an organisation."""
        out = []
        for i, tok in enumerate(self.t[:-2]):
            if not (tok.is_word and self.roles.word(tok.text)):
                continue
            prep = self._after_portfolio(i)
            if prep > i + 1 or self.t[prep].low in _ROLE_PREPOSITIONS:
                j = prep + 1
                if j < len(self.t) and self.t[j].low in {"the", "de", "het"}:
                    j += 1
                run = self._before_person(self._cap_run(j))
                nxt = self.t[run[-1].index + 1:run[-1].index + 3] if run else []
                if len(run) == 1 and not run[0].looks_proper and nxt and (
                        nxt[0].low in _ROLE_PREPOSITIONS or nxt[0].text == "," and len(nxt) > 1 and nxt[1].is_cap):
                    continue  # "Director of Innovation, Hywel Dda ...", "for Research at X": part of the role
                if run and nxt and nxt[0].low in _AT_WORK:
                    continue  # "Dean of Health Sciences at the X": a department of X, named by X
                if len(run) == 1 and not run[0].is_acronym and zipf(run[0].text, self.lang) >= COMMON_ZIPF:
                    continue  # "Director of Digital": a common word names a portfolio, not an organisation
                if len(run) == 1 and self.t[prep].low in {"i", "in"} and self.known_place(run[0]):
                    continue  # "en speciallæge i Tórshavn": where the role is held, no organisation
                if run:
                    out.append(self._make("organisation", run[0].start, run[-1].end, "role-of-name", 0.7))
        return out

    def _after_portfolio(self, i: int) -> int:
        """The index of the preposition after the role at ``i``: the next token, or, after up to three lower-case
        words of the role's field, an "at" word ("projectleider zorg bij X", "adviseur zorg en welzijn bij X")."""
        k = i + 1
        while k < min(i + 4, len(self.t) - 1) and self.t[k].is_word and not self.t[k].is_cap \
                and self.t[k].low not in _AT_WORK and self.t[k].low not in _ROLE_PREPOSITIONS:
            k += 1
        return k if k > i + 1 and self.t[k].low in _AT_WORK else i + 1

    def signatories(self) -> list[Candidate]:
        """``A, B and C have signed ...``: the capitalised runs listed before a signing verb."""
        verbs = wordlist("verbs", self.lang, "sign")
        at = next((i for i, t in enumerate(self.t) if t.is_word and verbs.at(self.t, i)), None)
        if at is None:
            return []
        out, j = [], 0
        while j < at:
            run = self._cap_run(j)
            if run and run[-1].index < at:
                opened = [x.text for x in self.t[:run[0].index] if x.text in "()"]
                place = any(a <= run[0].start and run[-1].end <= b for a, b in self.proper) or (
                    opened[-1:] == ["("])  # "Gedeputeerde X (Economie en Innovatie)": a portfolio
                dateline = re.match(r"\s*,\s*\d", self.text[run[-1].end:run[-1].end + 6])
                counted = len(run) == 1 and number_value(run[0].text) is not None  # "To virksomheder, A og B indgår"
                nxt = self.t[run[-1].index + 1]
                described = run[0].index == 0 and len(run) == 1 and nxt.is_word and not nxt.is_cap \
                    and nxt.low not in _LIST_WORDS  # "Health board and Cardiff Met sign": a common noun's capital
                signed = wordlist("agreement_words", self.lang).word(run[0].text)  # "het Zorgpact X ondertekend"
                if not place and not dateline and not counted and not described and not signed:
                    # "Belfast, 14 March 2024 - A and B signed": no signatory
                    out.append(self._make("organisation", run[0].start, run[-1].end, "signatory-name", 0.6))
                j = run[-1].index + 1
            else:
                j += 1
        nxt = [t for t in self.t[:at] if t.is_word and not t.is_cap and t.low not in _LIST_WORDS]
        return out if len(out) >= 2 and len(nxt) <= 3 else []


    def join_slashes(self, found: list[Candidate]) -> list[Candidate]:
        """``A / B`` where A and B are both names: one actor with both as other names."""
        out = list(found)
        for a in found:
            for b in found:
                if a is b or a.kind not in ("organisation", "cluster") or b.kind not in ("organisation", "cluster"):
                    continue
                gap = self.text[a.end:b.start]
                if gap.strip() == "/" and len(gap) <= 3 and len(b.text) > 2:  # not "A/S", "I/S": a legal form
                    kind = "cluster" if "cluster" in (a.kind, b.kind) else "organisation"
                    joined = self._make(kind, a.start, b.end, "slash-names", max(a.confidence, b.confidence))
                    joined.aliases |= {a.label, b.label} | a.aliases | b.aliases
                    out.append(joined)
        return out

    def join_dashes(self, found: list[Candidate]) -> list[Candidate]:
        """``A – B`` where A is an actor's short name and B its full name (``Charité – Universitätsmedizin
        Berlin``, ``OST – Ostschweizer Fachhochschule``, ``Voka – Kamer van Koophandel West-Vlaanderen``):
        one actor named by the whole, with A and B as other names."""
        out = list(found)
        for b in found:
            if b.kind not in ("organisation", "cluster"):
                continue
            gap = _DASH_BEFORE.search(self.text, max(0, b.start - 8), b.start)
            dash = next((k for k, tok in enumerate(self.t) if gap and tok.start == gap.start() + 1), 0)
            if not dash:
                continue
            short = self._short_name(dash)
            if short:
                joined = self._make(b.kind, short[0].start, b.end, "dash-names", b.confidence)
                first = self.text[short[0].start:short[-1].end]
                joined.aliases |= {first, b.label} | b.aliases
                joined.head = b.head
                out.append(joined)
        return out

    def _short_name(self, dash: int) -> list[Token]:
        """The short name that ends right before the dash at token ``dash``: an abbreviation or a rare
        capitalised word (``OST``, ``Charité``, ``Landspítali``), alone or before its town (``HTWG
        Konstanz``, ``IDM Südtirol``), starting a noun phrase; no town alone (a dateline's ``Kiel –``)."""
        from ingest.gazetteer import gazetteer

        t = self.t
        for size in (2, 1):
            k = dash - size
            if k < 0 or (k > 0 and (self.name_word(t[k - 1]) or t[k - 1].text in _DASHES)):
                continue
            run = t[k:dash]
            first = run[0]
            if not first.is_word or not self.name_word(first):
                continue
            rare = first.is_acronym or any(c.isupper() for c in first.text[1:]) or (
                first.is_cap and not frequent(first.text, self.lang))
            place = [bool(gazetteer().candidates(x.text.title() if x.is_acronym else x.text, self.lang)) for x in run]
            if not rare or place[0] or (size == 2 and not (place[1] and run[1].is_cap)):
                continue
            return run
        return []


#: Dashes that join an actor's short name to its full name.
_DASHES = {"–", "—", "-"}
#: A dash between spaces right before a full name, which may keep its own article ("Landspítali – The
#: National University Hospital of Iceland").
_DASH_BEFORE = re.compile(r"(?<=\S) [–—-] (?:[Tt]he )?$")




#: Words an abbreviation skips ("Hogeschool van Arnhem en Nijmegen (HAN)").
_SPELLED_LINKS = {"und", "and", "en", "og", "of", "for", "für", "van", "voor", "for", "de", "der", "the", "&", "-",
                  "zur", "zum", "i", "in", "af", "och", "för", "på"}


#: "new" before a head word: what follows describes a new actor ("Neues Netzwerk für Pflege").
_NEW = {"neuer", "neues", "neue", "neuen", "new", "nieuw", "nieuwe", "nyt", "nye", "ny"}


#: first word -> the naming phrases it starts.
_NAMING_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in NAMING:
    _NAMING_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


#: "auf Initiative der/von", "på initiativ af/fra", "op initiatief van", "on/at the initiative of".
_ON_INITIATIVE = re.compile(r"(?:auf|på|op|the)\s+(?:initiative|initiativ|initiatief)\s+(?:der|des|von|vom|af|fra|van"
                            r"|of)\b", re.IGNORECASE)


def _naming_phrase(tokens: list[Token], i: int) -> int:
    """Length of a phrase at ``i`` that introduces a new name, or 0."""
    for phrase in _NAMING_BY_FIRST.get(tokens[i].low, ()):
        if tuple(t.low for t in tokens[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0
