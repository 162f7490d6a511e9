"""Language-independent text processing: sentences, tokens and lemmas with offsets."""
