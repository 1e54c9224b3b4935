"""Time-to-regions in Label Studio: how long until an annotator sees the largest document's spans.

    .venv/bin/python benchmarks/bench_labelstudio.py [--runs 3] [--template DIR] [--quick]

Starts a real server (from a migrated template folder, made once where the tests keep theirs), pushes the
annotation file with the most spans, opens its task in Debian's chromium (Playwright) and times
navigation -> every region drawn, and the CPU time chromium spent on it (all its processes,
from /proc: steadier than wall time on a shared machine).

Two figures matter. Cold: the task's page opened in a new tab (the whole app starts). In
session: the app already shows another task (the smallest document), and the annotator clicks
the largest task's row in the Data Manager; this is what every task after the first costs.
Side by side (left out with ``--quick``): the task without its relations, without any
per-region attribute, an empty task (the page's own floor, cold and in session), and the full
task under the older config with one Labels control per layer. Prints medians and the load
average; asserts nothing. Goal (issue 15): <= 3 s on the 2-core CI machine.
"""

from __future__ import annotations

import argparse
import copy
import os
import xml.etree.ElementTree as ET
import secrets
import statistics
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from label_studio_sdk import LabelStudio  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from newscorpus.corpus import Corpus  # noqa: E402
from newscorpus.fileio import read_json  # noqa: E402
from newscorpus.labelstudio import server  # noqa: E402
from newscorpus.labelstudio.config import CONTROL_OF_LAYER, LABEL_CONTROL, LAYER_OF_LABEL, config_tree, config_xml  # noqa: E402
from newscorpus.labelstudio.files import build_tasks  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from ls_browser import log_in, open_task, switch_task  # noqa: E402

GOAL_S = 3.0


def documents_by_size() -> list[tuple[str, int]]:
    """(doc id, number of spans) of every annotation file, smallest first."""
    sizes = {p.stem: len(read_json(p).get("spans", [])) for p in Corpus.open(ROOT).annotations_dir.glob("*.json") if p.name != "entities.json"}
    return sorted(sizes.items(), key=lambda item: (item[1], item[0]))


def largest_document() -> tuple[str, int]:
    return documents_by_size()[-1]


def per_layer_config(task: dict) -> tuple[str, dict]:
    """The older layout, for comparison: one Labels control per layer (and the task to match)."""
    tree = config_tree()
    side = tree.find(".//Labels/..")
    single = side.find("Labels")
    at = list(side).index(single)
    side.remove(single)
    controls: dict[str, ET.Element] = {}
    for child in single:
        if child.tag == "Header":
            side.insert(at, child)
            at += 1
            continue
        layer = LAYER_OF_LABEL[child.get("value")]
        if layer not in controls:
            controls[layer] = ET.Element("Labels", name=CONTROL_OF_LAYER[layer], toName=single.get("toName"), showInline="true")
            side.insert(at, controls[layer])
            at += 1
        controls[layer].append(child)
    task = copy.deepcopy(task)
    for r in task["predictions"][0]["result"]:
        if r.get("from_name") == LABEL_CONTROL:
            r["from_name"] = CONTROL_OF_LAYER[LAYER_OF_LABEL[r["value"]["labels"][0]]]
    return ET.tostring(tree, encoding="unicode"), task


def chromium_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of every chromium process started by this one, by pid."""
    procs = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            procs[int(entry)] = (int(fields[1]), stat[stat.index("(") + 1:stat.rindex(")")], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == os.getpid():
                return True
            pid = procs.get(pid, (0,))[0]
        return False

    return {pid: cpu for pid, (_, name, cpu) in procs.items() if "chrom" in name and ours(pid)}


def cpu_since(before: dict[int, float]) -> float:
    return sum(v - before.get(pid, 0.0) for pid, v in chromium_cpu().items())


def timed_open(context, instance, project_id: int, task_id: int, regions: int) -> tuple[float, float]:
    """(wall seconds, chromium CPU seconds) to open the task in a new tab until its regions are drawn."""
    page = context.new_page()
    before = chromium_cpu()
    wall = open_task(page, instance, project_id, task_id, regions)
    cpu = cpu_since(before)
    page.close()
    return wall, cpu


def timed_switch(page, task_id: int, regions: int) -> tuple[float, float]:
    """(wall seconds, chromium CPU seconds) to open the task from the running app's Data Manager."""
    before = chromium_cpu()
    wall = switch_task(page, task_id, regions)
    return wall, cpu_since(before)


