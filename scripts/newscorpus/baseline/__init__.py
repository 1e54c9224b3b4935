"""Baselines trained on the published splits."""
