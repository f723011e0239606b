"""zhengce: an offline knowledge system for Chinese policy documents.

Data flows one way: corpus (raw text -> documents) -> store (SQLite) -> index ->
query -> the CLI, API and web front ends.
"""

__version__ = "0.1.0"
