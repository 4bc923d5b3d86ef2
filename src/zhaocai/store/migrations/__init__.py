"""The store's schema migrations (Alembic): `env.py` and one script per revision in `versions/`."""
