#!/usr/bin/env python3
# Checks that the folders of src/core/ include one another only as the table
# "Module dependencies" in docs/DEVELOPING.md allows, and that the table has no
# cycle. Usage: check-module-graph.py SOURCE_ROOT
import os
import re
import sys

root = sys.argv[1]
core = os.path.join(root, "src", "core")
doc = open(os.path.join(root, "docs", "DEVELOPING.md"), encoding="utf-8").read()

section = doc.split("## Module dependencies", 1)[1].split("\n## ", 1)[0]
allowed = {}
for line in section.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 2 and cells[0].startswith("`") and cells[0].endswith("/`"):
        allowed[cells[0].strip("`/")] = set(re.findall(r"`([a-z]+)/`", cells[1]))

modules = sorted(d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d)))
owner = {}
for module in modules:
    for name in os.listdir(os.path.join(core, module)):
        owner[name] = module

problems = []
for module in modules:
    if module not in allowed:
        problems.append("src/core/%s/ is not in the table" % module)
        continue
    folder = os.path.join(core, module)
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        for header in re.findall(r'#include "([^"]+)"', text):
            other = owner.get(header)
            if other is not None and other != module and other not in allowed[module]:
                problems.append("src/core/%s/%s includes %s from %s/, which the table does not allow"
                                % (module, name, header, other))

for module in allowed:
    if module not in modules:
        problems.append("the table names %s/, which does not exist" % module)

# No cycle in the table itself: a depth-first walk finds none.
state = {}
def walk(module, path):
    state[module] = "open"
    for other in sorted(allowed.get(module, ())):
        if state.get(other) == "open":
            problems.append("cycle: " + " -> ".join(path + [module, other]))
        elif other not in state:
            walk(other, path + [module])
    state[module] = "done"
for module in sorted(allowed):
    if module not in state:
        walk(module, [])

for problem in problems:
    print(problem)
print("%d modules checked, %d problems" % (len(modules), len(problems)))
sys.exit(1 if problems else 0)
