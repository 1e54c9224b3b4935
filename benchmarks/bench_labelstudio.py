"""Time-to-regions in Label Studio: how long until an annotator sees the largest document's spans.

    .venv/bin/python benchmarks/bench_labelstudio.py [--runs 3] [--template DIR]

Starts a real server (a migrated template folder is made once if not given), pushes the
annotation file with the most spans, opens its task in Debian's chromium (Playwright) and times
navigation -> every region drawn. Also times the same task without its relations and without
any per-region attribute, to show where the time goes. Prints figures; asserts nothing.
Goal (issue 15): <= 3 s on the 2-core CI machine.
"""

from __future__ import annotations

import argparse
import copy
import os
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
from newscorpus.labelstudio.config import config_xml  # noqa: E402
from newscorpus.labelstudio.files import build_tasks  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from ls_browser import log_in, open_task  # noqa: E402

GOAL_S = 3.0


def largest_document() -> tuple[str, int]:
    sizes = {p.stem: len(read_json(p).get("spans", [])) for p in Corpus.open(ROOT).annotations_dir.glob("*.json") if p.name != "entities.json"}
    doc_id = max(sizes, key=lambda d: (sizes[d], d))
    return doc_id, sizes[doc_id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--template", type=Path, default=ROOT / ".pytest_cache" / "d" / "labelstudio-template-1.23.2" / "data")
    args = parser.parse_args()
    doc_id, n_spans = largest_document()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        template = server.make_template(args.template if args.template.exists() else tmp / "template")
        (tmp / "home").mkdir()
        instance = SimpleNamespace(token=secrets.token_hex(20), username="bench@example.com", password=secrets.token_urlsafe(12))
        with server.start(tmp / "data", home=tmp / "home", template=template, username=instance.username,
                          password=instance.password, token=instance.token) as ls_server:
            instance.url = ls_server.url
            ls = LabelStudio(base_url=instance.url, api_key=instance.token)
            (task,) = build_tasks([doc_id])
            labels_only = copy.deepcopy(task)
            no_relations = copy.deepcopy(task)
            no_relations["predictions"][0]["result"] = [r for r in task["predictions"][0]["result"] if r["type"] != "relation"]
            labels_only["predictions"][0]["result"] = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
            variants = {"generated config, full task": task, "without relations": no_relations, "labels only": labels_only}
            targets = {}
            for name, variant in variants.items():
                project = ls.projects.create(title=name, label_config=config_xml())
                ls.projects.import_tasks(id=project.id, request=[variant])
                targets[name] = (project.id, next(iter(ls.tasks.list(project=project.id, fields="task_only"))).id)
            print(f"{doc_id}: {n_spans} spans; {os.cpu_count()} CPUs; goal <= {GOAL_S:.1f} s")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                for name, (project_id, task_id) in targets.items():
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page = context.new_page()
                    log_in(page, instance)
                    times = [open_task(page, instance, project_id, task_id, n_spans) for _ in range(args.runs)]
                    context.close()
                    print(f"time-to-regions {name:<28} first {times[0]:6.2f} s   median of next {statistics.median(times[1:] or times):6.2f} s")
                browser.close()


if __name__ == "__main__":
    main()
