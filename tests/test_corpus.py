"""The repository's corpus passes every corpus check (tests/corpus_checks.py), whatever it lists."""

import pytest

from _repo import REPO
from corpus_checks import CHECKS


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_repository_corpus(check):
    check(REPO)
