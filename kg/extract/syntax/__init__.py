"""Syntax: dependency trees over the pipeline's own tokens (spaCy models trained on UD)."""
