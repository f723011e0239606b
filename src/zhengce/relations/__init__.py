"""What documents say about each other: citations, forwarding, extension, repeal, validity.

``corpus.corpus_relations`` reads them from the whole corpus at build; the package
itself imports nothing, so reading a status (``validity``) or a level does not load
the citation parser.
"""
