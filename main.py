"""Interview Coach: the desktop app by default, and headless sub-commands (practice, sessions, show)."""

from __future__ import annotations

import logging
import sys


def run(argv: list[str] | None = None) -> int:
    from engine import messages
    from engine.cli.parser import build_parser, default_ui_language

    parser = build_parser()
    args = parser.parse_args(argv)
    ui = args.ui_lang or default_ui_language()
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s"
    )
    if args.command is None:
        # The desktop window arrives with the GUI work; until then say so and show the commands.
        print(messages.text("cli.gui_missing", ui))
        parser.print_help()
        return 0
    from engine.cli.commands import run_command

    return run_command(args, ui)


if __name__ == "__main__":
    sys.exit(run())
