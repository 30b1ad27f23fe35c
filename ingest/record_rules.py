"""Relations from key-value lines (``ingest/records.py``): the record's cluster is the one named in
its heading, else the page's cluster.

* ``Koordination: A`` / ``Penvoerder  A``: A coordinates the cluster and is a member;
* ``Partner: B; C, Ort``: B and C are members (a place after a comma locates them);
* ``Sitz: X`` / ``Zetel  X`` / ``Werkgebied  X, Y``: the cluster is located there;
* ``Voorzitter  P`` / ``Chair: P (Org)``: the person speaks for the cluster.
"""
from __future__ import annotations

from ingest.member_rules import topic_cluster
from ingest.records import records, value_items
from ingest.relations import Context


def _cluster(context: Context, record):
    if record.heading is not None:
        named = context.mentions(record.heading, "cluster")
        if named:
            return named[0][1]
    return topic_cluster(context)


def record_lines(context: Context) -> None:
    for record in records(context.text, context.sentences, context.zones):
        index = record.sentence.index
        if context.zones.get(index) != "body":
            continue
        cluster = _cluster(context, record)
        if cluster is None:
            continue
        if record.kind == "seat":
            for cand, key in context.mentions(index, "region"):
                if cand.start >= record.value:
                    context.add("locatedIn", cluster, key, index, 0.7, "record-seat")
        elif record.kind == "chair":
            for cand, key in context.mentions(index, "person")[:1]:
                context.add("affiliatedWith", key, cluster, index, 0.7, "record-chair")
        else:
            starts = value_items(record, context.text) + [record.sentence.end]
            for start, end in zip(starts, starts[1:]):
                actors = [(c, k) for c, k in context.mentions(index, "organisation", "cluster") if start <= c.start < end]
                if not actors or actors[0][1] == cluster:
                    continue
                cand, key = actors[0]
                context.add("memberOf", key, cluster, index, 0.7, "record-member")
                if record.kind == "lead":
                    context.add("coordinates", key, cluster, index, 0.7, "record-lead")
                for rcand, rkey in context.mentions(index, "region"):
                    if cand.end <= rcand.start < end and context.between(cand.end, rcand.start).strip() in (",", ""):
                        context.add("locatedIn", key, rkey, index, 0.7, "record-place")


RULES = [record_lines]
