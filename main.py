"""Interview Coach: the desktop app by default, and headless sub-commands (practice, sessions, show)."""

from __future__ import annotations

import argparse
import logging
import sys


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--native-probe"]:  # the built app runs its own native probe (engine/native/probe.py)
        from engine.native.probe_child import main as probe

        return probe(argv[1:])
    from engine.cli.parser import build_parser, default_ui_language, ui_language_of

    parser = build_parser(ui_language_of(argv))
    args = parser.parse_args(argv)
    if args.version:
        print(f"interview-coach {version()}")
        return 0
    if args.command is None:
        return _desktop(args)
    _setup_logging(args)
    ui = args.ui_lang or default_ui_language()
    if args.command == "report":
        return _report(args, ui)
    from engine.cli.commands import run_command

    return run_command(args, ui)


def _setup_logging(args: argparse.Namespace) -> None:
    from engine.runtime.logs import setup_logging

    # A rotating file in the OS's log folder plus stderr; tokens, secrets and API keys are redacted in both.
    log_path = setup_logging(args.verbose)
    logging.getLogger(__name__).info("interview-coach %s, command %s, log %s", version(), args.command, log_path)


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("interview-coach")
    except PackageNotFoundError:  # a built app without metadata
        return "0+unknown"


def gui() -> int:
    """The GUI script's entry (no console window on Windows): the desktop app, with the same options."""
    return run()


def _desktop(args: argparse.Namespace) -> int:
    # Imported here: the headless commands never load Qt. The start window is painted first, before the
    # logging set-up and before desktop.app brings in asyncio and the engine (desktop/launch.py).
    from desktop.launch import Launch, first_frame, stderr_trace

    launch = Launch(
        data_dir=args.data_dir.expanduser() if args.data_dir else None,
        ui_language=args.ui_lang,
        trace=stderr_trace(args.quit_when_ready) if args.startup_trace else None,
    )
    frame = first_frame(launch)
    _setup_logging(args)
    from desktop.app import main

    screenshot = (args.screenshot, args.screen) if args.screenshot else None
    return main(launch, frame, screenshot)


def _report(args: argparse.Namespace, ui: str) -> int:
    """Headless PDF export. Qt renders it, so it runs without a display (the offscreen platform)."""
    import asyncio
    import os

    from engine import messages
    from engine.errors import AppError

    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.fonts import install_fonts
    from desktop.i18n import Translations
    from desktop.launch import qt_application
    from desktop.report_pdf import export_report
    from engine.cli.commands import open_store
    from engine.config.settings import AppPaths, default_data_dir

    app = qt_application()
    install_fonts(app)
    Translations(app).apply(ui)

    async def export() -> None:
        store = await open_store(
            AppPaths(args.data_dir.expanduser() if args.data_dir else default_data_dir()), ui, sys.stderr
        )
        try:
            path = await export_report(store, args.session_id, args.out, args.page_size, args.ui_lang, here=True)
        finally:
            await store.close()
        print(messages.text("report.saved", ui, path=path))

    try:
        asyncio.run(export())
    except AppError as error:
        print(f"{error.title(ui)}: {error.message(ui)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(run())
