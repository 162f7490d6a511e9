"""Recognizers: one module per kind of mention (times, actors, quantities, events)."""
