"""Extraction of one document, as a chain of named stages.

detect language -> split sentences -> mark page chrome -> find mentions -> resolve entities ->
find relations -> keep the entities that are named outside chrome, fix agreement slugs.
"""
from __future__ import annotations

from dataclasses import replace

from ingest.boilerplate import classify
from ingest.entity_edits import settle_agreements
from ingest.language import detect_language
from ingest.mentions import find_mentions
from ingest.model import Extraction, SourceDocument
from ingest.relations import Context, find_relations, paragraphs
from ingest.resolve import resolve
from ingest.sentences import split_sentences


def extract(document: SourceDocument) -> Extraction:
    """Entities and relations of one document, with the sentences that are their evidence.

    Parameters
    ----------
    document : SourceDocument
        As read by :func:`ingest.documents.read_document`; a language of ``"und"`` is detected.

    Returns
    -------
    Extraction
        Its ``document`` carries the detected language.
    """
    if document.language in ("", "und"):
        document = replace(document, language=detect_language(document.text))
    language = document.language
    sentences = split_sentences(document.text, language)
    zones = classify(sentences)
    candidates = find_mentions(document.text, language, sentences, zones)
    entities, keys = resolve(candidates, language)
    by_key = {e.key: e for e in entities}
    by_sentence: dict[int, list] = {}
    for cand in candidates:
        by_sentence.setdefault(cand.sentence, []).append((cand, keys[id(cand)]))
    context = Context(document.text, language, sentences, zones, by_key, by_sentence,
                      paragraphs(document.text, sentences))
    relations = find_relations(context)
    entities, relations = settle_agreements(list(context.entities.values()), relations)
    return Extraction(document=document, sentences=sentences, entities=entities, relations=relations)
