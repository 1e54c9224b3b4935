"""Sentences and tokens with character offsets, from spaCy's blank English pipeline.

Why spaCy: its English tokenizer exceptions keep ``U.S.``, ``Oct.`` and ``Ms.`` whole, split
``Hezbollah’s`` and ``Iran-backed`` where a span boundary falls, and need no model download;
its rule-based ``sentencizer`` then splits on sentence-final punctuation. Each line of the
clean text is a paragraph, so sentences never cross a line break.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]  # document offsets, end exclusive


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


@lru_cache(maxsize=256)
def sentences(text: str) -> tuple[Sentence, ...]:
    """All sentences of a clean text, in order, with token offsets into the whole text.

    Cached: a build segments each document for the tokens config, the events config and the
    card's policy table."""
    result: list[Sentence] = []
    paras = paragraphs(text)
    for (base, _), doc in zip(paras, _nlp().pipe(line for _, line in paras)):
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            start = base + toks[0].idx
            end = base + toks[-1].idx + len(toks[-1].text)
            result.append(
                Sentence(
                    index=len(result),
                    start=start,
                    end=end,
                    text=text[start:end],
                    tokens=tuple(t.text for t in toks),
                    offsets=tuple((base + t.idx, base + t.idx + len(t.text)) for t in toks),
                )
            )
    return tuple(result)

