"""Generate :mod:`kg.rdf.vocab` from ``ontology/kg.ttl`` (``python -m kg.rdf.genvocab``).

A test regenerates the module in memory and fails when the file on disk differs.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, URIRef

KG_NS = "https://w3id.org/etkg/ontology#"
ROOT = Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    """``ontology/`` in a checkout, or ``kg/ontology`` inside an installed wheel."""
    packaged = Path(__file__).resolve().parents[1] / "ontology"
    return packaged if packaged.is_dir() else ROOT / "ontology"


def render(ontology: Path | None = None) -> str:
    """Source text of the vocabulary module."""
    graph = Graph().parse(ontology or ontology_dir() / "kg.ttl")
    names = sorted({str(s)[len(KG_NS):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KG_NS)})
    lines = [
        '"""Terms of the etkg ontology. GENERATED from ontology/kg.ttl by kg.rdf.genvocab: do not edit."""',
        "from rdflib import Namespace, URIRef",
        "",
        f'KG = Namespace("{KG_NS}")',
        "",
    ]
    lines += [f'{name} = URIRef("{KG_NS}{name}")' for name in names if name]
    lines += ["", f"TERMS = ({', '.join(repr(n) for n in names if n)},)", ""]
    return "\n".join(lines)


def main() -> int:
    target = Path(__file__).resolve().parent / "vocab.py"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
