"""Reading tables from a knowledge base: registries and other tables, their rows, the
total each document states for its table, and a filter by column."""

from __future__ import annotations

import json
from dataclasses import replace

from zhengce.store.backend import Connection, Row
from zhengce.store.records import Table, TableSummary


class TableQueries:
    """The table methods of ``Store`` (which provides ``connection``)."""

    connection: Connection

    def list_tables(self) -> list[TableSummary]:
        """Every table: id, name, document, columns, row count, the total its text states."""
        rows = self.connection.execute(
            "SELECT t.*, d.doc_number, (SELECT count(*) FROM table_rows r WHERE r.table_id = t.id) AS n "
            "FROM tables t JOIN documents d ON d.id = t.doc_id ORDER BY d.ord, t.ord")
        tables = []
        for r in rows:
            columns = json.loads(r["columns"])
            entries = r["n"]
            if columns and columns[0] == "序号":
                # Sub-rows of a merged cell share their entry's number: count numbers.
                entries = self.connection.execute(
                    "SELECT count(DISTINCT json_extract(cells, '$[0]')) FROM table_rows "
                    "WHERE table_id = ? AND json_extract(cells, '$[0]') != ''", (r["id"],)).fetchone()[0]
            stated = r["stated_total"]
            tables.append(TableSummary(id=r["id"], name=r["name"], doc_id=r["doc_id"], doc_number=r["doc_number"],
                                       columns=tuple(columns), rows=r["n"], entries=entries, stated_total=stated,
                                       total_matches=None if stated is None else stated == entries))
        return tables

    def get_table(self, key: str, where: dict[str, str] | None = None) -> Table | None:
        """A table by id or name, its rows filtered to those whose columns contain the values.

        Raises KeyError (its message in Chinese, naming the columns) when ``where`` names a
        column the table lacks.
        """
        row = self.connection.execute("SELECT * FROM tables WHERE id = ? OR name = ? ORDER BY ord LIMIT 1",
                                      (key, key)).fetchone()
        if row is None:
            return None
        table = self._table(row)
        for column, value in (where or {}).items():
            if column not in table.columns:
                raise KeyError(f"表格没有“{column}”这一列；各列为 {'、'.join(table.columns)}。")
            index = table.columns.index(column)
            table = replace(table, rows=tuple(r for r in table.rows if value in r[index]))
        return table

    def _table(self, row: Row) -> Table:
        rows = tuple(tuple(json.loads(r["cells"])) for r in self.connection.execute(
            "SELECT cells FROM table_rows WHERE table_id = ? ORDER BY row_no", (row["id"],)))
        return Table(id=row["id"], name=row["name"], columns=tuple(json.loads(row["columns"])),
                     node_id=row["node_id"], start_line=row["start_line"], end_line=row["end_line"],
                     stated_total=row["stated_total"], rows=rows)
