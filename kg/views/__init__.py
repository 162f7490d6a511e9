"""Views over a store: NetworkX graphs and timelines, interactive HTML."""
