"""The bisection overlap tests give what the plain scans over every span give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.preannotate import _overlap_test
from newscorpus.preannotate.actors import _crosses


@st.composite
def disjoint_spans(draw):
    cuts = sorted(draw(st.sets(st.integers(0, 60), max_size=16)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
    return draw(st.permutations(spans))


queries = st.tuples(st.integers(-2, 62), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(disjoint_spans(), st.lists(queries, max_size=10))
def test_crossing_a_taken_span(spans, qs):
    ordered = sorted(spans)
    for s, e in qs:
        assert _crosses(ordered, s, e) == any(s < te and ts < e and not (s <= ts and te <= e) for ts, te in spans)


@settings(max_examples=300, deadline=None)
@given(st.one_of(disjoint_spans(), st.lists(queries, max_size=6)), st.lists(queries, max_size=10))
def test_overlapping_a_time(ranges, qs):
    inside = _overlap_test(list(ranges))  # disjoint ranges by bisection, overlapping ones by the scan
    for s, e in qs:
        assert inside(s, e) == any(s < b and a < e for a, b in ranges)
