"""The W3C SPARQL 1.1 test suite, run through HIN's HTTP endpoint (docs/conformance.md).

:mod:`~tests.conformance.manifest` reads the manifests, :mod:`~tests.conformance.results` reads
answers in every result format, :mod:`~tests.conformance.compare` compares them (blank nodes up to
renaming, order when the query has ``ORDER BY``) and :mod:`~tests.conformance.runner` runs a test.
"""
from tests.conformance.compare import graphs_isomorphic, has_top_level_order_by, rows_isomorphic
from tests.conformance.manifest import EvaluationTest, approved_query_tests, evaluation_tests
from tests.conformance.runner import Outcome, run_test

__all__ = ["EvaluationTest", "Outcome", "approved_query_tests", "evaluation_tests", "graphs_isomorphic",
           "has_top_level_order_by", "rows_isomorphic", "run_test"]
