"""Input readers: text, JSON Lines, CSV/TSV, web pages, directories and stdin -> :class:`Document`.

Every text is cleaned first (:mod:`kg.read.clean`); :func:`iter_inputs` streams results one
at a time, :func:`read_inputs` returns them as a list.

>>> from kg.read import document_from_text
>>> document_from_text("Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="x", lang="id").lang
'id'
"""
from kg.read.clean import clean_text
from kg.read.decode import decode_bytes
from kg.read.documents import document_from_text, iter_inputs, parse_published, read_inputs
from kg.read.records import MAX_CHARS, ReadOptions, ReadResult

__all__ = ["clean_text", "decode_bytes", "document_from_text", "iter_inputs", "parse_published", "read_inputs",
           "MAX_CHARS", "ReadOptions", "ReadResult"]
