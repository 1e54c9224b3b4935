"""Label Studio in a real browser (Playwright + Debian's chromium) against the session's real server.

What an annotator sees and does: a pushed task opens with every region drawn, a selected region
shows only its own layer's controls, another layer's attribute hotkeys never reach the submission,
a label key of another layer replaces the label (and the pull moves the span to that layer), and relabelling, a span drawn with
the mouse, a relation and Submit come back as exactly the expected annotation file. An
adjudication task (Label Studio's FF_DEV_3391 off, as `labelstudio serve` starts it) shows the
merged version with its disagreement marked and each annotator's version as a tab.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import pytest
from label_studio_sdk import LabelStudio

from _repo import REPO
from newscorpus.fileio import read_json
from newscorpus.labelstudio import server as labelstudio_server
from newscorpus.labelstudio.adjudicate import start_adjudication
from newscorpus.labelstudio.api import pull, push
from newscorpus.annotate.validate import load_registry, validate_document

from ls_browser import REGION_RESULTS, REGIONS, click_region, drag_over, log_in, open_task
from ls_helpers import client, reviewed, submit_as, without

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
ENTITIES = FIXTURES / "entities.json"
DOC = FIXTURES / "001_f223456a580e97a0.json"


@pytest.fixture
def ls_env(label_studio, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", label_studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", label_studio.token)
    return label_studio


@pytest.fixture
def page(chromium, label_studio):
    """A fresh browser context (no cookies, no cache, no drafts), logged in."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, label_studio)
    try:
        yield page
    finally:
        context.close()


def task_ids(instance, project_id: int) -> dict[str, int]:
    ls = LabelStudio(base_url=instance.url, api_key=instance.token)
    return {t.data["doc_id"]: t.id for t in ls.tasks.list(project=project_id, fields="task_only")}


def submit(page, instance, task_id: int) -> None:
    page.get_by_role("button", name="Submit").click()
    ls = LabelStudio(base_url=instance.url, api_key=instance.token)
    deadline = time.monotonic() + 30
    while not list(ls.annotations.list(id=task_id)):
        assert time.monotonic() < deadline, "the submission never reached the server"
        time.sleep(0.3)


def visible(page, selector: str) -> bool:
    return page.locator(selector).evaluate("e => e.offsetParent !== null")


