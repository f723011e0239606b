"""Evaluation against the team's question sets in eval/: retrieval and answers."""
