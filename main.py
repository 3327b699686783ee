"""Interview Coach: the desktop app by default, and headless sub-commands (practice, sessions, show)."""

from __future__ import annotations

import argparse
import logging
import sys


def run(argv: list[str] | None = None) -> int:
    from engine.cli.parser import build_parser, default_ui_language

    parser = build_parser()
    args = parser.parse_args(argv)
    ui = args.ui_lang or default_ui_language()
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    from engine.secrets import install_log_redaction

    install_log_redaction()  # tokens, client secrets and API keys never reach a log
    if args.command is None:
        return _desktop(args)
    if args.command == "report":
        return _report(args, ui)
    from engine.cli.commands import run_command

    return run_command(args, ui)


def _desktop(args: argparse.Namespace) -> int:
    # Imported here: the headless commands never load Qt.
    from desktop.app import Launch, main, stderr_trace

    launch = Launch(
        data_dir=args.data_dir.expanduser() if args.data_dir else None,
        ui_language=args.ui_lang,
        trace=stderr_trace(args.quit_when_ready) if args.startup_trace else None,
    )
    screenshot = (args.screenshot, args.screen) if args.screenshot else None
    return main(launch, screenshot)


def _report(args: argparse.Namespace, ui: str) -> int:
    """Headless PDF export. Qt renders it, so it runs without a display (the offscreen platform)."""
    import asyncio
    import os

    from engine import messages
    from engine.errors import AppError

    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import qt_application
    from desktop.fonts import install_fonts
    from desktop.i18n import Translations
    from desktop.report_pdf import export_report
    from engine.cli.commands import open_store
    from engine.settings import AppPaths, default_data_dir

    app = qt_application()
    install_fonts(app)
    Translations(app).apply(ui)

    async def export() -> None:
        store = await open_store(
            AppPaths(args.data_dir.expanduser() if args.data_dir else default_data_dir()), ui, sys.stderr
        )
        try:
            path = await export_report(store, args.session_id, args.out, args.page_size, ui)
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
