"""Actors and places: names, gazetteers, the name tagger, institutions, coreference."""
