#!/usr/bin/python3
"""Checks content files against the JSON Schemas in content/schema/, as an editor's YAML extension would.

  check_schemas.py --schemas content/schema --bundle content/aachen --locales locales [--kiosk-config FILE]
      Validates every YAML file of the bundle and every UI catalog; exit 0 when all match.
  check_schemas.py --schemas content/schema --bundle content/aachen --locales locales --broken-cases
      [--fixtures tests/fixtures/bundles --fixture-locales tests/fixtures/locales]
      Builds broken copies of sample files in a temporary folder and requires each to fail with a message
      that names the file and the JSON path; valid variants (and the valid fixture bundle) must pass; the
      loader's rule fixtures must fail exactly where a schema can express the rule.

YAML is read the way VS Code's YAML extension reads it (YAML 1.2 core schema): only true/false are
booleans, 1 and 1.5 are numbers, dates and times such as 2026-12-24 or 08:00 stay text, and yes/no/on/off
are text. Mapping keys are kept as written (the kiosk's loader, yaml-cpp, reads every key as text).
Needs Debian's python3-yaml and python3-jsonschema: run it with /usr/bin/python3.
"""

import argparse
import difflib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as e:  # a pyenv python3 first on PATH has neither
    sys.exit(f"check_schemas.py: {e}; install python3-yaml and python3-jsonschema and run with /usr/bin/python3")

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILES = ["bundle", "categories", "service", "announcements", "holidays", "locale", "kiosk"]

# ---- YAML 1.2 core schema ----------------------------------------------------------------------------


class CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema typing, as VS Code's YAML extension (eemeli/yaml) applies it."""


CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
CoreResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class CoreComposer(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, CoreResolver
):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        CoreResolver.__init__(self)


def scalar_value(node):
    v, tag = node.value, node.tag
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return v.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        if v.startswith("0o"):
            return int(v[2:], 8)
        if v.startswith("0x"):
            return int(v[2:], 16)
        return int(v, 10)
    if tag == "tag:yaml.org,2002:float":
        low = v.lower().lstrip("+")
        if low in (".inf", "-.inf"):
            return float("-inf") if low.startswith("-") else float("inf")
        if low == ".nan":
            return float("nan")
        return float(v)
    return v  # text, and any explicit tag: yaml-cpp hands the C++ code the text as written


class Document:
    """A YAML file as JSON-like data, with the line and column of every value and key."""

    def __init__(self, display):
        self.display = display
        self.data = None
        self.marks = {}  # path tuple -> (line, col) of the value, 1-based
        self.key_marks = {}  # path tuple of a mapping entry -> (line, col) of its key
        self.problems = []  # ((line, col), formatted text): YAML-level problems (syntax, duplicate keys)
        self.unreadable = False  # not UTF-8, or not YAML: nothing to validate

    def problem(self, mark, path, message):
        line, col = mark
        self.problems.append((mark, f"{self.display}:{line}:{col}: {json_path(path)}: {message}"))

    def convert(self, node, path, depth=0):
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.marks[path] = mark
        if depth > 200:
            self.problem(mark, path, "nested too deeply (a recursive alias?)")
            return None
        if isinstance(node, yaml.ScalarNode):
            return scalar_value(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        out = {}
        for key_node, value_node in node.value:
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_mark, path, "keys must be plain words, not lists or mappings")
                continue
            key = key_node.value
            if key in out:
                self.problem(key_mark, path + (key,), f"'{key}' appears twice; keep one of them")
                continue
            self.key_marks[path + (key,)] = key_mark
            out[key] = self.convert(value_node, path + (key,), depth + 1)
        return out


