"""Indexing and retrieval: units from the article tree, BM25, embeddings, hybrid fusion."""

MAX_K = 100  # the most results one search returns: here, so that a face can say so without loading the index
