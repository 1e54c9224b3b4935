"""What the card says about who annotated and who reviewed: plain data summed per shard.

Kept apart from ``card.py`` so the build's workers can collect it without importing the card's
dependencies (``datasets``, ``yaml``): a worker whose shard comes from the cache imports nothing heavy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newscorpus.corpus.manifest import Document


@dataclass(frozen=True)
class DocFacts:
    """What the card says about one document: its manifest row and its annotation file's header."""

    doc: Document
    annotators: tuple[dict, ...] = ()
    reviewed_by: str | None = None
    reviewed_at: str | None = None


def doc_facts(doc: Document, annotation: dict) -> DocFacts:
    """The card's view of one annotation file; review fields are read tolerantly (absent: not reviewed)."""
    annotators = tuple(a for a in annotation.get("annotators") or [] if isinstance(a, dict))
    by = annotation.get("reviewed_by")
    at = annotation.get("reviewed_at")
    return DocFacts(doc, annotators, by if isinstance(by, str) and by else None, at if isinstance(at, str) and at else None)


def human_review(fact: DocFacts) -> bool:
    """Reviewed by a person: ``reviewed_by`` names an annotator of kind ``human`` (validate
    refuses any other review record, so a model, an LLM or a program never counts)."""
    if fact.reviewed_by is None:
        return False
    kinds = {a.get("id"): a.get("kind") for a in fact.annotators}
    return kinds.get(fact.reviewed_by) == "human"


class ReleaseFacts:
    """``DocFacts`` of many documents summed into what the card says (who annotated, who
    reviewed): small whatever the corpus size, built per shard in the workers and merged."""

    def __init__(self):
        self.documents = 0
        self.annotators: dict[str, tuple[str, dict]] = {}  # id -> (doc_id of its first mention, its entry there)
        self.annotator_docs: Counter = Counter()
        self.reviewed = 0
        self.reviewers: set[str] = set()
        self.review_days: list[str] = []  # the first and last day, when any review is dated

    @classmethod
    def of(cls, facts: list[DocFacts]) -> "ReleaseFacts":
        out = cls()
        for fact in facts:
            out.add(fact)
        return out

    def add(self, fact: DocFacts) -> None:
        self.documents += 1
        for a in fact.annotators:
            key = str(a.get("id"))
            self.annotators.setdefault(key, (fact.doc.doc_id, a))
            self.annotator_docs[key] += 1
        if human_review(fact):
            self.reviewed += 1
            self.reviewers.add(fact.reviewed_by)
            if fact.reviewed_at:
                day = fact.reviewed_at[:10]
                self.review_days = [min(self.review_days[0], day), max(self.review_days[1], day)] if self.review_days else [day, day]

    def merge(self, other: "ReleaseFacts", position) -> None:
        """Add ``other``'s documents; ``position(doc_id)`` orders first mentions (manifest order)."""
        self.documents += other.documents
        for key, (doc_id, entry) in other.annotators.items():
            if key not in self.annotators or position(doc_id) < position(self.annotators[key][0]):
                self.annotators[key] = (doc_id, entry)
        self.annotator_docs.update(other.annotator_docs)
        self.reviewed += other.reviewed
        self.reviewers |= other.reviewers
        days = self.review_days + other.review_days
        self.review_days = [min(days), max(days)] if days else []

    def to_json(self) -> dict:
        return {"documents": self.documents, "annotators": {k: list(v) for k, v in sorted(self.annotators.items())},
                "annotator_docs": dict(sorted(self.annotator_docs.items())), "reviewed": self.reviewed,
                "reviewers": sorted(self.reviewers), "review_days": self.review_days}

    @classmethod
    def from_json(cls, data: dict) -> "ReleaseFacts":
        out = cls()
        out.documents, out.reviewed, out.review_days = data["documents"], data["reviewed"], list(data["review_days"])
        out.annotators = {k: (v[0], v[1]) for k, v in data["annotators"].items()}
        out.annotator_docs = Counter(data["annotator_docs"])
        out.reviewers = set(data["reviewers"])
        return out


def as_release_facts(facts) -> ReleaseFacts:
    """A ReleaseFacts as it is, or one summed from a list of DocFacts."""
    return facts if isinstance(facts, ReleaseFacts) else ReleaseFacts.of(facts)