def load_yaml(path, display):
    doc = Document(display)
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        before = Path(path).read_bytes()[: e.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        doc.problems.append(((line, col), f"{display}:{line}:{col}: $: invalid UTF-8; save the file as UTF-8"))
        doc.unreadable = True
        return doc
    loader = CoreComposer(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        where = (m.line + 1, m.column + 1) if m else (1, 1)
        doc.problems.append((where, f"{display}:{where[0]}:{where[1]}: $: YAML syntax: {e.problem or e.context}"))
        doc.unreadable = True
        return doc
    except yaml.YAMLError as e:
        doc.problems.append(((1, 1), f"{display}:1:1: $: YAML: {e}"))
        doc.unreadable = True
        return doc
    finally:
        loader.dispose()
    if node is not None:
        doc.data = doc.convert(node, ())
    else:
        doc.marks[()] = (1, 1)
    return doc


# ---- messages ------------------------------------------------------------------------------------------


def json_path(path):
    out = "$"
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", p):
            out += f".{p}"
        else:
            out += "[" + json.dumps(p, ensure_ascii=False) + "]"
    return out


def short(value, limit=60):
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def first_sentence(text):
    """Up to the first full stop that ends a sentence (not the one of 'e.g.')."""
    m = re.match(r"(.+?(?<!e\.g)(?<!i\.e)[.!?])(?=\s+[A-Z']|\s*$)", text or "", re.S)
    return m.group(1) if m else (text or "")


def nearest_description(err):
    while err is not None:
        if isinstance(err.schema, dict) and err.schema.get("description"):
            return err.schema["description"]
        err = err.parent
    return ""


def leaf_errors(err, hint=""):
    """(error, hint) pairs worth showing for err: for anyOf/oneOf, the errors of the branches whose shape
    (text, number, list, mapping) fits the value; the hint then says what else would have been allowed."""
    if err.validator not in ("anyOf", "oneOf") or not err.context:
        return [(err, hint)]
    branches = {}
    for e in err.context:
        branches.setdefault(e.relative_schema_path[0], []).append(e)
    fitting = []
    for errs in branches.values():
        wrong_shape = any(e.validator == "type" and list(e.absolute_path) == list(err.absolute_path) for e in errs)
        if not wrong_shape:
            fitting.extend(errs)
    if not fitting:
        return [(err, hint)]
    out = []
    dropped = len(fitting) < len(err.context)
    for e in fitting:
        same_place = list(e.absolute_path) == list(err.absolute_path)
        h = ""
        if dropped and same_place and isinstance(err.schema, dict):
            h = first_sentence(err.schema.get("description"))
        out.extend(leaf_errors(e, h or hint))
    return out


TYPE_WORDS = {
    "string": "a text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "empty",
}


def type_of(value):
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def unknown_keys(err, doc):
    """[(path, (line, col), message)] for an additionalProperties error: one per unknown key, at the key."""
    allowed = list(err.schema.get("properties", {}))
    out = []
    for key in (k for k in err.instance if k not in allowed):
        guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else "allowed keys: " + ", ".join(allowed)
        kpath = tuple(err.absolute_path) + (key,)
        out.append((kpath, doc.key_marks.get(kpath), f"unknown key '{key}'; {hint}"))
    return out


def describe(err, doc):
    """(path, (line, col) or None, message) for one error."""
    path = tuple(err.absolute_path)
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    if v == "required":
        m = re.match(r"^(.*) is a required property$", err.message)
        key = m.group(1) if m else short(err.validator_value)
        return path, None, f"{key} is missing; it is required here"
    if v == "type":
        want = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        words = " or ".join(TYPE_WORDS.get(t, t) for t in want)
        if "enum" in schema:
            words = "one of: " + ", ".join(map(str, schema["enum"]))
        if err.instance is None:
            about = nearest_description(err)
            return path, None, f"the value is empty; write {words} or remove the key. {about}".rstrip()
        return path, None, f"{short(err.instance)} is {type_of(err.instance)}; it must be {words}"
    if v in ("anyOf", "oneOf"):
        kinds = []
        for sub in err.context:
            if sub.validator == "type":
                vv = sub.validator_value if isinstance(sub.validator_value, list) else [sub.validator_value]
                kinds.extend(TYPE_WORDS.get(t, t) for t in vv if TYPE_WORDS.get(t, t) not in kinds)
            elif sub.validator == "enum":
                kinds.append("one of " + ", ".join(map(str, sub.validator_value)))
        what = first_sentence(schema.get("description"))
        detail = f"; it must be {' or '.join(kinds)}" if kinds else ""
        return path, None, f"{short(err.instance)} is not allowed here{detail}. {what}".rstrip()
    if v == "enum":
        return path, None, f"{short(err.instance)} is not one of: {', '.join(map(str, err.validator_value))}"
    if v == "pattern":
        # patternErrorMessage: the message VS Code's YAML extension shows too.
        what = schema.get("patternErrorMessage") or first_sentence(nearest_description(err))
        return path, None, f"{short(err.instance)}: {what or 'must match ' + err.validator_value}"
    if v in ("maxLength", "minLength"):
        n = len(err.instance) if isinstance(err.instance, str) else 0
        limit = err.validator_value
        if v == "maxLength":
            return path, None, f"{short(err.instance, 40)} has {n} characters, more than the limit of {limit}"
        return path, None, "the value is empty; write a value or remove the key"
    if v in ("minimum", "maximum"):
        lo, hi = schema.get("minimum"), schema.get("maximum")
        if lo is not None and hi is not None:
            return path, None, f"{short(err.instance)} is outside {lo} to {hi}"
        if v == "minimum":
            return path, None, f"{short(err.instance)} is less than the minimum of {lo}"
        return path, None, f"{short(err.instance)} is more than the maximum of {hi}"
    if v == "minItems":
        return path, None, f"the list is empty. {nearest_description(err)}".rstrip()
    return path, None, err.message


def find_mark(doc, path):
    p = tuple(path)
    while p not in doc.marks and p:
        p = p[:-1]
    return doc.marks.get(p, (1, 1))


def check_document(doc, validator):
    """Formatted problems, in the order of the file: 'file:line:col: $.json.path: message'."""
    if doc.unreadable:
        return [text for _, text in doc.problems]
    leaves = []
    for top in validator.iter_errors(doc.data):
        leaves.extend(leaf_errors(top))
    # A value of the wrong type also fails its enum, pattern and range checks: report the type only.
    wrong_type = {tuple(e.absolute_path) for e, _ in leaves if e.validator == "type"}
    leaves = [(e, h) for e, h in leaves if e.validator == "type" or tuple(e.absolute_path) not in wrong_type
              or e.validator not in ("enum", "pattern", "maxLength", "minLength", "minimum", "maximum")]
    found = []
    for err, hint in leaves:
        if err.validator == "additionalProperties":
            found.extend(unknown_keys(err, doc))
            continue
        path, mark, message = describe(err, doc)
        has_own_message = isinstance(err.schema, dict) and "patternErrorMessage" in err.schema
        if hint and hint not in message and not has_own_message:
            message = f"{message}. {hint}"
        if "propertyNames" in list(err.absolute_schema_path) and isinstance(err.instance, str):
            # The key itself is wrong: point at it.
            key = err.instance
            if tuple(path) + (key,) in doc.key_marks:
                path = tuple(path) + (key,)
                mark = doc.key_marks[path]
            why = (err.schema.get("patternErrorMessage") if isinstance(err.schema, dict) else None) or first_sentence(
                nearest_description(err))
            message = f"'{key}' is not allowed as a key here. {why}"
        found.append((path, mark, message))
    problems = []
    for path, mark, message in found:
        line, col = mark or find_mark(doc, path)
        problems.append(((line, col), f"{doc.display}:{line}:{col}: {json_path(path)}: {message}"))
    problems += [(mark, text) for mark, text in doc.problems]
    out = []
    for _, text in sorted(problems, key=lambda p: p[0]):
        if text not in out:
            out.append(text)
    return out


# ---- schemas -------------------------------------------------------------------------------------------


def load_schemas(schema_dir):
    """name -> (schema, validator); raises SystemExit with a message on a broken schema."""
    out, problems = {}, []
    for name in SCHEMA_FILES:
        f = Path(schema_dir) / f"{name}.schema.json"
        try:
            schema = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            problems.append(f"{f}: cannot read: {e}")
            continue
        for key in ("$id", "title", "description"):
            if not schema.get(key):
                problems.append(f"{f}: has no '{key}'")
        if schema.get("$schema") != DRAFT:
            problems.append(f"{f}: '$schema' must be {DRAFT} (the draft VS Code's YAML extension supports)")
        try:
            jsonschema.Draft7Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            problems.append(f"{f}: not a valid draft-07 schema: {e.message}")
            continue
        out[name] = (schema, jsonschema.Draft7Validator(schema))
    # Each schema stands alone (editors resolve no references between files), so shared definitions are
    # copies: they must stay identical.
    first = {}
    for name, (schema, _) in out.items():
        for dname, d in schema.get("definitions", {}).items():
            if dname in first and first[dname][1] != d:
                problems.append(
                    f"{schema_dir}/{name}.schema.json: definition '{dname}' differs from the one in "
                    f"{first[dname][0]}.schema.json; keep the copies identical"
                )
            first.setdefault(dname, (name, d))
    if problems:
        for p in problems:
            print(p)
        sys.exit(1)
    return out


def bundle_files(bundle_dir):
    """(schema name, path) of every YAML file of a bundle the kiosk reads."""
    b = Path(bundle_dir)
    files = [("bundle", b / "bundle.yaml"), ("categories", b / "categories.yaml")]
    for optional in ("announcements", "holidays"):
        if (b / f"{optional}.yaml").exists():
            files.append((optional, b / f"{optional}.yaml"))
    services = sorted(p for p in (b / "services").glob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    files += [("service", p) for p in services]
    return files


def locale_files(locales_dir):
    return [("locale", p) for p in sorted(Path(locales_dir).glob("*.yaml"))]


def check_files(files, schemas):
    """Returns (problems per file, counts per schema)."""
    results, counts = [], {}
    for name, path in files:
        counts[name] = counts.get(name, 0) + 1
        if not Path(path).exists():
            results.append((path, [f"{path}:0:0: $: the file is missing"]))
            continue
        doc = load_yaml(path, str(path))
        results.append((path, check_document(doc, schemas[name][1])))
    return results, counts


def category_enum_problems(schemas, bundle_dir):
    """The service schema lists the category ids; they must cover categories.yaml."""
    out, notes = [], []
    enum = schemas["service"][0]["definitions"]["service"]["properties"]["category"]["enum"]
    doc = load_yaml(Path(bundle_dir) / "categories.yaml", str(Path(bundle_dir) / "categories.yaml"))
    ids = [c.get("id") for c in (doc.data or {}).get("categories", []) if isinstance(c, dict)]
    missing = [i for i in ids if i not in enum]
    if missing:
        out.append(
            f"{bundle_dir}/categories.yaml defines {', '.join(missing)}, which service.schema.json does not list: "
            "add them to the 'category' enum (and enumDescriptions) of content/schema/service.schema.json"
        )
    extra = [i for i in enum if i not in ids]
    if extra:
        notes.append(f"note: service.schema.json also allows {', '.join(extra)}, which {bundle_dir} does not define")
    return out, notes


# ---- the sample ------------------------------------------------------------------------------------------


def run_check(args, schemas):
    files = bundle_files(args.bundle)
    if args.locales:
        files += locale_files(args.locales)
    files += [("kiosk", Path(k)) for k in args.kiosk_config]
    results, counts = check_files(files, schemas)
    failed = [(p, probs) for p, probs in results if probs]
    for _, probs in failed:
        for line in probs:
            print(line)
    enum_problems, notes = category_enum_problems(schemas, args.bundle)
    for p in enum_problems:
        print(p)
    for n in notes:
        print(n)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"{args.bundle}{' + ' + args.locales if args.locales else ''}: {summary}")
    passed = len(results) - len(failed)
    print(f"schemas: {passed} passed, {len(failed)} failed")
    return 0 if not failed and not enum_problems else 1


# ---- broken copies -----------------------------------------------------------------------------------------

VALID_KIOSK_CONFIG = """\
kiosk_id: hauptbahnhof
technician_pin_hash: "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
idle_seconds: 90
warning_seconds: 30
sync:
  source: https://content.example.org/aachen/
  state_dir: /var/lib/kiosk
  trusted_keys: [keys/bundle-signing.pub]
  interval_minutes: 15
  retries: 4
"""

# A service that uses every field in the forms the loader accepts.
VALID_SERVICE = """\
services:
  - id: beratung-am-markt
    category: advice
    name: {und: Beratung am Markt, ar: استشارة في السوق}
    description:
      de: Beratung zu Aufenthalt und Asyl, ohne Termin.
      en: Advice on residence and asylum, no appointment needed.
    address: {street: Markt 1, postcode: 52062, city: Aachen, note: {de: Eingang im Hof, en: Entrance in the courtyard}}
    lat: 50.776
    lon: 6.0838
    opening_hours: "Mo-Fr 09:00-17:00; PH off"
    phone: ["+49 241 123456", 02419876]
    website: https://example.org/beratung?lang=de#start
    email: beratung@example.org
    languages: ar
    fees: free
    fee_note: Kostenlos
    documents: []
    anonymous: no
    wheelchair: limited
    target_groups: refugees
    source: Beratungsstelle, telefonisch
    last_verified: 2026-10-01
  - id: wc-markt
    category: toilets-water
    lat: 50.7761
    lon: 6.0839
    documents: none
    anonymous: yes
"""

VALID_ANNOUNCEMENTS = """\
announcements:
  - id: storm
    text: {de: Sturmwarnung, en: Storm warning}
    from: 2026-12-14 08:00
    until: 2026-12-15
    days: Mo
    hours: 08:00-24:00
    priority: -5
    emergency: yes
  - id: storm-2
    text: Unwetter
    emergency: true
"""


def sub(pattern, replacement, count=1):
    """A mutation: a regex replacement (multiline) that must match."""

    def apply(text):
        new, n = re.subn(pattern, replacement, text, count=count, flags=re.M)
        if n == 0:
            raise ValueError(f"the sample no longer contains /{pattern}/; update the broken case")
        return new

    return apply


# (name, file in the temporary bundle, schema, mutation, JSON path the message must name, text it must contain).
# kioskctl validate rejects each of these too, with the same line and column, except where noted.
BROKEN_CASES = [
    ("missing required key", "services/s.yaml", "service", sub(r"^    category: .*\n", ""), "$.services[0]", "'category'"),
    ("misspelled key", "services/s.yaml", "service", sub(r"^    wheelchair:", "    wheelchiar:"),
     "$.services[0].wheelchiar", "did you mean 'wheelchair'"),
    ("unknown category", "services/s.yaml", "service", sub(r"^    category: .*$", "    category: helth"),
     "$.services[0].category", '"helth"'),
    ("latitude out of range", "services/s.yaml", "service", sub(r"^    lat: .*$", "    lat: 95.2"),
     "$.services[0].lat", "outside -90 to 90"),
    ("longitude with a decimal comma", "services/s.yaml", "service", sub(r"^    lon: .*$", "    lon: 6,0836"),
     "$.services[0].lon", "must be a number"),
    ("coordinates swapped to text", "services/s.yaml", "service", sub(r"^    lat: .*$", '    lat: "50.77 N"'),
     "$.services[0].lat", "must be a number"),
    ("opening_hours as a list", "services/s.yaml", "service",
     sub(r"^    opening_hours: .*$", "    opening_hours: [Mo-Fr 09:00-17:00]"), "$.services[0].opening_hours",
     "must be a text"),
    ("unknown target group", "services/s.yaml", "service",
     sub(r"^    source: ", "    target_groups: [everyone, refugee]\n    source: "),
     "$.services[0].target_groups[1]", '"refugee"'),
    ("documents: a word without a list", "services/s.yaml", "service",
     sub(r"^    source: ", "    documents: referral\n    source: "), "$.services[0].documents", "referral"),
    ("fees: a word not in the list", "services/s.yaml", "service",
     sub(r"^    source: ", "    fees: cheap\n    source: "), "$.services[0].fees", '"cheap"'),
    ("wheelchair: true (a boolean, not yes)", "services/s.yaml", "service",
     sub(r"^    wheelchair: .*$", "    wheelchair: true"), "$.services[0].wheelchair", "must be one of: unknown, yes"),
    ("language key not a BCP 47 tag", "services/s.yaml", "service", sub(r"^      de: ", "      german: "),
     "$.services[0].name.german", "Not a BCP 47 language tag"),
    ("name longer than 200 characters", "services/s.yaml", "service", sub(r"^(      en: ).*$", r"\1" + "Ä" * 201),
     "$.services[0].name.en", "limit of 200"),
    ("phone with letters", "services/s.yaml", "service", sub(r"^    phone: .*$", '    phone: "+49 241 CALL-NOW"'),
     "$.services[0].phone", "Not a phone number"),
    ("website without https://", "services/s.yaml", "service", sub(r"^    website: .*$", "    website: www.example.org"),
     "$.services[0].website", "Not a web address"),
    ("e-mail without @", "services/s.yaml", "service", sub(r"^    email: .*$", "    email: praxis(at)example.org"),
     "$.services[0].email", "Not an e-mail address"),
    # Stricter than the loader, which reads an empty value as an absent key (and so loses an unquoted colour).
    ("empty value", "services/s.yaml", "service", sub(r"^    email: .*$", "    email:"), "$.services[0].email", "empty"),
    ("last_verified not a date", "services/s.yaml", "service",
     sub(r"^    source: ", "    last_verified: 1.10.2026\n    source: "), "$.services[0].last_verified", "Not a date"),
    ("duplicate key", "services/s.yaml", "service", sub(r"^(    lat: .*)$", r"\1\n    lat: 50.7"),
     "$.services[0].lat", "appears twice"),
    ("service outside a list", "services/s.yaml", "service", sub(r"^  - id: ", "    id: "), "$.services", ""),
    ("bundle id with capitals and spaces", "bundle.yaml", "bundle", sub(r"^id: .*$", "id: Aachen City"), "$.id", '"Aachen City"'),
    ("bundle version not a number", "bundle.yaml", "bundle", sub(r"^version: .*$", "version: first"), "$.version",
     "whole number"),
    ("bundle version 0", "bundle.yaml", "bundle", sub(r"^version: .*$", "version: 0"), "$.version", "minimum"),
    ("locales as text, not a list", "bundle.yaml", "bundle", sub(r"^locales: .*$", "locales: de, en"), "$.locales",
     "must be a list"),
    ("area without east", "bundle.yaml", "bundle", sub(r", east: [0-9.]+", ""), "$.area", "'east'"),
    ("kiosk heading over 360", "bundle.yaml", "bundle", sub(r"^    heading: .*$", "    heading: 400"),
     "$.kiosks[0].heading", "outside 0 to 360"),
    ("holiday region not ISO 3166-2", "bundle.yaml", "bundle", sub(r"^holiday_region: .*$", "holiday_region: NRW"),
     "$.holiday_region", "Not an ISO 3166-2 code"),
    ("unquoted colour (YAML reads a comment; the loader silently drops it)", "categories.yaml", "categories",
     sub(r'^    colour: "(#[0-9a-fA-F]{6})"$', r"    colour: \1"), "$.categories[0].colour", "empty"),
    ("category without a name", "categories.yaml", "categories", sub(r"^    name:\n(      .*\n)+", ""),
     "$.categories[0]", "'name'"),
    ("announcement hours not HH:MM-HH:MM", "announcements.yaml", "announcements",
     sub(r"^(  - id: .*)$", r"\1\n    hours: 8-18"), "$.announcements[0].hours", "Not a time range"),
    ("announcement emergency: maybe", "announcements.yaml", "announcements",
     sub(r"^(  - id: .*)$", r"\1\n    emergency: maybe"), "$.announcements[0].emergency", "maybe"),
    ("announcement day not Mo..Su", "announcements.yaml", "announcements",
     sub(r"^(  - id: .*)$", r"\1\n    days: [Mo, Di]"), "$.announcements[0].days[1]", '"Di"'),
    ("holiday date that does not exist", "holidays.yaml", "holidays", sub(r"date: 2025-01-01", "date: 2025-13-01"),
     "$.public[0].date", "Not a date"),
    ("school holiday without until", "holidays.yaml", "holidays", sub(r"until: [0-9-]+, ", ""), "$.school[0]",
     "'until'"),
    ("locale direction: left", "locales/de.yaml", "locale", sub(r"^  direction: .*$", "  direction: left"),
     "$.locale.direction", '"left"'),
    ("reviewed locale without reviewers", "locales/de.yaml", "locale", sub(r"^  status: .*$", "  status: reviewed"),
     "$.locale.reviewers", "must name its reviewers"),
    ("message that is a mapping", "locales/de.yaml", "locale", sub(r"^messages:\n", "messages:\n  x.y:\n    a: b\n"),
     '$.messages["x.y"]', "must be a text"),
    ("kiosk warning_seconds below 20", "kiosk.yaml", "kiosk", sub(r"^warning_seconds: .*$", "warning_seconds: 5"),
     "$.warning_seconds", "outside 20 to 600"),
    ("kiosk PIN not hashed", "kiosk.yaml", "kiosk", sub(r"^technician_pin_hash: .*$", 'technician_pin_hash: "4711"'),
     "$.technician_pin_hash", "Not an Argon2 hash"),
    ("kiosk sync without trusted keys", "kiosk.yaml", "kiosk", sub(r"^  trusted_keys: .*\n", ""), "$.sync",
     "'trusted_keys'"),
]

# Files that must pass: forms the loader accepts that a strict schema could wrongly reject.
VALID_CASES = [
    ("a service using every field", "services/valid.yaml", "service", VALID_SERVICE),
    ("announcements with yes/true, one day, 24:00", "announcements.yaml", "announcements", VALID_ANNOUNCEMENTS),
    ("a kiosk config with sync", "kiosk.yaml", "kiosk", VALID_KIOSK_CONFIG),
]

# The loader's rule fixtures (tests/fixtures/bundles/<rule>/, laid over valid/): the rules a schema can
# express must fail; the others (checked only by kioskctl validate) pass the schemas.
FIXTURES_FAIL = {"missing-field", "unknown-key", "unknown-category", "too-long", "malformed-contact",
                 "wrong-values", "bad-language-tag", "invalid-utf8", "yaml-syntax", "walking-rules"}
FIXTURES_PASS = {"bad-opening-hours", "bidi-control", "duplicate-id", "outside-area", "missing-translation",
                 "unknown-locale", "until-before-from", "holidays-unknown"}


def pick_service(bundle_dir):
    """A sample service file with the fields the broken cases change."""
    for p in sorted((Path(bundle_dir) / "services").glob("*.yaml")):
        t = p.read_text(encoding="utf-8")
        if all(re.search(rf"^    {k}:", t, re.M) for k in ("wheelchair", "phone", "website", "email", "opening_hours")) \
                and re.search(r"^      en: ", t, re.M) and re.search(r"^      de: ", t, re.M):
            return p
    raise SystemExit(f"{bundle_dir}/services has no service with name.de/en, wheelchair, phone, website, email and "
                     "opening_hours to break")


def run_broken(args, schemas):
    passed = failed = 0

    def ok(msg):
        nonlocal passed
        passed += 1
        print(f"ok    {msg}")

    def bad(msg):
        nonlocal failed
        failed += 1
        print(f"FAIL  {msg}")

    with tempfile.TemporaryDirectory(prefix="check-schemas-") as tmp:
        tmp = Path(tmp)
        bundle = Path(args.bundle)
        originals = {
            "bundle.yaml": (bundle / "bundle.yaml").read_text(encoding="utf-8"),
            "categories.yaml": (bundle / "categories.yaml").read_text(encoding="utf-8"),
            "announcements.yaml": (bundle / "announcements.yaml").read_text(encoding="utf-8"),
            "holidays.yaml": (bundle / "holidays.yaml").read_text(encoding="utf-8"),
            "services/s.yaml": pick_service(bundle).read_text(encoding="utf-8"),
            "locales/de.yaml": (Path(args.locales) / "de.yaml").read_text(encoding="utf-8"),
            "kiosk.yaml": VALID_KIOSK_CONFIG,
        }
        schema_of = {"bundle.yaml": "bundle", "categories.yaml": "categories", "announcements.yaml": "announcements",
                     "holidays.yaml": "holidays", "services/s.yaml": "service", "locales/de.yaml": "locale",
                     "kiosk.yaml": "kiosk"}

        def check_text(rel, schema, text, case):
            d = tmp / case / rel
            d.parent.mkdir(parents=True, exist_ok=True)
            d.write_text(text, encoding="utf-8")
            return str(d), check_document(load_yaml(d, str(d)), schemas[schema][1])

        # The unbroken copies pass: a failing case then fails because of its change.
        for rel, text in originals.items():
            shown, problems = check_text(rel, schema_of[rel], text, "original")
            if problems:
                bad(f"original {rel} fails: " + "; ".join(problems))
            else:
                ok(f"original {rel} matches {schema_of[rel]}.schema.json")

        for i, (name, rel, schema, mutate, want_path, want_text) in enumerate(BROKEN_CASES):
            try:
                text = mutate(originals[rel])
            except ValueError as e:
                bad(f"broken: {name}: {e}")
                continue
            shown, problems = check_text(rel, schema, text, f"case{i:02}")
            if not problems:
                bad(f"broken: {name}: {rel} passed the schema")
                continue
            good = [p for p in problems if p.startswith(shown + ":") and f": {want_path}" in p and want_text in p]
            if good:
                ok(f"broken: {name}: {good[0][len(str(tmp)) + 1:]}")
            else:
                bad(f"broken: {name}: no message names {shown} and {want_path} with '{want_text}': " + "; ".join(problems))

        for i, (name, rel, schema, text) in enumerate(VALID_CASES):
            shown, problems = check_text(rel, schema, text, f"valid{i:02}")
            if problems:
                bad(f"valid: {name}: " + "; ".join(problems))
            else:
                ok(f"valid: {name}")

        if args.fixtures:
            fixtures = Path(args.fixtures)
            valid = fixtures / "valid"
            files = bundle_files(valid)
            if args.fixture_locales:
                files += locale_files(args.fixture_locales)
            results, _ = check_files(files, schemas)
            problems = [p for _, probs in results for p in probs]
            if problems:
                bad("fixture: valid bundle fails: " + "; ".join(problems))
            else:
                ok(f"fixture: valid bundle and its locales match ({len(files)} files)")
            for rule_dir in sorted(p for p in fixtures.iterdir() if p.is_dir() and p.name != "valid"):
                copy = tmp / "fixtures" / rule_dir.name
                shutil.copytree(valid, copy)
                shutil.copytree(rule_dir, copy, dirs_exist_ok=True)
                changed = {str(p.relative_to(rule_dir)) for p in rule_dir.rglob("*.yaml")}
                results, _ = check_files([(s, p) for s, p in bundle_files(copy)
                                          if str(Path(p).relative_to(copy)) in changed], schemas)
                problems = [p for _, probs in results for p in probs]
                first = problems[0][len(str(tmp)) + 1:] if problems else ""
                if rule_dir.name in FIXTURES_FAIL:
                    (ok if problems else bad)(f"fixture: {rule_dir.name} fails the schemas"
                                              + (f": {first}" if problems else ": it passed"))
                elif rule_dir.name in FIXTURES_PASS:
                    (bad if problems else ok)(f"fixture: {rule_dir.name} passes the schemas (only kioskctl validate "
                                              "checks this rule)" + (f"; but: {first}" if problems else ""))
                else:
                    print(f"note  fixture: {rule_dir.name} is not classified in check_schemas.py "
                          f"({'fails' if problems else 'passes'} the schemas)")

    print(f"broken cases: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--schemas", required=True, help="folder of *.schema.json (content/schema)")
    ap.add_argument("--bundle", required=True, help="bundle folder (holds bundle.yaml)")
    ap.add_argument("--locales", help="folder of UI catalogs (locales)")
    ap.add_argument("--kiosk-config", action="append", default=[], help="a kiosk.yaml to check (repeatable)")
    ap.add_argument("--broken-cases", action="store_true", help="check that broken copies fail and valid variants pass")
    ap.add_argument("--fixtures", help="with --broken-cases: the loader's rule fixtures (tests/fixtures/bundles)")
    ap.add_argument("--fixture-locales", help="with --fixtures: their UI catalogs (tests/fixtures/locales)")
    args = ap.parse_args()
    schemas = load_schemas(args.schemas)
    if args.broken_cases:
        if not args.locales:
            ap.error("--broken-cases needs --locales")
        return run_broken(args, schemas)
    return run_check(args, schemas)


if __name__ == "__main__":
    sys.exit(main())
