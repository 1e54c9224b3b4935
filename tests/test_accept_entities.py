"""`newscorpus accept-entities`: a session accepts the pre-annotator's proposed ids instead of typing them."""

from __future__ import annotations

import json

from _repo import invoke_in
from newscorpus.corpus.init import init_corpus
from newscorpus.fileio import folder_sha256

ARTICLE = ("date 2024-03-05 Fighters attack a town - Example Photo\n\n"
           "Fighters of the Tawila Liberation Front attacked the town of Kerem on Monday, residents said.\n"
           "The Tawila Liberation Front said its fighters had withdrawn by nightfall.\n")


def _corpus_with_proposals(tmp_path):
    corpus = init_corpus(tmp_path / "c")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for argv in (["add", tmp_path / "a.txt"], ["clean"]):
        assert invoke_in(corpus.root, argv).exit_code == 0
    clean = sorted(corpus.clean_dir.glob("*.txt"))
    result = invoke_in(corpus.root, ["preannotate", *clean, "--out", corpus.annotations_dir])
    assert result.exit_code == 0, result.output
    return corpus


def test_proposed_entities_join_the_registry_and_the_corpus_validates(tmp_path):
    corpus = _corpus_with_proposals(tmp_path)
    (proposal,) = corpus.annotations_dir.glob("*.entities.json")
    proposed = [e["id"] for e in json.loads(proposal.read_text(encoding="utf-8"))["entities"]]
    assert proposed, "the article names a group the empty registry lacks"
    assert invoke_in(corpus.root, ["validate"]).exit_code != 0  # its actors point at ids the registry lacks
    result = invoke_in(corpus.root, ["accept-entities"])
    assert result.exit_code == 0, result.output
    assert f"added {len(proposed)} entit" in result.output
    registry = {e["id"] for e in json.loads(corpus.entities_path.read_text(encoding="utf-8"))["entities"]}
    assert set(proposed) <= registry and not list(corpus.annotations_dir.glob("*.entities.json"))
    assert invoke_in(corpus.root, ["validate"]).exit_code == 0
    again = invoke_in(corpus.root, ["accept-entities"])
    assert again.exit_code == 0 and "added 0 entities" in again.output


def test_a_malformed_proposal_names_file_and_place_and_changes_nothing(tmp_path):
    corpus = _corpus_with_proposals(tmp_path)
    (proposal,) = corpus.annotations_dir.glob("*.entities.json")
    data = json.loads(proposal.read_text(encoding="utf-8"))
    data["entities"][0]["type"] = "DRAGON"
    proposal.write_text(json.dumps(data), encoding="utf-8")
    before = folder_sha256(corpus.root)
    result = invoke_in(corpus.root, ["accept-entities"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert proposal.name in result.output and "/entities/0/type" in result.output, result.output
    assert folder_sha256(corpus.root) == before
