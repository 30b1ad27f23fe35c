"""Each package's public surface is its short sorted __all__, and every name in it exists."""
import importlib

import pytest

PACKAGES = ["graph_api", "graph_api.network", "ingest", "ontology", "queries", "shapes"]


@pytest.mark.parametrize("package", PACKAGES)
def test_all_is_sorted_and_every_name_resolves(package):
    module = importlib.import_module(package)
    exported = module.__all__
    assert exported == sorted(exported), f"{package}.__all__ is not sorted"
    assert len(exported) == len(set(exported))
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{package}.__all__ names what it does not define: {missing}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_public_name_is_left_out_of_all(package):
    module = importlib.import_module(package)
    public = {name for name, value in vars(module).items()
              if not name.startswith("_") and getattr(value, "__module__", "").startswith(package)
              and not isinstance(value, type(importlib))}
    assert public <= set(module.__all__), f"{package} exposes {sorted(public - set(module.__all__))}"
