"""The curation file: a curator's corrections, applied on every ingest and build (docs/curation.md).

``load_curation(path) -> Curation`` reads and checks a YAML file; :mod:`ingest.curation_actions`
applies it.  Every entry keeps its line, so that a bad entry and an entry that no longer matches
anything are reported as ``file:line``.  Errors are :class:`CurationError` (a ``ValueError``)
naming the file, the line and what to do.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.model import KINDS, RELATIONS

#: Operations of a document's list and the keys each takes (a bare string is the ``entity`` key).
OPERATIONS = {
    "add-entity": {"name", "type"},
    "remove-entity": {"name", "type"},
    "rename": {"entity", "type", "to"},
    "merge": set(),
    "retype": {"entity", "from", "type"},
    "add-relation": {"subject", "predicate", "object", "evidence"},
    "remove-relation": {"subject", "predicate", "object"},
}
TOP_KEYS = {"curator", "date", "documents", "links"}
#: Document key that applies a list to every document of the run.
EVERY_DOCUMENT = "*"
#: The extraction rule of facts and mentions a curator added.
CURATION_RULE = "curation"


class CurationError(ValueError):
    """A curation file that cannot be read or holds a bad entry; the message names file and line."""


@dataclass(frozen=True)
class NamePair:
    """Two names a curator says are (``same``) or are not (``different``) one actor."""

    first: str
    second: str
    where: str = ""  #: ``file:line`` of the curation entry, for messages


@dataclass(frozen=True)
class Curator:
    """Who curated: a name and, optionally, an IRI (ORCID, a staff page) and the date."""

    name: str
    iri: str | None = None
    date: str | None = None  #: ISO date, e.g. "2026-11-22"


@dataclass(frozen=True)
class EntityRef:
    """An entity named in the file: a name (or ``kind/slug``) and, optionally, its kind."""

    name: str
    kind: str | None = None


@dataclass(frozen=True)
class Action:
    """One entry of a document's list."""

    op: str  #: one of OPERATIONS
    document: str  #: a document id, or "*" for every document
    where: str  #: "file:line"
    entities: tuple[EntityRef, ...] = ()  #: the entity (or the entities of a merge, survivor first)
    name: str | None = None  #: add-entity: the name; rename: the new name
    kind: str | None = None  #: add-entity, retype: the new kind
    subject: EntityRef | None = None
    predicate: str | None = None
    object: EntityRef | None = None
    evidence: str | None = None  #: add-relation: words of the sentence that says it


@dataclass(frozen=True)
class Curation:
    """A loaded curation file."""

    path: str
    curator: Curator
    actions: tuple[Action, ...] = ()
    same: tuple[NamePair, ...] = ()
    different: tuple[NamePair, ...] = ()


