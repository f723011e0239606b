"""Indexing and retrieval: units from the article tree, BM25, embeddings, hybrid fusion."""
