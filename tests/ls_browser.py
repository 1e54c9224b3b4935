"""Driving the Label Studio annotation page in a real browser (tests and benchmarks/bench_labelstudio.py)."""

from __future__ import annotations

import time

# the open annotation's regions, as the page's own store holds them
REGIONS = "() => window.Htx.annotationStore.selected.regionStore.regions.map(r => ({id: r.cleanId, labels: Array.from(r.labels || []), text: r.text}))"
REGION_RESULTS = """(id) => { const r = window.Htx.annotationStore.selected.regionStore.regions.find(r => r.cleanId === id);
  return r ? r.results.map(x => x.from_name.name) : null; }"""
REGION_CENTRE = """(id) => { const r = window.Htx.annotationStore.selected.regionStore.regions.find(r => r.cleanId === id);
  if (!r || !r._spans || !r._spans.length) return null;
  r._spans[0].scrollIntoView({block: "center"}); const b = r._spans[0].getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }"""
WORD_BOX = """(word) => { const walker = document.createTreeWalker(document.querySelector(".nc-text"), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { const i = n.textContent.indexOf(word);
    if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length);
      n.parentElement.scrollIntoView({block: "center"}); const b = r.getBoundingClientRect(); return [b.left, b.right, b.top + b.height / 2]; } }
  return null; }"""


def log_in(page, instance) -> None:
    page.goto(f"{instance.url}/user/login")
    page.fill("input[name=email]", instance.username)
    page.fill("input[name=password]", instance.password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


# ready: the page shows task ``id`` with at least ``n`` regions, each drawn (its highlight in the document);
# the task id and the attached highlights matter inside a running app, where the previous task's page goes away
DRAWN = """([id, n]) => { const h = window.Htx; const a = h && h.annotationStore && h.annotationStore.selected;
  if (!a || !h.task || h.task.id !== id) return false;
  const regions = a.regionStore.regions;
  return regions.length >= n && document.querySelectorAll('.htx-highlight').length >= n
    && regions.every(r => r._spans && r._spans.length > 0 && r._spans[0].isConnected); }"""


def open_task(page, instance, project_id: int, task_id: int, regions: int, timeout_ms: int = 120_000) -> float:
    """Open a task's annotation page; seconds until ``regions`` regions are drawn in the text."""
    started = time.monotonic()
    page.goto(f"{instance.url}/projects/{project_id}/data?task={task_id}")
    page.wait_for_function(DRAWN, arg=[task_id, regions], timeout=timeout_ms)
    return time.monotonic() - started


def task_row(page, task_id: int):
    """The Data Manager's table row of a task (the page must show the project's data)."""
    rows = page.locator("[data-testid=table-row-wrapper]")  # its select box names the task (the id column may be hidden)
    return rows.filter(has=page.locator(f'input[aria-label="Select Task {task_id}"]')).first


def switch_task(page, task_id: int, regions: int, timeout_ms: int = 120_000) -> float:
    """Inside the running app, click the task's row in the Data Manager, as an annotator does;
    seconds until its ``regions`` regions are drawn."""
    row = task_row(page, task_id)
    row.wait_for(state="visible", timeout=timeout_ms)
    started = time.monotonic()
    row.click(position={"x": 120, "y": 30})  # on its text, clear of the select box and the source button
    page.wait_for_function(DRAWN, arg=[task_id, regions], timeout=timeout_ms)
    return time.monotonic() - started


SELECTED = "() => { const n = window.Htx.annotationStore.selected.highlightedNode; return n ? n.cleanId : null; }"


def click_region(page, region_id: str, attempts: int = 5) -> None:
    """Click the region in the text until the page has it selected (the first clicks after a load can be lost,
    and a region's highlight can be attached a moment after the count of highlights is reached)."""
    for _ in range(attempts):
        deadline = time.monotonic() + 30
        while (centre := page.evaluate(REGION_CENTRE, region_id)) is None:  # highlight (re)drawn in a moment
            assert time.monotonic() < deadline, f"region {region_id} has no highlight in the text"
            page.wait_for_timeout(200)
        x, y = centre
        page.mouse.click(x, y)
        page.wait_for_timeout(300)
        if page.evaluate(SELECTED) == region_id:
            return
    raise AssertionError(f"clicking region {region_id} did not select it (selected: {page.evaluate(SELECTED)})")


def drag_over(page, word: str) -> None:
    """Select ``word`` (its first occurrence) with the mouse, as an annotator drawing a span does."""
    left, right, y = page.evaluate(WORD_BOX, word)
    page.mouse.move(left + 1, y)
    page.mouse.down()
    page.mouse.move((left + right) / 2, y, steps=4)
    page.mouse.move(right - 1, y, steps=4)
    page.mouse.up()
    page.wait_for_timeout(500)
