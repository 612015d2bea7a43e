"""Opening the store: an engine, sessions, and migrations to the newest schema.

SQLite (embedded, the default) and PostgreSQL (for teams) are both reached through
SQLAlchemy URLs. The schema is created and upgraded only through alembic migrations
(``store/migrations``); each capability keeps its own migration branch, and
:meth:`Store.migrate` upgrades all of them (``heads``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sanctionwatch.errors import StoreError
from sanctionwatch.settings import Settings

__all__ = ["Store", "open_store"]

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATE_LOCK = 7_245_001  # an arbitrary, fixed advisory-lock key for schema upgrades


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    """A handle on one database. Create with :func:`open_store`."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
        # SQLite: wait up to 30 s for another process's write (two imports at once).
        connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
        self.engine: Engine = create_engine(url, future=True, connect_args=connect_args)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def migrate(self) -> None:
        """Bring the schema to the newest version of every migration branch."""
        cfg = self.alembic_config()
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    # Several processes may open a fresh database at once (API workers,
                    # a scheduled update): one migrates, the others wait for it.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATE_LOCK})
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
        except OperationalError as exc:
            raise StoreError(f"cannot open the store at {self.safe_url}: {exc.orig}") from exc

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(settings: Settings, *, migrate: bool = True) -> Store:
    store = Store(settings.database_url)
    if migrate:
        store.migrate()
    return store
