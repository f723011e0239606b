"""The JSON API: FastAPI routes over the same core functions as the CLI."""