def report(label: str, runs: list[tuple[float, float]]) -> None:
    print(f"{label:<48} median wall {statistics.median(w for w, _ in runs):6.2f} s   "
          f"chromium CPU {statistics.median(c for _, c in runs):6.2f} s   (walls {' '.join(f'{w:.1f}' for w, _ in runs)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--template", type=Path, default=ROOT / ".pytest_cache" / "d" / "labelstudio-template-1.23.2" / "data")
    parser.add_argument("--quick", action="store_true", help="only the full task (cold and in-session) and the empty task")
    args = parser.parse_args()
    sizes = documents_by_size()
    (doc_id, n_spans), (small_id, small_spans) = sizes[-1], sizes[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        template = server.make_template(args.template)  # made once, then reused (the browser tests share it)
        (tmp / "home").mkdir()
        instance = SimpleNamespace(token=secrets.token_hex(20), username="bench@example.com", password=secrets.token_urlsafe(12))
        with server.start(tmp / "data", home=tmp / "home", template=template, username=instance.username,
                          password=instance.password, token=instance.token) as ls_server:
            instance.url = ls_server.url
            ls = LabelStudio(base_url=instance.url, api_key=instance.token)
            task, small = build_tasks([doc_id, small_id])
            labels_only = copy.deepcopy(task)
            no_relations = copy.deepcopy(task)
            no_relations["predictions"][0]["result"] = [r for r in task["predictions"][0]["result"] if r["type"] != "relation"]
            labels_only["predictions"][0]["result"] = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
            empty = copy.deepcopy(task)
            del empty["predictions"]

            def regions(t: dict) -> int:
                return sum(r["type"] == "labels" for r in t.get("predictions", [{}])[0].get("result", []))

            config = config_xml()
            variants = {"generated config, full task": (config, task), "empty task (page floor)": (config, empty)}
            if not args.quick:
                variants |= {"without relations": (config, no_relations), "labels only": (config, labels_only),
                             "per-layer Labels (older), full": per_layer_config(task)}
            targets = {}
            for name, (label_config, variant) in variants.items():
                project = ls.projects.create(title=name, label_config=label_config)
                ls.projects.import_tasks(id=project.id, request=[variant])
                targets[name] = (project.id, next(iter(ls.tasks.list(project=project.id, fields="task_only"))).id, regions(variant))
            # one project holding the previous task (the smallest document), the largest and an empty one
            session = ls.projects.create(title="in session", label_config=config)
            ids: dict[str, int] = {}
            for name, variant in (("previous", small), ("full", task), ("empty", empty)):
                ls.projects.import_tasks(id=session.id, request=[variant])
                ids[name] = max(t.id for t in ls.tasks.list(project=session.id, fields="task_only"))
            counts = {"previous": regions(small), "full": regions(task), "empty": 0}
            print(f"{doc_id}: {n_spans} spans ({regions(task)} regions, {len(task['predictions'][0]['result'])} result items); "
                  f"previous task in session {small_id} ({small_spans} spans); {os.cpu_count()} CPUs; goal <= {GOAL_S:.1f} s")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                log_in(context.new_page(), instance)
                timed_open(context, instance, *targets["generated config, full task"])  # warm the page's caches
                times: dict[str, list[tuple[float, float]]] = {name: [] for name in targets}
                for _ in range(args.runs):  # variants interleaved, so load changes hit them alike
                    for name, target in targets.items():
                        times[name].append(timed_open(context, instance, *target))
                # in session: the app is loaded with the previous task; the annotator clicks the next task's row
                # (a second's pause before each timed click: the previous task's late work, drawn by then, is not counted)
                page = context.new_page()
                open_task(page, instance, session.id, ids["previous"], counts["previous"])
                in_session: dict[str, list[tuple[float, float]]] = {"full": [], "empty": []}
                for _ in range(args.runs):
                    for name in ("full", "empty"):
                        page.wait_for_timeout(1000)
                        in_session[name].append(timed_switch(page, ids[name], counts[name]))
                        switch_task(page, ids["previous"], counts["previous"])
                page.close()
                context.close()
                browser.close()
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"load average (1, 5, 15 min): {load}")
            for name, runs in times.items():
                report(f"cold: {name}", runs)
            report("in session (after the previous task): full task", in_session["full"])
            report("in session (after the previous task): empty task", in_session["empty"])


if __name__ == "__main__":
    main()
