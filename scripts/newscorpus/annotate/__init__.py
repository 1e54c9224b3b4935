"""Annotation: the label inventory (scheme), its JSON Schemas, validation and agreement."""
