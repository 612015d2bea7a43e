"""The ``sanctionwatch`` command line: a thin shell over the package's functions.

Each command parses its options, calls one library function and prints the result.
Errors raised on purpose (:class:`SanctionwatchError`) are printed as one clear line
and exit with status 1; nothing here catches anything broader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.settings import Settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="sanctionwatch",
    help="Monitor UN sanctions: official lists, screening, obligations and compliance.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn a SanctionwatchError into one red line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SanctionwatchError as exc:
            err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
            raise typer.Exit(code=1) from exc

    return wrapper  # type: ignore[return-value]


def settings_from(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    return Settings()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store to use: a SQLite file path or an SQLAlchemy URL "
            "(postgresql+psycopg://...). Default: SANCTIONWATCH_DB_URL or the "
            "embedded SQLite file in SANCTIONWATCH_HOME.",
        ),
    ] = None,
) -> None:
    settings = Settings()
    if db:
        url = db if "://" in db else f"sqlite:///{Path(db).expanduser().resolve()}"
        settings = settings.model_copy(update={"db_url": url})
    ctx.obj = settings


# --- lists ------------------------------------------------------------------------


# --- screening --------------------------------------------------------------------


# --- regimes ----------------------------------------------------------------------


# --- documents --------------------------------------------------------------------


# --- compliance -------------------------------------------------------------------


# --- web --------------------------------------------------------------------------

apikey_app = typer.Typer(help="API keys for the web app (viewer, analyst, admin).")
app.add_typer(apikey_app, name="apikey")


@app.command("serve")
@handle_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Start the web app and REST API on the configured store (the embedded default)."""
    import uvicorn

    from sanctionwatch.web.app import create_app

    settings = settings_from(ctx)
    web = create_app(settings)
    console.print(f"serving on http://{host}:{port}/ (API description at /docs)")
    uvicorn.run(web, host=host, port=port, log_level="info")


@apikey_app.command("create")
@handle_errors
def apikey_create(
    ctx: typer.Context,
    role: Annotated[str, typer.Option(help="viewer, analyst or admin.")] = "analyst",
    name: Annotated[str, typer.Option(help="Who or what the key is for.")] = "default",
) -> None:
    """Create an API key and print it (it is shown only this once)."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    key, info = KeyRing(open_store(settings_from(ctx))).create(name, role)
    console.print(f"created {info.role} key {info.prefix}... for {info.name!r}:")
    typer.echo(key)


@apikey_app.command("list")
@handle_errors
def apikey_list(ctx: typer.Context) -> None:
    """List API keys: prefix, name, role, created, revoked (never the keys)."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    for info in KeyRing(open_store(settings_from(ctx))).all():
        state = "revoked" if info.revoked else "active"
        typer.echo(f"{info.prefix}\t{info.name}\t{info.role}\t{info.created_at:%Y-%m-%d}\t{state}")


@apikey_app.command("revoke")
@handle_errors
def apikey_revoke(
    ctx: typer.Context,
    prefix: Annotated[str, typer.Argument(help="The key's prefix, as `apikey list` shows.")],
) -> None:
    """Revoke an API key by its prefix."""
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.auth import KeyRing

    info = KeyRing(open_store(settings_from(ctx))).revoke(prefix)
    console.print(f"revoked {info.prefix}... ({info.name})")


def main() -> None:
    app(prog_name="sanctionwatch")


if __name__ == "__main__":
    main()
