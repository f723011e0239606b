"""Answers: span selection, composition with citations, abstention, optional generation."""
