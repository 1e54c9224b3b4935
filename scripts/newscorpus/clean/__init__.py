"""Boilerplate removal with character-level provenance.

A generic cleaner (``cleaner.py``) applies the rules in ``data/cleaning_rules.toml`` (rules are
data, read by ``rules.py``: adding one needs no code change). Every clean character maps to the
raw character it came from and every removed raw character records the rule that removed it.
Raw offsets are code-point indices into the UTF-8-decoded raw file (a BOM counts as one).
"""

from newscorpus.clean.cleaner import CleanResult, clean_text
from newscorpus.clean.files import CleanSummary, check_out_dir, clean_corpus, clean_file, clean_files, clean_outputs, decode_raw, stale_outputs
from newscorpus.clean.rules import Rule, RuleSet, load_rules, parse_rules

__all__ = [
    "CleanResult", "CleanSummary", "Rule", "RuleSet", "check_out_dir", "clean_corpus", "clean_file", "clean_files",
    "clean_outputs", "clean_text", "decode_raw", "load_rules", "parse_rules", "stale_outputs",
]
