"""One Alembic script per schema revision, oldest first: 0001 is the schema released as 0.1.0."""