def load_curation(path: Path | str) -> Curation:
    """Read and check a curation file.

    Raises
    ------
    OSError
        The file cannot be read.
    CurationError
        Bad YAML, an unknown key or operation, a missing value; the message says file, line and
        what to do.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise CurationError(f"{path}:{line}: not valid YAML ({problem}); fix the syntax, "
                            "see docs/curation.md for the format") from None
    return _Reader(str(path)).curation(root)


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def where(self, node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"

    def fail(self, node, what: str) -> CurationError:
        return CurationError(f"{self.where(node)}: {what} (docs/curation.md)")

    def mapping(self, node, allowed: set[str], what: str) -> dict:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        out = {}
        for key, value in node.value:
            name = self.scalar(key, "a key")
            if name not in allowed:
                raise self.fail(key, f"unknown key {name!r} in {what}; use one of {', '.join(sorted(allowed))}")
            out[name] = value
        return out

    def scalar(self, node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.value == "":
            raise self.fail(node, f"{what} must be a plain value")
        return node.value

    def items(self, node, what: str) -> list:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list (lines starting with '- ')")
        return node.value

    def kind(self, node) -> str:
        value = self.scalar(node, "type").casefold()
        if value not in KINDS:
            raise self.fail(node, f"unknown type {value!r}; use one of {', '.join(KINDS)}")
        return value

    def ref(self, node) -> EntityRef:
        if isinstance(node, yaml.ScalarNode):
            return EntityRef(self.scalar(node, "an entity name"))
        keys = self.mapping(node, {"name", "type"}, "an entity")
        if "name" not in keys:
            raise self.fail(node, "an entity needs a name")
        return EntityRef(self.scalar(keys["name"], "name"), self.kind(keys["type"]) if "type" in keys else None)

    def curation(self, root) -> Curation:
        if root is None:
            raise CurationError(f"{self.path}:1: the file is empty; give at least a curator (docs/curation.md)")
        top = self.mapping(root, TOP_KEYS, "the file")
        if "curator" not in top:
            raise self.fail(root, "the file needs a curator (curator: {name: ..., iri: ...})")
        curator_node = top["curator"]
        if isinstance(curator_node, yaml.ScalarNode):
            curator = Curator(self.scalar(curator_node, "curator"))
        else:
            keys = self.mapping(curator_node, {"name", "iri"}, "curator")
            if "name" not in keys:
                raise self.fail(curator_node, "the curator needs a name")
            iri = self.scalar(keys["iri"], "iri") if "iri" in keys else None
            if iri and not iri.startswith(("http://", "https://", "urn:")):
                raise self.fail(keys["iri"], f"curator iri {iri!r} is no IRI; give an http(s) IRI or leave it out")
            curator = Curator(self.scalar(keys["name"], "name"), iri)
        if "date" in top:
            curator = Curator(curator.name, curator.iri, self.scalar(top["date"], "date"))
        actions = []
        if "documents" in top:
            documents = top["documents"]
            if not isinstance(documents, yaml.MappingNode):
                raise self.fail(documents, "documents must map document ids (or \"*\") to lists of entries")
            for key, entries in documents.value:
                document = self.scalar(key, "a document id")
                actions += [self.action(entry, document) for entry in self.items(entries, f"document {document}")]
        same, different = [], []
        for entry in self.items(top["links"], "links") if "links" in top else []:
            keys = self.mapping(entry, {"same", "different"}, "a link")
            for op, value in keys.items():
                names = [self.scalar(n, "a name") for n in self.items(value, op)]
                if len(names) != 2:
                    raise self.fail(value, f"{op} takes exactly two names, got {len(names)}")
                (same if op == "same" else different).append(NamePair(*names, self.where(entry)))
        return Curation(self.path, curator, tuple(actions), tuple(same), tuple(different))

    def action(self, node, document: str) -> Action:
        keys = self.mapping(node, set(OPERATIONS), "an entry")
        if len(keys) != 1:
            raise self.fail(node, "an entry holds exactly one operation, e.g. '- remove-entity: Kamer'")
        op, value = next(iter(keys.items()))
        where = self.where(node)
        if op == "merge":
            refs = tuple(self.ref(n) for n in self.items(value, "merge"))
            if len(refs) < 2:
                raise self.fail(value, "merge takes two or more entities, the one to keep first")
            return Action(op, document, where, entities=refs)
        if isinstance(value, yaml.ScalarNode) and op in ("remove-entity", "add-entity"):
            args = {"name": value}
        else:
            args = self.mapping(value, OPERATIONS[op], op)
        get = {k: self.scalar(v, k) for k, v in args.items() if k not in ("type", "from", "subject", "object")}
        kind = self.kind(args["type"]) if "type" in args else None
        if op in ("add-entity", "remove-entity"):
            if "name" not in get or (op == "add-entity" and kind is None):
                raise self.fail(value, f"{op} needs a name" + (" and a type" if op == "add-entity" else ""))
            return Action(op, document, where, entities=(EntityRef(get["name"], kind),),
                          name=get["name"], kind=kind)
        if op in ("rename", "retype"):
            needed = "to" if op == "rename" else "type"
            if "entity" not in get or (needed not in get and kind is None):
                raise self.fail(value, f"{op} needs entity and {needed}")
            old_kind = self.kind(args["from"]) if op == "retype" and "from" in args else (kind if op == "rename" else None)
            return Action(op, document, where, entities=(EntityRef(get["entity"], old_kind),),
                          name=get.get("to"), kind=kind if op == "retype" else None)
        missing = {"subject", "predicate", "object"} - set(get) - set(args)
        if missing:
            raise self.fail(value, f"{op} needs {', '.join(sorted(missing))}")
        if get["predicate"] not in RELATIONS:
            raise self.fail(args["predicate"], f"unknown predicate {get['predicate']!r}; use one of "
                            f"{', '.join(RELATIONS)}")
        return Action(op, document, where, subject=self.ref(args["subject"]), predicate=get["predicate"],
                      object=self.ref(args["object"]), evidence=get.get("evidence"))
