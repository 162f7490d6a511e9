"""Input readers: plain text files, JSON Lines, directories and stdin -> :class:`Document`.

>>> from kg.read import document_from_text
>>> document_from_text("Lavrov bertemu Kim Jong Un pada hari Sabtu.", doc_id="x", lang="id").lang
'id'
"""
from kg.read.decode import decode_bytes
from kg.read.documents import document_from_text, parse_published, read_inputs, ReadResult

__all__ = ["decode_bytes", "document_from_text", "parse_published", "read_inputs", "ReadResult"]
