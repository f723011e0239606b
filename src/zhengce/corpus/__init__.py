"""Raw compilations to structured documents: one parser per source layout over a shared normaliser."""
