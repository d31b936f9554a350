#!/usr/bin/env python3
"""Validate the UI string tables in src/locale.

Checks, for every <locale>.strings file against the reference en_US.strings:

  * the file decodes with the encoding declared in its "# encoding:" header
    (files without a header must be UTF-8);
  * every line is a comment, blank, or `key = "value"`;
  * no key is defined twice;
  * the key set matches the reference exactly;
  * each value uses the same {n} placeholders as the reference value.

Exit status is 0 when all files pass, 1 otherwise. Intended for CI and the
`check_strings` CMake target.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REFERENCE = "en_US.strings"
ENTRY = re.compile(r'^(?P<key>[a-z0-9_]+(?:\.[a-z0-9_]+)*)\s*=\s*"(?P<value>(?:[^"\\]|\\.)*)"\s*$')
ENCODING = re.compile(rb"^#\s*encoding:\s*(?P<name>[A-Za-z0-9_-]+)\s*$", re.MULTILINE)
PLACEHOLDER = re.compile(r"\{(\d+)\}")


class StringTable:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, str] = {}
        self.errors: list[str] = []
        self.encoding = "utf-8"
        self._load()

    def _load(self) -> None:
        raw = self.path.read_bytes()
        # Only look for the header in the leading comment block.
        header = raw[:512]
        match = ENCODING.search(header)
        if match:
            self.encoding = match.group("name").decode("ascii").lower()
        try:
            text = raw.decode(self.encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            self.errors.append(f"cannot decode as {self.encoding}: {exc}")
            return

        if "\r" in text:
            self.errors.append("contains CR characters; use LF line endings")

        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            entry = ENTRY.match(stripped)
            if not entry:
                self.errors.append(f"line {number}: not a comment or key = \"value\" entry")
                continue
            key = entry.group("key")
            if key in self.entries:
                self.errors.append(f"line {number}: duplicate key {key}")
            self.entries[key] = entry.group("value")


def placeholders(value: str) -> set[str]:
    return set(PLACEHOLDER.findall(value))


def compare(reference: StringTable, table: StringTable) -> list[str]:
    problems: list[str] = []
    missing = sorted(reference.entries.keys() - table.entries.keys())
    extra = sorted(table.entries.keys() - reference.entries.keys())
    problems += [f"missing key {key}" for key in missing]
    problems += [f"unknown key {key} (not in {REFERENCE})" for key in extra]

    for key, value in table.entries.items():
        expected = reference.entries.get(key)
        if expected is None:
            continue
        if placeholders(value) != placeholders(expected):
            problems.append(
                f"{key}: placeholders {sorted(placeholders(value))} "
                f"differ from reference {sorted(placeholders(expected))}"
            )
        if not value.strip():
            problems.append(f"{key}: empty translation")
    return problems


def main(argv: list[str]) -> int:
    locale_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src" / "locale"
    reference_path = locale_dir / REFERENCE
    if not reference_path.is_file():
        print(f"error: reference table {reference_path} not found", file=sys.stderr)
        return 1

    reference = StringTable(reference_path)
    failed = False
    for problem in reference.errors:
        print(f"{reference_path.name}: {problem}")
        failed = True

    for path in sorted(locale_dir.glob("*.strings")):
        if path.name == REFERENCE:
            continue
        table = StringTable(path)
        problems = table.errors + (compare(reference, table) if not table.errors else [])
        status = "FAIL" if problems else "ok"
        print(f"{path.name} [{table.encoding}]: {status}, {len(table.entries)} keys")
        for problem in problems:
            print(f"  {problem}")
        failed = failed or bool(problems)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
