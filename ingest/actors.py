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
proper name (region, acronym, inner capital) or stands right after the head or a connector.
"""
from __future__ import annotations

from ingest.candidates import Candidate, clean_label
from ingest.tokens import MONTHS, QUOTES_CLOSE, QUOTES_OPEN, Token, pattern, wordlist

#: Words that may join the parts of a name after its head ("Kamer van Koophandel").
_INNER = {"für", "fur", "van", "voor", "for", "of", "zur", "zum", "de", "du", "des", "der", "in",
          "i", "on", "and", "und", "og", "en", "&", "am", "an", "und", ",", "the"}
#: Of those, the ones that may stand between name words left of a legal form.
_LEFT_INNER = {"für", "van", "voor", "for", "of", "zur", "zum", "&", "-"}
#: Enumerations inside a name are only allowed after a preposition ("für Arbeit, Gesundheit und ...").
_LIST_JOINERS = {",", "und", "and", "og", "en", "&"}
_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "ment", "ik", "e", "en",
                 "er", "um", "ie", "ur", "el")
_ROLE_PREPOSITIONS = {"of", "for", "van", "bij", "at", "hos", "i", "bei", "de", "du"}
_LIST_WORDS = {"and", "og", "en", "und", "et", "have", "has", "hebben", "heeft", "har", "ont", "a", "already", "al",
               "today", "vandaag", "i", "dag", "idag", "now", "nu", "also", "ook", "også"}
#: Prepositions after which a name may enumerate ("Ministerium für Arbeit, Gesundheit und Soziales").
_ENUMERATING = {"für", "fur", "for", "of", "voor", "van", "zur", "zum"}
_ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em", "ische", "ischen", "ischer", "isches")


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
    found = finder.legal() + finder.headed() + finder.described() + finder.named()
    if language != "de":
        found += finder.role_of() + finder.signatories()
    return finder.join_slashes(found)


class _Finder:
    def __init__(self, tokens, sentence, text, language, proper_spans):
        self.t, self.s, self.text, self.lang = tokens, sentence, text, language
        self.proper = proper_spans
        self.stop = wordlist("stopwords", language)
        self.heads = wordlist("org_heads", language)
        self.clusters = wordlist("cluster_words", language)
        self.descriptors = wordlist("descriptors", language)
        self.roles = wordlist("roles", language)
        self.german = language == "de"

    # -- word tests ---------------------------------------------------------------------------
    def is_proper(self, tok: Token) -> bool:
        if not self.german:
            return tok.is_cap
        return tok.looks_proper or any(a <= tok.start and tok.end <= b for a, b in self.proper)

    def name_word(self, tok: Token) -> bool:
        return (tok.is_word and tok.is_cap and self.stop.word(tok.text) is None
                and tok.low not in MONTHS and self.roles.word(tok.text) is None)

    def left_word(self, tok: Token) -> bool:
        """May a capitalised word before the head belong to the name?"""
        if not self.name_word(tok) or self.descriptors.word(tok.text):
            return False
        if self.german:
            if tok.index == 0:
                return self.is_proper(tok)  # the first word of a sentence is capitalised anyway
            return self.is_proper(tok) or tok.low.endswith(_ADJECTIVE_ENDINGS)
        return True

    # -- finders ------------------------------------------------------------------------------
    def legal(self) -> list[Candidate]:
        out = []
        sent_start = self.t[0].start if self.t else 0
        sent_text = self.text[sent_start:self.t[-1].end] if self.t else ""
        for m in pattern("legal_forms", self.lang).finditer(sent_text):
            start, end = sent_start + m.start(), sent_start + m.end()
            before = [tok for tok in self.t if tok.end <= start]
            left = self._extend_left(before, inner=_LEFT_INNER, any_cap=True)
            left = self._drop_before_connector(left)
            if not left:
                continue
            cand = self._make("organisation", left[0].start, end, "legal-form", 0.9)
            cand.head = next((h for h in (self.heads.word(x.text) for x in left) if h), "")
            self._bracket_alias(cand, end)
            out.append(cand)
        return out

    def headed(self) -> list[Candidate]:
        out = []
        for i, tok in enumerate(self.t):
            if not (tok.is_word and tok.is_cap):
                continue
            cluster = self.clusters.at(self.t, i)
            head = self.heads.at(self.t, i)
            if not cluster and not head:
                continue
            n = (cluster or head)[0]
            if not self.german and i == 0 and self.descriptors.word(tok.text):
                continue  # "Klyngen Welfare Tech ...": a sentence-initial descriptor, not a name part
            kind = "cluster" if cluster and not (head and head[0] >= cluster[0]) else "organisation"
            head_class = head[1] if head and kind == "organisation" else ""
            left = self._extend_left(self.t[:i], inner=set(), any_cap=False)
            right, quoted = self._extend_right(i + n)
            if self.german and right and not left and not quoted and not any(
                    self.is_proper(x) or x.low in _INNER for x in right) and right[-1].low.endswith(_NOUN_ENDINGS):
                continue  # "das Bündnis Beiträge leisten": a noun after a bare head is no name
            if not left and not right and not (tok.is_acronym and kind == "organisation"):
                continue
            start = (left[0] if left else tok).start
            end = right[-1].end if right else self.t[i + n - 1].end
            cand = self._make(kind, start, end, "quoted-name" if quoted else f"{kind}-head",
                              0.85 if quoted or right else 0.75)
            cand.head = head_class
            if quoted:
                cand.aliases.add(clean_label(self.text[right[0].start:right[-1].end]))
            self._bracket_alias(cand, end)
            out.append(cand)
        return out

    def described(self) -> list[Candidate]:
        """``descriptor Name`` and ``descriptor A, B, C og D``."""
        out = []
        for i, tok in enumerate(self.t):
            kind = self.descriptors.word(tok.text) if tok.is_word else None
            if not kind or (self.german and tok.is_cap is False):
                continue
            j = i + 1
            names: list[list[Token]] = []
            while j < len(self.t):
                run = []
                while j < len(self.t) and (self.name_word(self.t[j]) or (
                        run and self.t[j].low in {"&"})) and not (self.german and not self.is_proper(self.t[j])):
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
            for run in names:
                out.append(self._make(kind, run[0].start, run[-1].end, "descriptor", 0.8))
        return out

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
                out.append(self._make("organisation", run[0].start, run[-1].end, "named-as", 0.8))
        return out

    def role_of(self) -> list[Candidate]:
        """``CEO of Royal Philips``, ``formand for Danske Regioner``: the capitalised run after a
        role and "of/for/van/bei" names an organisation."""
        out = []
        for i, tok in enumerate(self.t[:-2]):
            if tok.is_word and self.roles.word(tok.text) and self.t[i + 1].low in _ROLE_PREPOSITIONS:
                j = i + 2
                if j < len(self.t) and self.t[j].low in {"the", "de", "het"}:
                    j += 1
                run = self._cap_run(j)
                if run:
                    out.append(self._make("organisation", run[0].start, run[-1].end, "role-of-name", 0.7))
        return out

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
                out.append(self._make("organisation", run[0].start, run[-1].end, "signatory-name", 0.6))
                j = run[-1].index + 1
            else:
                j += 1
        nxt = [t for t in self.t[:at] if t.is_word and not t.is_cap and t.low not in _LIST_WORDS]
        return out if len(out) >= 2 and len(nxt) <= 3 else []

    def _cap_run(self, j: int) -> list[Token]:
        run = []
        while j < len(self.t) and self.name_word(self.t[j]) and len(run) < 6:
            run.append(self.t[j])
            j += 1
        return run

    # -- helpers -------------------------------------------------------------------------------
    def _drop_before_connector(self, left: list[Token]) -> list[Token]:
        """Left of a connector ("van", "für") only a head word may stand: "Kamer van ...", not
        "Holger Winter van CeNTech GmbH"."""
        for k in range(len(left) - 1, -1, -1):
            if left[k].low in _LEFT_INNER - {"&", "-"}:
                before = left[:k]
                if not any(self.heads.word(x.text) or self.clusters.word(x.text) for x in before):
                    return left[k + 1:]
        return left

    def _extend_left(self, before: list[Token], inner: set[str], any_cap: bool) -> list[Token]:
        taken: list[Token] = []
        k = len(before) - 1
        while k >= 0 and len(taken) < 7:
            tok = before[k]
            ok = self.name_word(tok) and (any_cap or self.left_word(tok)) and not self.descriptors.word(tok.text)
            if ok:
                taken.insert(0, tok)
            elif tok.low in inner and k > 0 and self.name_word(before[k - 1]) and taken:
                taken.insert(0, tok)
            else:
                break
            k -= 1
        while taken and (taken[0].low in inner or not taken[0].is_word):
            taken.pop(0)
        return taken

    def _extend_right(self, i: int) -> tuple[list[Token], bool]:
        """Tokens after the head that belong to the name, and whether they were quoted."""
        t = self.t
        if i < len(t) and t[i].text in QUOTES_OPEN:
            j = i + 1
            while j < len(t) and t[j].text not in QUOTES_CLOSE and j - i < 10:
                j += 1
            if j < len(t) and j > i + 1 and all(x.is_cap or not x.is_word or x.low in _INNER for x in t[i + 1:j]):
                return t[i:j + 1], True
            return [], False
        taken: list[Token] = []
        j, fresh, after_preposition = i, True, False
        while j < len(t) and len(taken) < 10:
            tok = t[j]
            if self.german and not taken and self._capital_name(j):
                end = self._capital_name(j)
                taken.extend(t[j:end])
                j = end
                fresh = False
                continue
            if self.name_word(tok) and (fresh or self.is_proper(tok) or self._name_end(j)):
                taken.append(tok)
                fresh = False
            elif self.german and self.name_word(tok) and self._run_to_proper(j):
                end = self._run_to_proper(j)
                taken.extend(t[j:end])
                j = end
                fresh = False
                continue
            elif tok.low in _INNER and j + 1 < len(t) and (tok.low not in _LIST_JOINERS or after_preposition):
                nxt = t[j + 1]
                if tok.low in ("in", "i", "an", "am") and nxt.low not in {"der", "de", "den", "het", "the"}:
                    break  # "Kliniken in Hamburg": a place, not a name part
                if nxt.low in {"der", "de", "des", "den", "het", "the"} and j + 2 < len(t):
                    if tok.low in _LIST_JOINERS:
                        break  # "... und der Europäischen Kommission": a new noun phrase
                    nxt = t[j + 2]
                if not (self.name_word(nxt) or (self.german and nxt.low.endswith(_ADJECTIVE_ENDINGS)
                                                 and not nxt.is_cap and tok.low in {"für", "zur"})):
                    break
                if tok.low in _LIST_JOINERS and self._new_name_at(j + 1):
                    break  # "University of X and Y Cluster B.V.": a second name starts
                if tok.low in _ENUMERATING:
                    after_preposition = True
                taken.append(tok)
                fresh = True
            elif self.german and not tok.is_cap and fresh and taken and tok.low.endswith(_ADJECTIVE_ENDINGS) \
                    and j + 1 < len(t) and t[j + 1].is_cap:
                taken.append(tok)
            else:
                break
            j += 1
        while taken and (taken[-1].low in _INNER or not taken[-1].is_cap):
            taken.pop()
        if self.german and taken and after_preposition:
            caps = [x for x in taken if x.is_cap]
            if len(caps) < 2 and not any(self.is_proper(x) for x in caps) and not self._left_of(i):
                return [], False
        if not self.german and taken and not any(x.is_cap for x in taken):
            return [], False
        return taken, False

    def _run_to_proper(self, j: int) -> int:
        """German: capitalised words that run on to a proper name ending the name ("Netzwerk Pflege
        Digital Westfalen koordiniert"): the end index, or 0."""
        k = j
        while k < len(self.t) and k - j < 3 and self.name_word(self.t[k]):
            if self.is_proper(self.t[k]) and (k + 1 >= len(self.t) or not self.t[k + 1].is_cap):
                return k + 1
            k += 1
        return 0

    def _new_name_at(self, j: int) -> bool:
        """Does a name with its own head, cluster word or legal form start at token ``j``?"""
        k = j
        while k < len(self.t) and self.name_word(self.t[k]) and k - j < 5:
            if self.heads.word(self.t[k].text) or self.clusters.word(self.t[k].text):
                return True
            k += 1
        rest = self.text[self.t[k - 1].end:self.t[k - 1].end + 8] if k > j else ""
        return k > j and bool(pattern("legal_forms", self.lang).match(rest.lstrip()))

    def _capital_name(self, j: int) -> int:
        """German: two to four capitalised words right after the head, the last shaped unlike a
        common noun and followed by a lower-case word or punctuation ("des Netzwerks Medizintechnik
        Oberrhein unterzeichnet"): the end index, or 0."""
        k = j
        while k < len(self.t) and k - j < 4 and self.name_word(self.t[k]):
            k += 1
        if k - j < 2 or self.t[k - 1].low.endswith(_NOUN_ENDINGS):
            return 0
        return k if k >= len(self.t) or not self.t[k].is_cap else 0

    def _name_end(self, j: int) -> bool:
        """German: a last capitalised word after a proper one, shaped unlike a common noun and
        followed by a lower-case word ("Netzwerk MedEcon Ruhr wird")."""
        tok = self.t[j]
        nxt = self.t[j + 1] if j + 1 < len(self.t) else None
        return (j > 0 and self.is_proper(self.t[j - 1]) and not tok.low.endswith(_NOUN_ENDINGS)
                and (nxt is None or not nxt.is_cap))

    def _left_of(self, i: int) -> bool:
        """Is the head before token ``i`` preceded by a word that belongs to the name?"""
        k = i - 1
        while k >= 0 and not (self.heads.word(self.t[k].text) or self.clusters.word(self.t[k].text)):
            k -= 1
        return k > 0 and self.left_word(self.t[k - 1])

    def _make(self, kind: str, start: int, end: int, rule: str, confidence: float) -> Candidate:
        span = self.text[start:end]
        return Candidate(kind, start, end, span, self.s, clean_label(span), rule, confidence)

    def _bracket_alias(self, cand: Candidate, end: int) -> None:
        """``Name (ABBR)``: the abbreviation is another name of the same actor."""
        rest = self.text[end:end + 16]
        if rest.startswith(" (") and ")" in rest:
            inner = rest[2:rest.index(")")]
            if 2 <= len(inner) <= 10 and inner.replace("-", "").replace("&", "").isalnum() \
                    and sum(c.isupper() for c in inner) >= 2:
                cand.aliases.add(inner)

    def join_slashes(self, found: list[Candidate]) -> list[Candidate]:
        """``A / B`` where A and B are both names: one actor with both as other names."""
        out = list(found)
        for a in found:
            for b in found:
                if a is b or a.kind not in ("organisation", "cluster") or b.kind not in ("organisation", "cluster"):
                    continue
                gap = self.text[a.end:b.start]
                if gap.strip() == "/" and len(gap) <= 3:
                    kind = "cluster" if "cluster" in (a.kind, b.kind) else "organisation"
                    joined = self._make(kind, a.start, b.end, "slash-names", max(a.confidence, b.confidence))
                    joined.aliases |= {a.label, b.label} | a.aliases | b.aliases
                    out.append(joined)
        return out


_NAMING = [("under", "navnet"), ("under", "the", "name"), ("unter", "dem", "namen"), ("onder", "de", "naam"),
           ("named",), ("called",), ("genannt",), ("kaldet",), ("genaamd",), ("sous", "le", "nom"),
           ("skal", "hedde"), ("hedder",), ("heißen",), ("heißt",), ("heten",), ("heet",)]


def _naming_phrase(tokens: list[Token], i: int) -> int:
    """Length of a phrase at ``i`` that introduces a new name, or 0."""
    for phrase in _NAMING:
        if tuple(t.low for t in tokens[i:i + len(phrase)]) == phrase:
            return len(phrase)
    return 0
