"""Cleaning: every rule, the seeds, provenance as a property, and the CLI's error paths."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from _repo import REPO
from newscorpus.clean import clean_files, clean_text, load_rules
from newscorpus.cli import cli
from newscorpus.errors import RuleError
from newscorpus.corpus.manifest import read_manifest

RULES = load_rules(REPO.cleaning_rules_path)
BODY = "Israeli forces launched a drone strike in southern Lebanon on Wednesday, officials said."

# rule id -> lines the rule must remove (each placed between two reporting paragraphs)
REMOVES = {
    "breadcrumb": ["Home News Israel strikes Lebanon", "Home › World › Middle East › Israel strikes Lebanon"],
    "breadcrumb_line": ["News › World › Middle East"],
    "dateline_stamp": ["date 2024-01-06 Hezbollah fires rockets at northern Israel"],
    "navigation": ["Skip to main content", "Menu", "Search", "Listen to this article · 4 min", "Back to top"],
    "updated_stamp": ["Updated 14:32 GMT", "Published: 6 January 2024", "Last updated on 7 July 2024 10:21 BST", "2024-05-15 | 00:29", "15 May 2024, 10:21"],
    "reading_time": ["2min", "3 min read", "High views"],
    "byline": ["By Jane Doe", "By Jane Doe, Reuters", "By Jane Doe and John Roe | AFP"],
    "photo_caption": ["A photo of the commander released by Hezbollah media.Credit…Hezbollah Media Relations Office", "Image: Israeli soldiers near the border", "Photo: Reuters", "Getty Images", "AP Photo/Hussein Malla"],
    "caption_credit": [
        "Smoke rises over a village in southern Lebanon. (Photo by Kawnat Haju / AFP via Getty Images)",
        "Mahmoud Zayyat / AFP via Getty Images",
    ],
    "advertisement": ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"],
    "read_more": ["Read more: Israel and Hezbollah trade fire", "See also: Who are the Houthis?"],
    "related_list": ["Related Articles", "More on this story", "READ MORE", "Most Read"],
    "follow_us": ["Follow us on Twitter", "Follow Al-Monitor on X for the latest news", "Join our WhatsApp channel on WhatsApp"],
    "newsletter": ["Sign up for our Middle East newsletter", "Subscribe now", "Get the latest news delivered to your inbox"],
    "share_prompt": ["Share:", "Share this article", "Share on Facebook", "Tweet", "Print"],
    "contributor_line": [
        "Michael Crowley and Ronen Bergman contributed reporting.",
        "Reporting by Maya Gebeily; Editing by Alex Richardson",
    ],
    "outlet_tag": ["France24/AFP", "(AFP)", "— Reuters"],
    "source_link": ["Source link", "Read the original article"],
    "comment_form": ["Please enter your comment!", "Please enter your name here", "Leave a Reply", "You have entered an incorrect email address!"],
    "copyright": ["© 2024 Reuters", "Copyright AFP 2024. All rights reserved.", "All rights reserved."],
    "tags_line": ["Tags: Hezbollah, Israel, Lebanon"],
}

# rule id -> (line, what must remain of it) for rules that cut a prefix or a suffix
CUTS = {
    "breadcrumb": ("Home News Israel strikes Lebanon", "Israel strikes Lebanon"),
    "dateline_stamp": ("date 2024-01-06 Hezbollah fires rockets at northern Israel", "Hezbollah fires rockets at northern Israel"),
    "outlet_suffix": ("Hezbollah fires rockets at northern Israel - Reuters", "Hezbollah fires rockets at northern Israel"),
    "click_here": ("Israel struck the missile unit, the army said. Click here to connect with us on WhatsApp", "Israel struck the missile unit, the army said."),
    "ui_glyph_button": ("Harbour floods close the coast road · ☆ Save for later", "Harbour floods close the coast road"),
    "cta_suffix": ("Harbour floods close the coast road | Print · PDF", "Harbour floods close the coast road"),
}

# Reporting that looks like furniture to a careless rule: all of it must survive.
KEEPS = [
    "By Sunday, Israel had struck more than 100 targets in southern Lebanon.",
    "Share prices fell in Tel Aviv as the rockets landed.",
    "Hezbollah said it would follow the instructions of its leadership on any retaliation.",
    "Read more than 200 pages of the report and you find the same warnings, the envoy said.",
    "The photo of the strike, released by the army, showed a car on fire.",
    "Copyright law was not the issue, the lawyer said.",
    "Updated figures from the health ministry put the toll at 492.",
    "Source: a senior Lebanese intelligence official.",
    "Subscribers to the channel saw the video first, the group said.",
    "No Israeli injuries reported",
    "‘We will not withdraw’",
    "BEIRUT — Hezbollah’s Secretary General Hassan Nasrallah hosted a Hamas delegation in Beirut on Wednesday.",
    "Print media in Lebanon reported the strike.",
    "Advertisements for the rally covered Beirut.",
    "Comments by the minister angered Hezbollah.",
    "More from the army came later, officials said.",
    "Like many on X, the minister posted the video of the strike.",
    "Get out of our land, the protesters chanted, according to updates from the scene.",
    "Search teams pulled two bodies from the rubble in Tyre.",
    "Menu prices in Beirut have tripled since the strikes began, residents said.",
    "Getty Images photographers were among those evacuated from the border.",
    # near lines for the widget signals (glyphs, arrows, buttons, media labels, licence notes)
    "■ Twelve people were killed in the strike, the ministry said.",
    "■ Twelve people were killed in the strike",
    "Temperatures reached 31°C in Batken, the highest since 2019",
    "Prices rose 5% ▲ Traders expect more.",
    "The road runs north from Smara → Mahbes, residents said ›",
    "« Nous resterons », a dit le maire »",
    "Save the Children said the convoy was delayed.",
    "Licensed by the ministry in 2019, the bakery employs 12 people.",
    "Distributed by the UN under licence from the ministry, the seeds reached 400 farmers.",
    "Video: the army said troops had entered the village",
    "Map makers in the ministry redrew the border",
    "Summary executions were reported in the village, the UN said.",
    "Part two of the plan was never carried out, officials said.",
    "Part one of the series was filmed in Tyre, the director said",
    "Residents fled south, Lebanon's army said.",
    "Ana Ruiz covers her face as the convoy passes the checkpoint.",
    "Brent crude rose 2% to $81.20 on Monday as the strikes continued.",
    "Follow the money, the prosecutor told the court.",
    "▶ Two paramedics were killed near the border",
    "This story of the siege was told by residents who stayed, with permission to reproduce their names.",
    "Interactive maps of the front line were shared by the army on Monday.",
    "Tyre | Sidon | Nabatieh: strikes went on through the night, residents said",
    "Gaza | The Day After",
    "Watch our borders, the minister warned residents on Monday.",
    "Read the statement in full, the ministry told reporters.",
    "Supported by a grant from the EU, the clinic treats 200 patients a day.",
    "Correction officers at the prison went on strike on Monday.",
    "Open the gates, the crowd chanted outside the ministry.",
    "Words failed the mayor, who had lost two sons in the strike.",
    "Ceasefire talks resume in Cairo | 3 min read",
    "Breaking · Israel and Hezbollah agree to a truce",
    "Go to the site of the strike and you see the crater, residents say.",
    "Consider the alerts: three in one night, residents say",
    "Support our troops, the banners read",
    "Back to the front line went 200 soldiers on Monday.",
    "Your support for the ceasefire matters, the envoy told the ministers.",
    "“We will not leave you,” the priest told the last families in the village.",
    "Our sons are gone and you ask us to wait, one mother wrote to the ministry.",
    "The ministry said its email to the UN, sent from press@ministry.example, went unanswered.",
    "This story of the siege has been told many times by residents.",
    "About the border, the two envoys could not agree.",
    "This content of the deal is not available to the public, the ministry said.",
    "Loading the lorries took three hours at the crossing.",
    "Key events of the war were recalled at the funeral",
    "Thanks to the convoy, the bakery reopened on Monday.",
]


def _removed_by(raw: str) -> dict[str, list[str]]:
    result = clean_text(raw, RULES)
    out: dict[str, list[str]] = {}
    for run in result.removed:
        out.setdefault(run["rule"], []).append(run["text"])
    return out


@pytest.mark.parametrize("rule_id,line", [(r, line) for r, lines in REMOVES.items() for line in lines])
def test_rule_removes_its_furniture(rule_id, line):
    raw = f"{BODY}\n\n{line}\n\n{BODY.replace('Wednesday', 'Thursday')}"
    result = clean_text(raw, RULES)
    if rule_id not in CUTS:
        assert line not in result.text
    assert rule_id in {r["rule"] for r in result.removed}, result.removed
    assert result.text.startswith(BODY) and result.text.endswith(BODY.replace("Wednesday", "Thursday"))


@pytest.mark.parametrize("rule_id,line,kept", [(r, line, kept) for r, (line, kept) in CUTS.items()])
def test_prefix_and_suffix_rules_keep_the_rest(rule_id, line, kept):
    result = clean_text(f"{line}\n{BODY}", RULES)
    assert result.text.split("\n")[0] == kept
    assert rule_id in {r["rule"] for r in result.removed}


def test_every_rule_has_a_table_example():
    covered = set(REMOVES) | set(CUTS) | {r.id for r in RULES.rules if r.examples} | {"bom", "crlf", "lone_cr", "nbsp", "whitespace", "repeated_paragraph", "pull_quote", "lead_image_caption"}  # pull_quote: tests/test_clean_furniture.py
    covered |= {r.id for r in RULES.rules if r.kind == "layout"}  # no pattern: pages in tests/test_clean_layout.py
    assert {r.id for r in RULES.rules} <= covered


@pytest.mark.parametrize("rule_id,line", [(r.id, line) for r in RULES.rules for line in r.examples])
def test_rule_removes_the_examples_in_the_rules_file(rule_id, line):
    raw = f"{BODY}\n\n{line}\n\n{BODY.replace('Wednesday', 'Thursday')}"
    result = clean_text(raw, RULES)
    assert result.text == f"{BODY}\n{BODY.replace('Wednesday', 'Thursday')}", result.removed
    assert rule_id in {r["rule"] for r in result.removed}, result.removed


@pytest.mark.parametrize("line", KEEPS)
def test_reporting_lines_are_kept(line):
    raw = f"{BODY}\n\n{line}\n\nSource link"
    assert clean_text(raw, RULES).text == f"{BODY}\n{line}"


def test_repeated_title_is_removed_and_the_standfirst_goes_for_the_body_paragraph_it_repeats():
    title = "Israel kills senior Hezbollah commander, Hezbollah responds with rocket fire"
    stand = "The heavy exchange of fire on Sunday threatened to trigger an all-out war that could draw in the United States, Iran and militant groups across the region."
    body = stand.replace(" on Sunday", "")
    raw = f"{title}\n\n{title}\n{stand}\n{BODY}\n{body}\n"
    result = clean_text(raw, RULES)
    assert result.text.split("\n") == [title, BODY, body]
    dropped = [r for r in result.removed if r["rule"] != "whitespace"]
    # the second title (exact repeat: the later copy) and the standfirst, one adjacent run
    assert [(r["rule"], r["raw_start"], r["text"]) for r in dropped] == [("repeated_paragraph", len(title) + 2, f"{title}\n{stand}\n")]
    _assert_provenance(raw, result)


def test_exact_repeats_keep_the_first_copy_and_near_repeats_only_look_a_window_back():
    stand = "The heavy exchange of fire on Sunday threatened to trigger an all-out war across the region."
    body = stand.replace(" on Sunday", "")
    filler = [f"Paragraph {i} reports what the army said about strike number {i} today." for i in range(RULES.get("repeated_paragraph").window + 1)]
    far = clean_text("\n".join([stand, *filler, body]), RULES)
    assert far.text.split("\n") == [stand, *filler, body]  # too far apart to be a standfirst
    exact = clean_text("\n".join([stand, *filler, stand]), RULES)
    assert exact.text.split("\n") == [stand, *filler]


def test_lead_caption_only_after_a_date_stamp():
    caption = "Israeli strikes on Hezbollah infrastructure have been mirrored by rocket attacks - Israel Defense Forces"
    with_stamp = clean_text(f"date 2024-01-06 {caption}\n\n{BODY}", RULES)
    assert with_stamp.text == BODY
    assert {m["key"]: m["value"] for m in with_stamp.metadata}["published"] == "2024-01-06"
    without = clean_text(f"{caption}\n\n{BODY}", RULES)
    assert without.text == f"{caption}\n{BODY}"


def test_bom_crlf_and_nbsp_are_accounted_for():
    raw = "\ufeffIsrael\u00a0said it struck\r\n\r\nHezbollah  targets.\r\n"
    result = clean_text(raw, RULES)
    assert result.text == "Israel said it struck\nHezbollah targets."
    rules = {r["rule"] for r in result.removed}
    assert {"bom", "crlf", "whitespace"} <= rules
    assert result.normalized == [{"clean_start": 6, "raw_start": 7, "raw_text": "\u00a0", "clean_text": " ", "rule": "nbsp"}]
    _assert_provenance(raw, result)


def _assert_provenance(raw, result):
    normalized = {n["clean_start"]: n for n in result.normalized}
    mapped = []
    for cs, ce, rs, re_ in result.segments:
        assert ce - cs == re_ - rs
        for k in range(ce - cs):
            clean_char, raw_char = result.text[cs + k], raw[rs + k]
            if cs + k in normalized:
                assert normalized[cs + k]["raw_text"] == raw_char and normalized[cs + k]["clean_text"] == clean_char
            else:
                assert clean_char == raw_char
            mapped.append(rs + k)
    assert [s[0] for s in result.segments] == sorted(s[0] for s in result.segments)
    assert sum(s[1] - s[0] for s in result.segments) == len(result.text)
    removed = [i for r in result.removed for i in range(r["raw_start"], r["raw_end"])]
    for r in result.removed:
        assert raw[r["raw_start"] : r["raw_end"]] == r["text"]
    # every raw character is either kept (exactly once) or removed by a named rule
    assert sorted(mapped + removed) == list(range(len(raw)))


WORD = st.sampled_from("Israel Hezbollah said the army struck rockets near Tyre on Monday officials killed two fighters in southern Lebanon".split())
SENTENCE = st.lists(WORD, min_size=6, max_size=18).map(lambda ws: " ".join(ws).capitalize() + ".")
FURNITURE = st.sampled_from([line for lines in REMOVES.values() for line in lines if not line.startswith(("Home", "date"))])
NEWLINE = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])


@settings(max_examples=150, deadline=None)
@given(
    paragraphs=st.lists(st.tuples(st.booleans(), SENTENCE, FURNITURE, NEWLINE), min_size=1, max_size=12),
    bom=st.booleans(),
    nbsp=st.booleans(),
)
def test_provenance_property(paragraphs, bom, nbsp):
    """Generated articles with injected furniture: provenance is exact and no reporting is lost."""
    parts, reporting = [], []
    for n, (is_furniture, sentence, furniture, newline) in enumerate(paragraphs):
        sentence = f"Paragraph{n} {sentence}"  # distinct content: no paragraph repeats another
        if is_furniture:
            parts.append(furniture + newline)
        else:
            line = sentence.replace(" ", "\u00a0", 1) if nbsp else sentence
            parts.append(line + newline)
            reporting.append(sentence)
    raw = ("\ufeff" if bom else "") + "".join(parts)
    result = clean_text(raw, RULES)
    _assert_provenance(raw, result)
    kept_lines = result.text.split("\n") if result.text else []
    # every reporting paragraph survives
    for sentence in reporting:
        assert sentence in kept_lines
    assert not result.text.startswith("\n") and not result.text.endswith("\n")


def test_every_document_removes_exactly_its_recorded_furniture():
    """For every document the manifest lists: the removals are those its committed provenance
    records, the provenance is exact, and whitespace removals are only whitespace."""
    docs = REPO.documents()
    results = clean_files([REPO.raw_dir / d.raw_file for d in docs], REPO.cleaning_rules_path)
    for result in results:
        raw = (REPO.raw_dir / result.raw_file).read_text(encoding="utf-8")
        recorded = json.loads((REPO.clean_dir / f"{result.doc_id}.provenance.json").read_text(encoding="utf-8"))
        assert result.removed == recorded["removed"], result.doc_id
        _assert_provenance(raw, result)
        assert all(not r["text"].strip() for r in result.removed if r["rule"] == "whitespace")


def test_seed_metadata_is_recovered():
    results = {r.doc_id: r for r in clean_files(sorted(REPO.raw_dir.glob("*.txt")), REPO.cleaning_rules_path)}
    meta = {d: {m["key"]: m["value"] for m in r.metadata} for d, r in results.items()}
    assert meta["002_b239d6d9a59df4e2"]["published"] == "2024-01-06"
    assert meta["003_0bebbda2a36ce2d2"]["outlet"] == "France24/AFP"
    assert meta["000_3bb1601c3ebb1da9"]["contributors"].startswith("Michael Crowley, Ronan Bergman")


def test_committed_clean_corpus_is_not_stale():
    result = CliRunner().invoke(cli, ["clean", "--check"])
    assert result.exit_code == 0, result.output


def test_raw_files_match_manifest_checksums():
    docs = read_manifest(REPO.manifest_path)
    assert sorted(d.raw_file for d in docs) == sorted(p.name for p in REPO.raw_dir.glob("*.txt"))
    for doc in docs:
        assert hashlib.sha256((REPO.raw_dir / doc.raw_file).read_bytes()).hexdigest() == doc.raw_sha256


def test_clean_cli_writes_text_and_provenance(tmp_path):
    raw = tmp_path / "x1.txt"
    raw.write_text(f"Home News {BODY}\n\n{BODY}\n\nShare:\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(raw), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "x1.txt").read_text(encoding="utf-8") == BODY
    prov = json.loads((tmp_path / "out" / "x1.provenance.json").read_text(encoding="utf-8"))
    assert prov["clean_sha256"] == hashlib.sha256(BODY.encode()).hexdigest()
    assert {r["rule"] for r in prov["removed"]} >= {"breadcrumb", "repeated_paragraph", "share_prompt"}


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "file is empty (0 bytes)"),
        (b"Israel said \xff\xfe it struck", "byte 12: not valid UTF-8"),
        (b"   \n\n  ", "only whitespace"),
        (b"Share:\n\nSource link\n", "cleaning removed everything"),
    ],
)
def test_clean_cli_bad_input_writes_nothing(tmp_path, content, message):
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["clean", str(good), str(bad), "--out", str(out)])
    assert result.exit_code == 1
    assert message in result.output and "bad.txt" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_clean_cli_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["clean", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.output


@pytest.mark.parametrize(
    "rules_text,message",
    [
        ('[[rule]]\nid = "x"\nkind = "line"\ndescription = "d"\npattern = "("\n', "bad pattern"),
        ('[[rule]]\nid = "x"\nkind = "teleport"\ndescription = "d"\n', "unknown kind"),
        ('[[rule]]\nid = "w"\nkind = "whitespace"\ndescription = "d"\n[[rule]]\nid = "w"\nkind = "whitespace"\ndescription = "d"\n', "duplicate rule id"),
        ("[[rule]\n", "invalid TOML"),
        ('[[rule]]\nid = "x"\nkind = "prefix"\ndescription = "d"\npattern = "a"\nprevious = "b"\n', "previous is for line rules"),
        ('[fragments]\nUPPER = "[A-Z]"\n[[rule]]\nid = "w"\nkind = "whitespace"\ndescription = "d"\n', "'UPPER' is built in"),
    ],
)
def test_bad_rules_file_is_a_clear_error(tmp_path, rules_text, message):
    path = tmp_path / "rules.toml"
    path.write_text(rules_text, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules(path)


def test_a_new_rule_needs_no_code_change(tmp_path):
    extra = '\n[[rule]]\nid = "podcast_prompt"\nkind = "line"\ndescription = "Podcast plugs"\npattern = \'Tune in to our podcast.{0,80}\'\n'
    path = tmp_path / "rules.toml"
    path.write_text(REPO.cleaning_rules_path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = clean_text(f"{BODY}\nTune in to our podcast on Spotify\n", load_rules(path))  # a shape no rule knows
    assert result.text == BODY
    assert "podcast_prompt" in {r["rule"] for r in result.removed}


def test_the_built_in_letter_fragments_read_every_script(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "w"\nkind = "whitespace"\ndescription = "d"\n'
                    '[[rule]]\nid = "name"\nkind = "line"\ndescription = "d"\npattern = "<<UPPER>><<LOWER>>+"\n', encoding="utf-8")
    rule = load_rules(path).get("name")
    for word in ("Łukasz", "Élodie", "Şebnem", "Жанна", "Ωmega", "Sena"):
        assert rule.pattern.fullmatch(word), word
    for word in ("élodie", "łukasz", "Ab1", "SENA", "_Ab"):
        assert not rule.pattern.fullmatch(word), word


def test_the_built_in_glyph_fragment_is_a_widget_mark_never_a_sign_of_prose(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "w"\nkind = "whitespace"\ndescription = "d"\n'
                    '[[rule]]\nid = "glyph"\nkind = "line"\ndescription = "d"\npattern = "<<GLYPH>>"\n', encoding="utf-8")
    rule = load_rules(path).get("glyph")
    for mark in ("▶", "🎧", "🔔", "☆", "✔", "▲", "→", "↗", "■", "🖨"):
        assert rule.pattern.fullmatch(mark), mark
    for sign in ("©", "®", "°", "™", "№", "•", "»", "›", "+", "−", "A", "1", "€"):
        assert not rule.pattern.fullmatch(sign), sign


def test_the_rules_spell_capitals_in_any_script():
    # an ASCII capital class misses 'Sèna' and 'Łukasz'; only ASCII codes (time zones, 'EN | FR') keep [A-Z]
    text = REPO.cleaning_rules_path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("TZ = ") or line.lstrip().startswith("#"):
            continue
        rest = line.replace("[A-Z]{2}", "")
        assert "A-Z" not in rest and "a-z" not in rest, f"cleaning_rules.toml line {number}: write <<UPPER>>/<<LOWER>>, not an ASCII range"
