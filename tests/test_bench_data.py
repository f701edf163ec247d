"""The benchmarks' synthetic data is valid, so they measure the checker's pass path."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT
from explainer import check, load

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate


def test_synthetic_data_passes_every_rule(tmp_path: Path) -> None:
    info = generate(tmp_path, 40)
    ds = load(tmp_path / "data", root=tmp_path)
    assert info["claims"] == sum(1 for _ in ds.claims()) == 120
    assert check(ds) == []
