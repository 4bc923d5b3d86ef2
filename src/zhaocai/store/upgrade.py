"""Bring an existing store up to the library's schema: `create_all` adds missing tables, this adds
missing nullable columns (a column added in a later version, such as the request digest of
idempotency keys), so a store made by an earlier version keeps working after an upgrade.
"""

from __future__ import annotations

from sqlalchemy import Engine, MetaData, inspect, text


def add_missing_columns(engine: Engine, metadata: MetaData) -> list[str]:
    """ALTER TABLE … ADD COLUMN for every nullable column of `metadata` missing from the store;
    returns the columns added as `table.column`. A missing NOT NULL column cannot be added
    without a value and is left to the caller (none exists so far)."""
    added: list[str] = []
    # One reflection query for every table (not one per table): this runs on every open.
    stored = {key[1]: {c["name"] for c in columns}
              for key, columns in inspect(engine).get_multi_columns().items()}
    with engine.begin() as conn:
        for table in metadata.sorted_tables:
            have = stored.get(table.name)
            if have is None:
                continue
            for column in table.columns:
                if column.name in have or not column.nullable:
                    continue
                kind = column.type.compile(dialect=engine.dialect)
                conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))
                added.append(f"{table.name}.{column.name}")
    return added
