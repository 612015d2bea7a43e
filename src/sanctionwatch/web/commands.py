"""`sanctionwatch` commands for web: thin shells over the library functions."""

from __future__ import annotations

from typing import Annotated

import typer

from sanctionwatch.clikit import console, handle_errors, settings_from

app = typer.Typer()


apikey_app = typer.Typer(help="API keys for the web app (viewer, analyst, admin).")
app.add_typer(apikey_app, name="apikey")


@app.command("serve")
@handle_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Worker processes. Each holds its own screening index; more than one "
            "suits PostgreSQL (SQLite serialises writes).",
        ),
    ] = 1,
) -> None:
    """Start the web app and REST API on the configured store (the embedded default)."""
    import os

    import uvicorn

    from sanctionwatch.settings import to_environment
    from sanctionwatch.store.db import open_store
    from sanctionwatch.web.app import create_app

    settings = settings_from(ctx)
    # Migrate the schema once here, before any worker opens the store.
    store = open_store(settings)
    console.print(
        f"serving on http://{host}:{port}/ with {workers} worker(s) (API description at /docs)"
    )
    # A keep-alive longer than uvicorn's 5 s default: a busy server must not close a
    # connection on which the client has already sent its next request.
    if workers == 1:
        web = create_app(settings, store=store)
        uvicorn.run(web, host=host, port=port, log_level="info", timeout_keep_alive=30)
        return
    store.engine.dispose()
    # Worker processes rebuild the settings (``--db`` included) from the environment.
    os.environ.update(to_environment(settings))
    uvicorn.run(
        "sanctionwatch.web.asgi:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        timeout_keep_alive=30,
    )


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
