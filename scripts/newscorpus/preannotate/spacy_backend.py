"""Any installed spaCy pipeline as an extra source of suggestions (``preannotate --spacy-model``).

The pipeline's named entities are mapped onto the scheme by ``ENTITY_MAP`` and merged with
the rules' suggestions where the rules said nothing about that stretch (``model.merge_spans``).
The table (OntoNotes labels, as the ``en_core_web_*`` pipelines use):

| spaCy label | scheme |
|---|---|
| PERSON | ACTOR PERSON (NAME) |
| ORG | ACTOR ORGANIZATION (NAME) |
| GPE | LOCATION, or ACTOR STATE where it acts (scheme decision 4, same rule as the gazetteer) |
| LOC, FAC | LOCATION |
| DATE, TIME | TIME (value resolved only when the rules can parse it) |
| NORP, CARDINAL, QUANTITY, MONEY, PERCENT, EVENT, others | nothing: demonyms need decision 1's context and figures need the rules' normalisation |

No pipeline is downloaded: NAME is an installed package name or a pipeline folder.
"""

from __future__ import annotations

from pathlib import Path

from newscorpus.errors import InputError

ENTITY_MAP = {
    "PERSON": ("ACTOR", "PERSON"),
    "ORG": ("ACTOR", "ORGANIZATION"),
    "GPE": ("LOCATION", "LOCATION"),
    "LOC": ("LOCATION", "LOCATION"),
    "FAC": ("LOCATION", "LOCATION"),
    "DATE": ("TIME", "TIME"),
    "TIME": ("TIME", "TIME"),
}
SCORE = 0.5


class SpacyBackend:
    """Entities of an installed spaCy pipeline, mapped onto the scheme."""

    def __init__(self, name: str):
        import spacy

        try:
            self.nlp = spacy.load(name if not Path(name).exists() else Path(name))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot load spaCy pipeline {name!r}: {exc}", "--spacy-model") from None
        if "ner" not in self.nlp.pipe_names and not self.nlp.has_pipe("entity_ruler"):
            raise InputError(f"spaCy pipeline {name!r} has no entity recognizer", "--spacy-model")

    def predict(self, text: str) -> list[tuple[int, int, str, str, float]]:
        from newscorpus.preannotate.gazetteer import _country_role

        out = []
        for ent in self.nlp(text).ents:
            target = ENTITY_MAP.get(ent.label_)
            if target is None:
                continue
            layer, label = target
            if ent.label_ == "GPE" and _country_role(text, ent.start_char, ent.end_char) == "ACTOR":
                layer, label = "ACTOR", "STATE"
            out.append((ent.start_char, ent.end_char, layer, label, SCORE))
        return out

    def merge(self, doc: dict, text: str) -> dict:
        from newscorpus.preannotate.model import merge_spans

        merged = merge_spans(doc, text, self.predict(text))
        merged["annotators"][-1] = {"id": f"spacy-{self.nlp.meta.get('name', 'pipeline')}", "kind": "model",
                                    "note": "entities of a spaCy pipeline mapped onto the scheme (spacy_backend)"}
        return merged
