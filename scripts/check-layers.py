#!/usr/bin/python3
"""Checks that the code's dependencies point one way.

Layers: core <- text <- map <- ui <- app; speech and the tools sit beside them. Inside core, each domain
folder (base, yaml, model, i18n, hours, ...) may include only folders listed before it in CORE_ORDER, or
itself. An #include that points back up is reported as file:line, and the exit code is 1.
"""
import pathlib
import re
import sys

# Each layer may include the ones listed before it (and itself).
LAYERS = ["core", "text", "map", "speech", "ui", "app", "tools"]
# Core folders, lowest first. facts and import are for tools only and sit on top.
CORE_ORDER = ["base", "model", "yaml", "i18n", "hours", "geo", "search", "mapdata", "routing", "bundle",
              "sync", "config", "facts", "import"]
# What a layer may not use even though it comes later: text and map are not the kiosk's runtime.
FORBIDDEN = {"text": {"speech"}, "map": {"speech"}, "speech": {"text", "map"}}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z0-9_]+)/([a-z0-9_]+)/?([^"]*)"')


def rank(order, name):
    return order.index(name) if name in order else None


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "kiosk"
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(root).parts
        layer = rel[0]
        folder = rel[1] if layer == "core" and len(rel) > 2 else None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            to_layer, to_second = m.group(1), m.group(2)
            if to_layer not in LAYERS:
                continue
            where = f"kiosk/{'/'.join(rel)}:{number}"
            if to_layer in FORBIDDEN.get(layer, set()) or rank(LAYERS, to_layer) > rank(LAYERS, layer):
                problems.append(f"{where}: {layer} includes {to_layer}/ (a layer above it)")
                continue
            if layer == "core" and to_layer == "core" and folder is not None:
                if not m.group(3):  # "core/x.h": core's root holds no files any more
                    problems.append(f"{where}: core/{to_second} is not in a domain folder")
                    continue
                if to_second == folder:
                    continue
                a, b = rank(CORE_ORDER, folder), rank(CORE_ORDER, to_second)
                if a is None or b is None or b > a:
                    problems.append(f"{where}: core/{folder} includes core/{to_second} (a folder above it)")
    for p in problems:
        print(p)
    print(f"{len(problems)} dependencies point the wrong way" if problems else "layers: all dependencies point one way")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
