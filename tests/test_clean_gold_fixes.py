"""The gold fixes of issue 12: 004 keeps its body paragraph (the standfirst copy goes) with
every annotation carried over exactly, and no gold span stops inside a quotation."""

from __future__ import annotations

import json

from _repo import REPO
from newscorpus.clean import clean_text, load_rules
from newscorpus.clean.remap import clean_offset_map, move_span

DOC = "004_55396772dfa231c4"
BODY = "The heavy exchange of fire threatened to trigger an all-out war that could draw in the United States, Iran and militant groups across the region."
STANDFIRST = "The heavy exchange of fire on Sunday threatened to trigger an all-out war that could draw in the United States, Iran and militant groups across the region."


def test_004_keeps_the_body_paragraph_and_drops_the_standfirst_copy():
    text = (REPO.clean_dir / f"{DOC}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert BODY in lines and STANDFIRST not in lines
    prov = json.loads((REPO.clean_dir / f"{DOC}.provenance.json").read_text(encoding="utf-8"))
    assert [r["text"] for r in prov["removed"] if r["rule"] == "repeated_paragraph"] == [STANDFIRST + "\n"]


def test_every_004_annotation_points_at_its_text():
    text = (REPO.clean_dir / f"{DOC}.txt").read_text(encoding="utf-8")
    paths = [REPO.annotations_dir / f"{DOC}.json", *sorted((REPO.annotations_dir / "passes").glob(f"*/{DOC}.json"))]
    assert len(paths) == 3
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for span in data["spans"]:
            assert text[span["start"] : span["end"]] == span["text"], (path.name, span["id"])
        assert any(s["text"] == "exchange of fire" and text.index(BODY) <= s["start"] for s in data["spans"])


def test_no_gold_span_stops_inside_a_quotation():
    for path in sorted(REPO.annotations_dir.glob("*_*.json")):
        for span in json.loads(path.read_text(encoding="utf-8"))["spans"]:
            t = span["text"]
            assert t.count("“") == t.count("”") and t.count('"') % 2 == 0, (path.name, span["id"], t)


def test_offsets_move_through_raw_when_the_standfirst_goes_instead_of_the_body():
    rules = load_rules(REPO.cleaning_rules_path)
    title = "Rockets hit the north as talks stall in Cairo"
    old_text = "\n".join([STANDFIRST, title, BODY.replace("exchange", "trade")])
    raw = "\n".join([STANDFIRST, title, BODY]) + "\n"
    new = clean_text(raw, rules)
    assert new.text == f"{title}\n{BODY}"
    # the old cleaning kept the standfirst and the title: segments of that text into the same raw
    old_segments = [[0, len(STANDFIRST) + 1 + len(title), 0, len(STANDFIRST) + 1 + len(title)]]
    mapping = clean_offset_map(old_text[: old_segments[0][1]], old_segments, new.text, new.segments)
    war = STANDFIRST.index("war")
    assert move_span(war, war + 3, mapping, old_text, new.text) == (new.text.index("war"), new.text.index("war") + 3)
    sunday = STANDFIRST.index("Sunday")
    assert move_span(sunday, sunday + 6, mapping, old_text, new.text) is None  # not in the body: reported, not guessed
    t = len(STANDFIRST) + 1
    assert move_span(t, t + len(title), mapping, old_text, new.text) == (0, len(title))
