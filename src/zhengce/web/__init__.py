"""Server-rendered web pages (Jinja2) over the same core functions as the API."""
