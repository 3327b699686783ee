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
    if args.command is None:
        return _desktop(args)
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


if __name__ == "__main__":
    sys.exit(run())
