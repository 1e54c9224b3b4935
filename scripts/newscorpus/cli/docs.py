"""docs/cli.md, generated from the click commands themselves so the reference cannot drift.

Regenerate with ``python -m newscorpus.cli.docs > docs/cli.md``; tests/test_docs.py fails when
the committed file differs or a command lacks help text or an example.
"""

from __future__ import annotations

import click

from newscorpus.cli import cli

EXAMPLES = {
    "init": "newscorpus init my-corpus && cd my-corpus   # then edit release.toml",
    "add": "newscorpus add scraped/*.txt                 # date/outlet from the text when it has them\nnewscorpus add article.txt --published 2024-03 --published-reason \"the report's 'last Tuesday'\" --source \"Example Daily\"\nnewscorpus add news-please.jsonl              # news-please / trafilatura JSON records",
    "show": "newscorpus show 003_0bebbda2a36ce2d2 --html /tmp/003.html",
    "clean": "newscorpus clean                      # corpus/raw/*.txt -> corpus/clean/\nnewscorpus clean --check              # exit 1 if corpus/clean is stale\nnewscorpus clean new.txt --out /tmp/clean",
    "schema": "newscorpus schema && newscorpus schema --check",
    "validate": "newscorpus validate                   # the whole corpus\nnewscorpus validate annotations/passes/a --registry annotations/passes/a/entities.json --format json",
    "agreement": "newscorpus agreement annotations/passes/a annotations/passes/b --diff",
    "evaluate": "newscorpus preannotate corpus/clean/*.txt --out /tmp/pred\nnewscorpus evaluate /tmp/pred annotations --split test",
    "build": "newscorpus build --out dist/hf\nnewscorpus build --standoff --out dist/hf-standoff\nnewscorpus build --jobs 8 --shards 16   # 16 parquet shards per split, 8 worker processes",
    "cluster": "newscorpus cluster --help",
    "cluster plan": "newscorpus cluster plan /shared/job --shards 64",
    "cluster run": "newscorpus cluster run /shared/job --workers 2                      # this machine\nnewscorpus cluster run /shared/job --executor slurm --partition cpu --time 01:00:00",
    "cluster finish": "newscorpus cluster finish /shared/job --out dist/hf",
    "rehydrate": "newscorpus rehydrate dist/hf-standoff --raw my-copies/ --out dist/hf",
    "preannotate": "newscorpus preannotate corpus/clean/004_55396772dfa231c4.txt --out /tmp/pred\nnewscorpus preannotate corpus/clean/*.txt --out /tmp/pred --model models/preannotator",
    "accept-entities": "newscorpus preannotate corpus/clean/*.txt --out suggestions/\nnewscorpus accept-entities suggestions/",
    "train-preannotator": "newscorpus train-preannotator --out models/preannotator",
    "baseline": "newscorpus build && newscorpus baseline --data dist/hf",
    "labelstudio": "newscorpus labelstudio --help",
    "labelstudio config": "newscorpus labelstudio config > config.xml",
    "labelstudio export": "newscorpus labelstudio export corpus/clean/003_0bebbda2a36ce2d2.txt --out tasks.json",
    "labelstudio import": "newscorpus labelstudio import export.json --out annotations/",
    "labelstudio push": "LABEL_STUDIO_API_KEY=... newscorpus labelstudio push --url http://127.0.0.1:8080",
    "labelstudio pull": "LABEL_STUDIO_API_KEY=... newscorpus labelstudio pull --url http://127.0.0.1:8080 --out export.json",
    "labelstudio serve": "newscorpus labelstudio serve --port 8080",
    "labelstudio agreement": "newscorpus labelstudio push --overlap 2 --title batch1   # 'batch1 #1', 'batch1 #2'\nnewscorpus labelstudio agreement --title batch1 --diff",
    "labelstudio adjudicate": "newscorpus labelstudio adjudicate --title batch1\nnewscorpus labelstudio pull --title 'batch1 adjudication' --import",
}


def commands(group: click.Group = cli, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name in sorted(group.commands):
        command = group.commands[name]
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out.extend(commands(command, f"{prefix}{name} "))
    return out


def render() -> str:
    parts = ["# newscorpus CLI reference", "", "Generated from the commands' own help (`python -m newscorpus.cli.docs > docs/cli.md`).", ""]
    for name, command in commands():
        ctx = click.Context(command, info_name=f"newscorpus {name}", terminal_width=100, help_option_names=["-h", "--help"])
        parts += [f"## `newscorpus {name}`", "", "```", EXAMPLES.get(name, "").strip(), "```", "", "```text", command.get_help(ctx).strip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
