"""The card's annotator and review facts, summed per shard (in the build's workers) and merged,
say exactly what they say when summed over every document in manifest order."""

from __future__ import annotations

import json
import random

from newscorpus.corpus.manifest import Document
from newscorpus.publish.card import ReleaseFacts, annotation_summary, doc_facts, review_summary


def _doc(i: int) -> Document:
    return Document(doc_id=f"d{i:03d}", raw_file=f"d{i:03d}.txt", raw_sha256="0" * 64, title="", source="", published="2024-01-01",
                    published_basis="STATED", published_reason="", language="en", split="train", note="")


def _facts(n: int, seed: int):
    rng = random.Random(seed)
    people = [{"id": "ana", "kind": "human"}, {"id": "ana", "kind": "human", "note": "second spelling of her entry"},
              {"id": "bot", "kind": "model"}, {"id": "llm1", "kind": "llm", "note": "an agent"}, {"id": "li", "kind": "human"}]
    out = []
    for i in range(n):
        annotators = rng.sample(people, rng.randint(1, 3))
        header = {"annotators": annotators}
        if rng.random() < 0.4:
            header["reviewed_by"] = rng.choice(annotators)["id"]
            if rng.random() < 0.7:
                header["reviewed_at"] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z"
        out.append(doc_facts(_doc(i), header))
    return out


def test_shard_sums_merged_in_any_order_match_the_whole_corpus():
    for seed in range(20):
        facts = _facts(60, seed)
        position = {f.doc.doc_id: i for i, f in enumerate(facts)}.__getitem__
        cuts = sorted(random.Random(seed).sample(range(1, 60), 4))
        parts = [facts[a:b] for a, b in zip([0, *cuts], [*cuts, 60])]
        random.Random(seed + 1).shuffle(parts)  # shards finish in any order
        merged = ReleaseFacts()
        for part in parts:
            merged.merge(ReleaseFacts.from_json(json.loads(json.dumps(ReleaseFacts.of(part).to_json()))), position)
        assert annotation_summary(merged) == annotation_summary(facts)
        assert review_summary(merged) == review_summary(facts)


def test_the_first_entry_in_manifest_order_names_the_annotator():
    first = doc_facts(_doc(0), {"annotators": [{"id": "ana", "kind": "human", "note": "first"}]})
    later = doc_facts(_doc(1), {"annotators": [{"id": "ana", "kind": "human", "note": "later"}]})
    position = {"d000": 0, "d001": 1}.__getitem__
    merged = ReleaseFacts()
    merged.merge(ReleaseFacts.of([later]), position)
    merged.merge(ReleaseFacts.of([first]), position)
    assert ": first" in annotation_summary(merged) and "later" not in annotation_summary(merged)


def test_the_card_quotes_the_dev_set_report_when_the_corpus_has_one(tmp_path):
    import json
    import shutil
    from types import SimpleNamespace

    import pytest

    from _repo import REPO
    from newscorpus.errors import InputError
    from newscorpus.publish.card import devset_report

    corpus = SimpleNamespace(project=SimpleNamespace(reports_dir=tmp_path))
    assert devset_report(corpus) == ""  # no report: the card says nothing about a dev set
    shutil.copy(REPO.reports_dir / "preannotator.json", tmp_path / "preannotator.json")
    report = json.loads((tmp_path / "preannotator.json").read_text(encoding="utf-8"))
    text = devset_report(corpus)
    for name, r in report["rules"].items():
        assert f"| {name} | {r['layers']['EVENT']['f1']:.2f} (P {r['layers']['EVENT']['precision']:.2f}) |" in text
    (tmp_path / "preannotator.json").write_text(json.dumps({"rules": {"all": {}}}), encoding="utf-8")
    with pytest.raises(InputError, match="preannotator.json: not a report of benchmarks/bench_preannotate.py"):
        devset_report(corpus)
