#!/usr/bin/python3
"""The bundle side of scripts/metropolis.sh: the sample city's bundle laid out FACTOR times over the
metropolis extract that `kioskctl map replicate` wrote (its JSON report gives the grid). Services and
kiosk places are copied with their facts, shifted into their copy, ids and names suffixed per copy
(as the map's names are); categories, holidays, announcements and the licence are the city's own.
Deterministic: the same inputs give the same bytes.
"""
import argparse
import json
import pathlib
import shutil

import yaml


class Loader(yaml.SafeLoader):
    """YAML 1.2 booleans, as the kiosk reads them: yes, no, on, off stay words (wheelchair: yes)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def suffixed_name(name, copy):
    if copy == 0:
        return name
    if isinstance(name, dict):
        return {tag: f"{text} {copy + 1}" for tag, text in name.items()}
    return f"{name} {copy + 1}"


def placed(item, copy, grid):
    """A service or kiosk place in copy `copy` of the grid (copy 0 is the original)."""
    out = dict(item)
    if copy > 0:
        out["id"] = f"{item['id']}-c{copy + 1}"
    if "name" in out:
        out["name"] = suffixed_name(out["name"], copy)
    side = grid["side"]
    out["lat"] = round(item["lat"] + grid["copy_height_deg"] * (copy // side), 7)
    out["lon"] = round(item["lon"] + grid["copy_width_deg"] * (copy % side), 7)
    return out


def dump(data, path):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True, type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--factor", required=True, type=int)
    ap.add_argument("--grid", required=True, help="the JSON report of kioskctl map replicate")
    a = ap.parse_args()
    grid = json.loads(a.grid)
    copies = range(a.factor)

    bundle = load(a.src / "bundle.yaml")
    bundle["id"] = f"{bundle['id']}-x{a.factor}"
    bundle["area"] = {"south": round(grid["south"], 6), "west": round(grid["west"], 6),
                      "north": round(grid["north"], 6), "east": round(grid["east"], 6)}
    bundle["kiosks"] = [placed(k, c, grid) for c in copies for k in bundle.get("kiosks", [])]
    bundle["map"] = {"source": "map/metropolis.osm.pbf", "compiled": "map/metropolis.kmap"}
    dump(bundle, a.out / "bundle.yaml")

    for name in ("categories.yaml", "holidays.yaml", "announcements.yaml", "LICENSE.md"):
        if (a.src / name).exists():
            shutil.copyfile(a.src / name, a.out / name)

    (a.out / "services").mkdir(exist_ok=True)
    for path in sorted((a.src / "services").glob("*.yaml")):
        doc = load(path)
        for c in copies:
            copy_doc = dict(doc)
            copy_doc["services"] = [placed(s, c, grid) for s in doc.get("services", [])]
            stem = path.stem if c == 0 else f"{path.stem}-c{c + 1}"
            dump(copy_doc, a.out / "services" / f"{stem}.yaml")


if __name__ == "__main__":
    main()
