"""Developer tool: refresh the .ts translation sources from the desktop code, and report what is missing.

    uv run python tools/translations.py update   # run Qt's lupdate over desktop/ (keeps existing translations)
    uv run python tools/translations.py check    # list messages without a finished Korean translation
    uv run python tools/translations.py fill FILE.json  # add translations from {"source": "translation"}

Users never run this: the app builds the .qm files from the .ts at start-up (desktop/i18n.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.i18n import lrelease_path, ts_path  # noqa: E402


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def lupdate(ts: Path) -> None:
    tool = lrelease_path().with_name(lrelease_path().name.replace("lrelease", "lupdate"))
    subprocess.run([str(tool), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.append((name, message.findtext("source") or ""))
    return missing


def fill(ts: Path, table: dict[str, str]) -> int:
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in table and translation is not None:
            translation.text = table[source]
            translation.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str]) -> int:
    ts = ts_path("ko")
    if argv[:1] == ["update"]:
        lupdate(ts)
    elif argv[:1] == ["fill"] and len(argv) == 2:
        print(fill(ts, json.loads(Path(argv[1]).read_text("utf-8"))), "translations added")
    elif argv[:1] != ["check"]:
        print(__doc__)
        return 2
    missing = unfinished(ts)
    for context, source in missing:
        print(f"untranslated: {context}: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
