"""release.toml: every defect names the file and the key; the repository's own release reads."""

from __future__ import annotations

import pytest

from _repo import REPO
from newscorpus.corpus.release import TEMPLATE, read_release, size_category
from newscorpus.errors import InputError

GOOD = TEMPLATE.format(name="demo", pretty_name="Demo")


def test_repository_release_reads():
    release = read_release(REPO.release_path)
    assert release.name and release.pretty_name and release.license.url.startswith("https://")
    assert release.languages == ("en",)


@pytest.mark.parametrize("change,where,message", [
    (lambda t: t.replace('name = "demo"', 'name = "Demo Corpus"'), "name", "must be lowercase"),
    (lambda t: t.replace('version = "0.1.0"', 'version = "one"'), "version", "is not a version"),
    (lambda t: t.replace('pretty_name = "Demo"', 'pretty_name = ""'), "pretty_name", "is required"),
    (lambda t: t.replace('languages = ["en"]', 'languages = "en"'), "languages", "must be a list"),
    (lambda t: t.replace('languages = ["en"]', 'languages = ["English"]'), "languages[0]", "BCP-47"),
    (lambda t: t.replace('hub_repo_id = ""', 'hub_repo_id = "no-slash"'), "hub_repo_id", "OWNER/NAME"),
    (lambda t: t.replace('date_published = ""', 'date_published = "2024-13-01"'), "date_published", "not an ISO date"),
    (lambda t: t.replace('url = "https://creativecommons.org/licenses/by/4.0/"', 'url = "cc-by"'), "license.url", "http(s) link"),
    (lambda t: t.replace('name = "annotations-cc-by-4.0-text-publishers"', ''), "license.name", "required when license.id is \"other\""),
    (lambda t: t.replace("validation = 0.1", "validation = 0.95"), "splits", "leave a share for train"),
    (lambda t: t.replace("test = 0.1", "test = -1"), "splits.test", "from 0 to below 1"),
    (lambda t: "colour = 'red'\n" + t, "colour", "unknown key"),
    (lambda t: t + "\n[oops\n", None, "invalid TOML"),
])
def test_defects_name_file_and_key(tmp_path, change, where, message):
    path = tmp_path / "release.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_release(path)
    assert info.value.file == str(path) and info.value.where == where
    assert message in str(info.value)


def test_missing_release_file_says_how_to_make_one(tmp_path):
    with pytest.raises(InputError, match="newscorpus init"):
        read_release(tmp_path / "release.toml")


def test_size_categories():
    assert [size_category(n) for n in (0, 999, 1000, 12_345, 2_000_000)] == ["n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "1M<n<10M"]
