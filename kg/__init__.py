"""etkg: an event-timeline knowledge graph built from news articles.

The public API lives in :mod:`kg.api`; ``kg`` is also the command-line program.
"""
__version__ = "0.1.0"
