"""The knowledge base's SQLite schema and its version.

A build writes a whole new file, so a schema change needs no migration of old
data: bumping ``SCHEMA_VERSION`` makes readers refuse a stale file and ask for
a rebuild instead of misreading it.
"""

SCHEMA_VERSION = 5

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    doc_number TEXT,
    issuers TEXT NOT NULL,          -- JSON list
    date TEXT,                      -- ISO date of issue
    region TEXT NOT NULL,
    section TEXT,
    doc_type TEXT NOT NULL,
    text TEXT NOT NULL,
    omitted INTEGER NOT NULL DEFAULT 0,  -- the printed text leaves the body out as （略）
    ord INTEGER NOT NULL
);
-- Not unique: the versions of an added document share its number (links kind 'new_version').
CREATE INDEX documents_number ON documents(doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX documents_region ON documents(region, section);
CREATE TABLE sources (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    file TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (doc_id, file, start_line)
);
CREATE TABLE nodes (
    id TEXT PRIMARY KEY,            -- doc_id/path
    doc_id TEXT NOT NULL REFERENCES documents(id),
    path TEXT NOT NULL,
    parent_id TEXT,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    ord INTEGER NOT NULL
);
CREATE INDEX nodes_doc ON nodes(doc_id, ord);
CREATE TABLE tables (
    id TEXT PRIMARY KEY,            -- doc_id/t<n>
    doc_id TEXT NOT NULL REFERENCES documents(id),
    name TEXT NOT NULL,
    columns TEXT NOT NULL,          -- JSON list
    node_id TEXT,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    stated_total INTEGER,
    ord INTEGER NOT NULL
);
CREATE TABLE table_rows (
    table_id TEXT NOT NULL REFERENCES tables(id),
    row_no INTEGER NOT NULL,
    cells TEXT NOT NULL,            -- JSON list, one per column
    PRIMARY KEY (table_id, row_no)
);
CREATE TABLE flags (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    node_id TEXT
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,         -- row of the vector matrix
    doc_id TEXT NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,          -- an article node id, or doc_id/t<n>/r<m> for a table row
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    context TEXT NOT NULL,          -- document title and the headings above the unit
    text TEXT NOT NULL,
    tokens TEXT NOT NULL,           -- keyword-search tokens, space separated
    vector BLOB                     -- float16 embedding of context + text; NULL when not embedded
);
CREATE INDEX units_doc ON units(doc_id);
CREATE TABLE refs (
    doc_id TEXT NOT NULL REFERENCES documents(id),   -- the citing document
    node_id TEXT,                                     -- the citing article
    kind TEXT NOT NULL,                               -- cites | forwards | extends | amends | repeals
    number TEXT,
    title TEXT,
    target_id TEXT                                    -- NULL: outside the corpus
);
CREATE INDEX refs_doc ON refs(doc_id);
CREATE INDEX refs_target ON refs(target_id);
CREATE TABLE validity_facts (
    doc_id TEXT,                    -- NULL for a document outside the corpus, named by number
    number TEXT,
    kind TEXT NOT NULL,             -- issued | starts | expires | phased | open_end | item_expires |
                                    -- repealed | extended | amended | confirmed (relations/validity.py)
    on_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT,                  -- node id of the article that says so
    quote TEXT NOT NULL,            -- its words
    until_date TEXT,                -- an extension: the last day it gives the measures
    item_id TEXT                    -- an extension of one item only: that item's node id
);
CREATE TABLE links (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,             -- 'forwards': doc forwards target; 'new_version': target is doc's next version
    target_id TEXT NOT NULL REFERENCES documents(id)
);
CREATE TABLE added_sources (        -- files users added (zhengce add): kept so that every rebuild replays them
    seq INTEGER PRIMARY KEY,        -- order of adding
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    method TEXT NOT NULL,           -- text | ocr | mixed: how the text was read
    added_at TEXT NOT NULL,
    overrides TEXT NOT NULL,        -- JSON: fields the user set (region, date, ...)
    extract TEXT NOT NULL,          -- JSON: the blocks read from the file, so a rebuild reads no file again
    doc_id TEXT NOT NULL            -- the document it became or was merged into
);
"""
