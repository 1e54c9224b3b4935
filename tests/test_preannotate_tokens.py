"""tokenize gives the tokens of its token pattern, with offsets, lowercase and sentence numbers
as the rules read them (any text, also with NULs, Greek final sigma and dotted capitals)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.preannotate.tokens import _ABBREVIATIONS, _CLOSERS, _TOKEN, tokenize

pieces = st.sampled_from(["a", "A", "Mr", "U.S", "İ", "ΟΔΟΣ", "Σ", "1,300-mile", "2.5", "40", "%", ".", "!", "?",
                          " ", "  ", "\n", "\t", ",", "’", "'", "”", ")", "-", "\x00", "word", "Next"])


@settings(max_examples=250, deadline=None)
@given(st.one_of(st.lists(pieces, max_size=40).map("".join), st.text(max_size=40)))
def test_tokens_are_the_pattern_matches_with_sentences(text):
    tokens = tokenize(text)
    assert [(t.text, t.start, t.end) for t in tokens] == [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    sent = 0
    for k, t in enumerate(tokens):
        assert t.index == k and t.lower == t.text.lower() and text[t.start : t.end] == t.text
        assert t.is_word() == t.text[:1].isalnum() and t.is_title() == t.text[:1].isupper()
        if k:
            gap = text[tokens[k - 1].end : t.start]
            before = tokens[k - 2].lower if k > 1 else ""
            if "\n" in gap or (tokens[k - 1].text in ".!?" and gap and t.text[:1].isupper()
                               and before not in _ABBREVIATIONS and (len(before) > 1 or before in _CLOSERS)):
                sent += 1
        assert t.sent == sent


def test_sentence_ends_after_a_closed_quotation():
    toks = tokenize("The army vowed to keep striking “wherever they hide”. Residents fled.")
    res = next(t for t in toks if t.text == "Residents")
    vowed = next(t for t in toks if t.text == "vowed")
    assert res.sent == vowed.sent + 1
    # initials still do not end a sentence
    toks = tokenize("Mohamed A. Hassan said.")
    assert len({t.sent for t in toks}) == 1


def test_a_currency_code_glued_to_digits_is_its_own_token():
    assert [t.text for t in tokenize("paid Rs10 million and KSh500")] == ["paid", "Rs", "10", "million", "and", "KSh", "500"]
    assert [t.text for t in tokenize("Rsx10 and Rs")] == ["Rsx10", "and", "Rs"]  # only a code before digits splits


def test_compounds_in_children_keep_the_irregular_plural():
    from newscorpus.preannotate.tokens import lemma, looks_plural

    assert lemma("grandchildren") == "grandchild" and lemma("Schoolchildren") == "schoolchild"
    assert looks_plural("grandchildren")