def test_annotate_in_the_browser_and_pull(ls_env, page, tmp_path):
    original = read_json(DOC)
    text = (REPO.clean_dir / f"{DOC.stem}.txt").read_text(encoding="utf-8")
    report = push([DOC.stem], title="browser session", annotations_dir=FIXTURES)
    task_id = task_ids(ls_env, report.project_id)[DOC.stem]

    # the pushed task opens with every span drawn, under its own id
    open_task(page, ls_env, report.project_id, task_id, regions=len(original["spans"]))
    # the server's feature flags reach the page (labelstudio/server.py FEATURE_FLAGS)
    flags = page.evaluate("() => window.APP_SETTINGS.feature_flags")
    assert all(flags.get(name) is (value == "true") for name, value in labelstudio_server.FEATURE_FLAGS.items())
    regions = page.evaluate(REGIONS)
    assert [r["id"] for r in regions] == [s["id"] for s in original["spans"]]
    assert all(r["labels"] == [s["label"]] for r, s in zip(regions, original["spans"]))
    # relations do not cover the text until one is highlighted
    assert page.locator(".relations-overlay").evaluate("e => getComputedStyle(e).display") == "none"

    # an ACTOR region shows the ACTOR controls only
    click_region(page, "A1")
    controls = {name: visible(page, f".lsf-choices:has-text('{word}')")
                for name, word in (("realis", "HYPOTHETICAL"), ("mention", "NOMINAL"), ("qualifier", "AT_LEAST"))}
    assert controls == {"realis": False, "mention": True, "qualifier": False}
    text_areas = page.locator("[data-testid=textarea-control]")
    shown = [text_areas.nth(i).evaluate("e => e.offsetParent !== null") for i in range(text_areas.count())]
    assert len(shown) == 5 and sum(shown) == 2  # of entity, figure value, unit, time value, note: entity and note
    # another layer's attribute hotkey (realis HYPOTHETICAL) on it never reaches the submission
    page.keyboard.press("Alt+y")
    page.wait_for_timeout(200)

    # relabel within the layer: E1 MEETING -> NEGOTIATION (n)
    click_region(page, "E1")
    page.keyboard.press("n")
    page.wait_for_timeout(300)
    assert next(r for r in page.evaluate(REGIONS) if r["id"] == "E1")["labels"] == ["NEGOTIATION"]
    page.keyboard.press("u")  # unselect

    # draw a new LOCATION span with the mouse
    page.keyboard.press("Shift+L")
    drag_over(page, "Gaza Strip")
    new = [r for r in page.evaluate(REGIONS) if r["id"] not in {s["id"] for s in original["spans"]}]
    assert [(r["labels"], r["text"]) for r in new] == [(["LOCATION"], "Gaza Strip")]
    page.keyboard.press("Escape")
    page.keyboard.press("u")

    # a PLACE relation from the ATTACK E2 to it: select E2, Alt+R, click the new span, pick the role
    click_region(page, "E2")
    page.keyboard.press("Alt+r")
    page.wait_for_timeout(200)
    click_region(page, new[0]["id"])
    page.locator(".lsf-panel-tabs__tab", has_text="Relations").first.click()
    relation = page.locator(".lsf-relations__item").last
    relation.hover()
    relation.get_by_label("Show Relation Labels").click()
    page.locator(".lsf-relation-meta").last.locator("button").first.click()
    page.get_by_role("option", name="PLACE").click()
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    page.screenshot(path=str(tmp_path / "before-submit.png"))

    submit(page, ls_env, task_id)

    out = tmp_path / "annotations"
    pulled = pull(title="browser session", import_to=out, registry_path=ENTITIES)
    assert pulled.imported.complete, (pulled.imported.problems, pulled.imported.refused)
    got = read_json(out / DOC.name)
    registry, _ = load_registry(ENTITIES)
    assert validate_document(got, file=DOC.name, clean_text=text, registry=registry) == []

    start = text.index("Gaza Strip")
    expected = reviewed(original, 1, got["reviewed_at"])
    spans = {s["id"]: s for s in expected["spans"]}
    spans["E1"].update(label="NEGOTIATION", origin="manual")
    spans["E2"].update(origin="manual", arguments=[*spans["E2"]["arguments"], {"role": "PLACE", "ref": "L3"}])
    expected["spans"].append({"id": "L3", "layer": "LOCATION", "label": "LOCATION", "start": start, "end": start + 10,
                              "text": "Gaza Strip", "origin": "manual", "annotators": ["labelstudio_1"]})
    for a, b in zip(got["spans"], expected["spans"]):
        assert a == b
    assert got == expected
    assert "realis" not in next(s for s in got["spans"] if s["id"] == "A1")


