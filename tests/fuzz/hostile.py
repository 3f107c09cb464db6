"""Hostile profiles and rule folders, generated from a seeded `random.Random`.

One catalogue serves both the short hypothesis run in `make test` (tests/fuzz/test_fuzz.py draws
the `Random`) and the long `make fuzz` run (tests/fuzz/run_fuzz.py). Every kind of input issue 13
names is here: malformed values in every field, impossible dates, yes/no/on/off, tiny and huge
numbers, alias bombs, deep nesting, duplicate and non-text keys, bytes that are not UTF-8, big
files; and for rule folders: .yml and root-level files, folders named *.yaml, symlink loops,
FIFOs, binary files, NaN / infinite / exponent operands, deep conditions, alias DAGs, duplicate
keys and a missing schedule rule.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
RULES = ROOT / "rules"
PLACEHOLDER = "HOSTILE_VALUE_PLACEHOLDER"

# Paths a profile may have, beyond those present in the examples.
EXTRA_PATHS = [
    "assessed_on", "jurisdiction", "patient.age", "patient.birth_date", "patient.sex",
    "diagnosis.phenotype", "diagnosis.diagnosed_on", "activity.edss", "activity.last_relapse",
    "activity.relapses_past_12_months", "screening.hbsag", "screening.igg_g_per_l",
    "labs.lymphocytes_10e9_per_l", "reproductive.pregnant", "vaccinations",
    "treatment.ocrelizumab.doses", "treatment.current.last_dose", "format",
]


def bomb(levels: int) -> str:
    """A billion-laughs list in flow style: 9**levels leaves from a few hundred bytes."""
    parts = ['&b0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    parts += [f"&b{i} [" + ",".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "[" + ", ".join(parts) + "]"


YAML_VALUES: list[str] = [
    "yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "false", "0", "-0.0", "5e-324",
    "1.0e-10", "1e-10", "0.00001", ".nan", ".inf", "-.inf", "1e308", "1.0e+400", "-1",
    str(2**64), "9" * 5000, "0x1F", "0o17", "1_000", '"40"', "40.0", "40.5",
    "2026-02-30", "0000-00-00", "2026-13-01", "1900-02-29", "2026-11-22 25:61:00",
    "!!timestamp 2026-02-30", "9999-12-31", "0001-01-01", "1800-01-01", "2026-11-22T10:00:00",
    "[]", "{}", "[1, 2]", "{a: 1}", "null", "~", '""', "unknown", '"\\x00"', '"\\u00e9"',
    "{1: x}", "{2020-01-01: x}", "{true: 1}", "{null: 1}", "{? [a] : x}", "!!binary aGk=",
    "!!set {a}", "!!python/object/apply:os.system [echo]", "&a 5", "*undefined", "!!bool yes",
    "[" * 60 + "]" * 60, "[" * 1000 + "]" * 1000, "{a: " * 40 + "1" + "}" * 40,
]
JSON_VALUES: list[str] = [
    "NaN", "Infinity", "-Infinity", "1e-10", "1e400", "0", "true", "false", '"yes"', "null",
    "9" * 5000, "[]", "{}", '"2026-02-30"', '"0000-00-00"', '"9999-12-31"', "-0.0", "5e-324",
    "[" * 1000 + "]" * 1000, '{"a": 1, "a": 2}', '"' + "x" * 100_000 + '"',
]


@dataclass(frozen=True)
class HostileInput:
    kind: str
    name: str  # file name: the suffix decides JSON or YAML
    data: bytes


def _leaf_paths(value: Any, prefix: str = "") -> list[str]:
    if isinstance(value, dict):
        out = [prefix] if prefix else []
        for key, item in value.items():
            out += _leaf_paths(item, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(value, list):
        out = [prefix]
        for index, item in enumerate(value):
            out += _leaf_paths(item, f"{prefix}[{index}]")
        return out
    return [prefix]


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `a.b[2].c` (creating sections; a missing list index appends)."""
    tokens: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        tokens.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            tokens.append(int(index))
            rest = rest.removeprefix("[")
    node: Any = data
    for token, following in itertools.pairwise(tokens):
        if isinstance(token, int):
            while len(node) <= token:
                node.append({} if isinstance(following, str) else [])
            node = node[token]
        else:
            if not isinstance(node.get(token), dict | list):
                node[token] = [] if isinstance(following, int) else {}
            node = node[token]
    last = tokens[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def _example(rng: random.Random) -> dict[str, Any]:
    return json.loads(json.dumps(yaml.safe_load(rng.choice(EXAMPLES).read_text()), default=str))


def _mutated_text(rng: random.Random, as_json: bool) -> tuple[str, str]:
    data = _example(rng)
    paths = _leaf_paths(data) + EXTRA_PATHS
    path = rng.choice(paths)
    _set(data, path, PLACEHOLDER)
    if as_json:
        raw = rng.choice(JSON_VALUES)
        return json.dumps(data).replace(json.dumps(PLACEHOLDER), raw), path
    raw = rng.choice(YAML_VALUES) if rng.random() < 0.9 else bomb(rng.randint(3, 10))
    return yaml.safe_dump(data, sort_keys=False).replace(PLACEHOLDER, raw), path


def hostile_profile(rng: random.Random) -> HostileInput:
    """One hostile profile file, of a kind chosen by `rng`."""
    roll = rng.random()
    valid = yaml.safe_dump(_example(rng), sort_keys=False)
    if roll < 0.55:
        text, path = _mutated_text(rng, as_json=False)
        return HostileInput(f"yaml-field:{path}", "p.yaml", text.encode())
    if roll < 0.70:
        text, path = _mutated_text(rng, as_json=True)
        return HostileInput(f"json-field:{path}", "p.json", text.encode())
    if roll < 0.75:  # a duplicate key at some level
        lines = valid.splitlines()
        index = rng.randrange(len(lines))
        lines.insert(index + 1, lines[index]) if ":" in lines[index] else None
        return HostileInput("duplicate-key", "p.yaml", "\n".join(lines).encode())
    if roll < 0.80:  # an unknown key somewhere
        data = _example(rng)
        _set(data, rng.choice(_leaf_paths(data)).rsplit(".", 1)[0] + ".zz_unknown", 1)
        return HostileInput("unknown-key", "p.yaml", yaml.safe_dump(data).encode())
    if roll < 0.85:
        raw = valid.encode()
        flipped = bytearray(raw)
        for _ in range(rng.randint(1, 5)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return HostileInput("byte-flip", "p.yaml", bytes(flipped))
    if roll < 0.88:
        raw = valid.encode()
        return HostileInput("truncated", "p.yaml", raw[: rng.randrange(len(raw))])
    if roll < 0.91:
        return HostileInput("random-bytes", rng.choice(["p.yaml", "p.json"]),
                            rng.randbytes(rng.randint(0, 2000)))
    if roll < 0.94:
        encoding = rng.choice(["latin-1", "utf-16", "utf-32", "utf-8-sig"])
        text = valid + "patient_note: é\n" if encoding == "latin-1" else valid
        return HostileInput(f"encoding:{encoding}", "p.yaml",
                            text.encode(encoding, errors="replace"))
    if roll < 0.96:
        return HostileInput("multi-document", "p.yaml", (valid + "---\n" + valid).encode())
    if roll < 0.98:
        depth = rng.choice([50, 500, 3000])
        text = "[" * depth + "]" * depth if rng.random() < 0.5 else \
            '{"a": ' * depth + "1" + "}" * depth
        return HostileInput(f"deep-{depth}", rng.choice(["p.yaml", "p.json"]), text.encode())
    count = rng.choice([300, 5000, 8000])  # 5000 items is about 250 KB: at the size limit
    line = "  - {vaccine: MMR, kind: live, date: 2020-01-01}\n"
    text = "format: 1\npatient: {age: 40}\ndiagnosis: {phenotype: RRMS}\nvaccinations:\n"
    return HostileInput(f"big-list-{count}", "p.yaml", (text + line * count).encode())


# ---- rule folders -------------------------------------------------------------------------

RuleEdit = Callable[[Path], None]
RULE_TEMPLATE = "ocrelizumab.workup.immunoglobulins"


def nested_when(depth: int) -> str:
    """Alternating any/all nesting: compile time grows exponentially with depth."""
    text = "{field: patient.age, gt: 1}"
    for level in range(depth):
        op = "any" if level % 2 else "all"
        text = f"{{{op}: [{text}, {{field: patient.age, lt: {200 + level}}}]}}"
    return text


def alias_dag(levels: int) -> str:
    parts = ["&c0 {field: patient.age, gt: 1}"]
    parts += [f"&c{i} {{all: [*c{i - 1}, *c{i - 1}]}}" for i in range(1, levels)]
    return "{all: [" + ", ".join(parts) + "]}"


WHEN_VALUES: list[str] = [
    "{not: {field: patient.age, lt: .nan}}", "{field: patient.age, gt: .inf}",
    "{field: patient.age, lt: -.inf}", "{field: activity.edss, lt: 0.00001}",
    "{field: patient.age, gt: 1.0e+16}", "{field: patient.age, gt: 5.0e-324}",
    "{field: patient.age, gt: 1.0e+308}", f"{{field: patient.age, gt: {2**70}}}",
    "{field: activity.last_relapse, within_last: 2026-02-30}",
    "{field: activity.last_relapse, within_last: {amount: -5, unit: day}}",
    "{field: activity.last_relapse, within_last: 0 weeks}", "{field: patient.age, gte: yes}",
    "{field: patient.age, gte: '18'}", "{field: screening.hbsag, equals: pos}",
    "&w {all: [*w]}", "{field: patient.age, gte: 18, lt: 9}", "[]", "{}", "null",
]


def _write_rule(root: Path, when: str, extra: str = "") -> None:
    data = yaml.safe_load((RULES / "ocrelizumab" / "workup.yaml").read_text())
    rule = next(r for r in data["rules"] if r["id"] == RULE_TEMPLATE)
    rule = {k: v for k, v in rule.items() if k != "when"}
    rule["id"] = "ocrelizumab.workup.zz-fuzz"
    text = yaml.safe_dump({"rules": [rule]}, sort_keys=False, default_style=None)
    (root / "ocrelizumab" / "zz-fuzz.yaml").write_text(f"{text}  when: {when}\n{extra}")


def rule_folder_edit(rng: random.Random) -> tuple[str, RuleEdit]:
    """One hostile change to a copy of rules/, of a kind chosen by `rng`."""
    drug_files = sorted(p.name for p in (RULES / "ocrelizumab").glob("*.yaml"))
    name = rng.choice(drug_files)
    choice = rng.randrange(14)
    if choice == 0:
        return "rename-yml", lambda r: (r / "ocrelizumab" / name).rename(
            r / "ocrelizumab" / (name[:-5] + ".yml"))
    if choice == 1:
        return "move-to-root", lambda r: (r / "ocrelizumab" / name).rename(r / name)
    if choice == 2:
        return "folder-named-yaml", lambda r: (r / "ocrelizumab" / "x.yaml").mkdir()
    if choice == 3:
        return "symlink-loop", lambda r: (r / "ocrelizumab" / "loop.yaml").symlink_to(
            "loop.yaml")
    if choice == 4:
        return "fifo", lambda r: os.mkfifo(r / "ocrelizumab" / "f.yaml")
    if choice == 5:
        blob = rng.randbytes(rng.randint(1, 500))
        return "binary-file", lambda r: (r / "ocrelizumab" / name).write_bytes(blob)
    if choice == 6:
        def latin1(r: Path) -> None:
            path = r / "ocrelizumab" / name
            path.write_bytes(path.read_text().replace("a", "é", 1).encode("latin-1", "replace"))
        return "latin-1", latin1
    if choice == 7:
        when = rng.choice(WHEN_VALUES)
        return f"when:{when[:30]}", lambda r: _write_rule(r, when)
    if choice == 8:
        depth = rng.choice([3, 9, 16, 20, 40])
        return f"nested-{depth}", lambda r: _write_rule(r, nested_when(depth))
    if choice == 9:
        levels = rng.choice([5, 20, 24])
        return f"alias-dag-{levels}", lambda r: _write_rule(r, alias_dag(levels))
    if choice == 10:
        return "duplicate-key", lambda r: _write_rule(
            r, "{field: patient.age, gte: 18}", "  verdict: info\n")
    if choice == 11:
        def drop_schedule_rule(r: Path) -> None:
            path = r / "ocrelizumab" / "schedule.yaml"
            data = yaml.safe_load(path.read_text())
            data["rules"] = [x for x in data["rules"]
                             if x["id"] != "ocrelizumab.schedule.iv-maintenance"]
            path.write_text(yaml.safe_dump(data, sort_keys=False))
        return "missing-schedule-rule", drop_schedule_rule
    if choice == 12:
        def flip(r: Path) -> None:
            path = r / "ocrelizumab" / name
            raw = bytearray(path.read_bytes())
            for _ in range(rng.randint(1, 4)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            path.write_bytes(bytes(raw))
        return "byte-flip", flip
    def truncate(r: Path) -> None:
        path = r / "ocrelizumab" / name
        raw = path.read_bytes()
        path.write_bytes(raw[: rng.randrange(len(raw))])
    return "truncated", truncate


def make_rule_folder(target: Path, edit: RuleEdit) -> Path:
    shutil.copytree(RULES, target)
    edit(target)
    return target
