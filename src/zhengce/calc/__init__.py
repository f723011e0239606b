"""Policy calculators: declarative rules whose every figure cites the article it applies."""