def test_a_label_key_of_another_layer_replaces_the_label(ls_env, page, tmp_path):
    """One single-choice Labels control: a label key of another layer replaces the selected span's
    label (never a second label), the span then shows its new layer's controls, and the pull
    brings it back as a span of the new layer without the old layer's attributes."""
    original = read_json(DOC)
    report = push([DOC.stem], title="browser relabel", annotations_dir=FIXTURES)
    task_id = task_ids(ls_env, report.project_id)[DOC.stem]
    open_task(page, ls_env, report.project_id, task_id, regions=len(original["spans"]))
    actor = next(s for s in original["spans"] if s["id"] == "A3")
    assert (actor["label"], actor["mention"], actor["entity"]) == ("ARMED_GROUP", "NAME", "hamas")  # no event points at A3
    click_region(page, "A3")
    page.keyboard.press("c")  # CONFLICT, an EVENT label, while an ACTOR span is selected
    page.wait_for_timeout(300)
    assert next(r for r in page.evaluate(REGIONS) if r["id"] == "A3")["labels"] == ["CONFLICT"]
    assert page.evaluate(REGION_RESULTS, "A3").count("label") == 1
    click_region(page, "A3")
    assert visible(page, ".lsf-choices:has-text('HYPOTHETICAL')") and not visible(page, ".lsf-choices:has-text('NOMINAL')")
    page.keyboard.press("Alt+a")  # realis ACTUAL, now that it is an event
    page.wait_for_timeout(300)
    submit(page, ls_env, task_id)

    imported = pull(title="browser relabel", import_to=tmp_path, registry_path=ENTITIES).imported
    assert imported.complete, (imported.problems, imported.refused)
    got = read_json(tmp_path / DOC.name)
    (new_id,) = [s["id"] for s in got["spans"] if s["id"] not in {x["id"] for x in original["spans"]}]
    assert "A3" not in {s["id"] for s in got["spans"]} and new_id.startswith("E")
    span = next(s for s in got["spans"] if s["id"] == new_id)
    assert {k: span[k] for k in ("layer", "label", "start", "end", "realis", "origin")} == {
        "layer": "EVENT", "label": "CONFLICT", "start": actor["start"], "end": actor["end"], "realis": "ACTUAL", "origin": "manual"}
    assert not {"mention", "entity"} & set(span)
    text = (REPO.clean_dir / f"{DOC.stem}.txt").read_text(encoding="utf-8")
    registry, _ = load_registry(ENTITIES)
    assert validate_document(got, file=DOC.name, clean_text=text, registry=registry) == []


def test_an_adjudication_task_in_the_browser(ls_env, page, tmp_path):
    """What the adjudicator sees: the merged version drawn, with every disagreement marked, and
    each annotator's own version one tab away (Label Studio's predictions)."""
    ls = client(ls_env)
    tag = secrets.token_hex(3)
    users = {name: ls.users.create(email=f"{name}-{tag}@example.com", username=f"{name}-{tag}").id for name in ("b", "c")}
    push([DOC.stem], title=f"adjudicate {tag}", annotations_dir=FIXTURES, overlap=2)
    original = read_json(DOC)
    submit_as(ls, f"adjudicate {tag} #1", users["b"], lambda _doc, result: without(result, "F4"))
    submit_as(ls, f"adjudicate {tag} #2", users["c"])
    report, counts, _ = start_adjudication(f"adjudicate {tag}", registry_path=ENTITIES)
    disagreements = counts[DOC.stem][1]
    assert disagreements == 1  # F4: only C kept it
    task_id = task_ids(ls_env, report.project_id)[DOC.stem]
    open_task(page, ls_env, report.project_id, task_id, regions=len(original["spans"]))
    b, c = (f"labelstudio_{users[k]}" for k in ("b", "c"))
    store = "window.Htx.annotationStore"
    versions = page.evaluate(f"() => {store}.predictions.map(p => [p.createdBy, p.regionStore.regions.length])")
    assert sorted(versions) == sorted([[b, len(original["spans"]) - 1], [c, len(original["spans"])], ["adjudication", len(original["spans"])]])
    # the disagreement is marked on its region: who proposed it
    meta = page.evaluate(f"() => {store}.selected.regionStore.regions.filter(r => r.meta && r.meta.text).map(r => [r.cleanId, r.meta.text])")
    assert meta == [["F4", [f"only {c}"]]]
    # B's own version is one tab away, and the adjudicator's annotation is still there after it
    tab = page.locator(".lsf-annotation-button", has_text=b)
    assert tab.is_visible()
    tab.click()
    page.wait_for_function(f"n => {store}.selected.regionStore.regions.length === n && !{store}.selected.regionStore.regions.some(r => r.cleanId === 'F4')",
                           arg=len(original["spans"]) - 1)
    page.locator(".lsf-annotation-button").first.click()
    page.wait_for_function(f"n => {store}.selected.type === 'annotation' && {store}.selected.regionStore.regions.length === n", arg=len(original["spans"]))
    page.screenshot(path=str(tmp_path / "adjudication.png"))
