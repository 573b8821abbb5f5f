#!/usr/bin/env python3
# Checks what .editorconfig declares for the C sources (src/, tests/, bench/):
# UTF-8, lines of at most 120 characters, spaces and no tabs, no trailing
# whitespace, a final newline. The rest of the style (GNU, as GNOME writes it:
# ../shared/CONVENTIONS.md) is kept by review. Usage: check-style.py SOURCE_ROOT
import os
import sys

LIMIT = 120
root = sys.argv[1]
problems = []
checked = 0
for top in ("src", "tests", "bench"):
    for folder, _, names in os.walk(os.path.join(root, top)):
        for name in sorted(names):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(folder, name)
            shown = os.path.relpath(path, root)
            checked += 1
            try:
                text = open(path, encoding="utf-8").read()
            except UnicodeDecodeError:
                problems.append("%s: not UTF-8" % shown)
                continue
            if text and not text.endswith("\n"):
                problems.append("%s: no newline at the end" % shown)
            for number, line in enumerate(text.split("\n"), 1):
                if len(line) > LIMIT:
                    problems.append("%s:%d: %d characters (at most %d)" % (shown, number, len(line), LIMIT))
                if "\t" in line:
                    problems.append("%s:%d: a tab" % (shown, number))
                if line != line.rstrip():
                    problems.append("%s:%d: trailing whitespace" % (shown, number))

for problem in problems:
    print(problem)
print("%d files checked, %d problems" % (checked, len(problems)))
sys.exit(1 if problems else 0)
