"""Database layer: SQLAlchemy models, engine and sessions, Alembic migrations, change notification."""
