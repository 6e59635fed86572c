"""The sector classifier against a hand-labelled gold set (every numbered item of 001 and 004)."""

from __future__ import annotations

import yaml

from tests.helpers import ROOT, seed_archive

GOLD = ROOT / "tests" / "gold" / "sectors_001_004.yml"


def evaluate() -> tuple[float, float, int]:
    """Micro precision and recall of the classifier against the hand-labelled gold set."""
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    archive = seed_archive()
    true_positive = predicted = actual = 0
    items = 0
    for slug, labels in gold.items():
        hits = archive.part_sectors[slug]
        for anchor, sectors in labels.items():
            items += 1
            found = {hit.sector for hit in hits.get(anchor, ())}
            wanted = set(sectors or [])
            true_positive += len(found & wanted)
            predicted += len(found)
            actual += len(wanted)
    return true_positive / max(predicted, 1), true_positive / max(actual, 1), items


def test_classifier_meets_the_gold_set() -> None:
    precision, recall, items = evaluate()
    print(
        f"\nsector classifier on {items} gold items: precision {precision:.3f}, recall {recall:.3f}"
    )
    assert items == 97
    assert precision >= 0.85 and recall >= 0.85
