"""RDF: the vocabulary generated from ``ontology/kg.ttl``, IRIs, and Extraction -> triples."""
