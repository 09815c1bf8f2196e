#!/usr/bin/env python3
"""The layers of lib/ (ARCHITECTURE.md), checked on the text of every source.

The build already refuses an include that runs back up (each layer sees only the include roots of
what it links); this check says the rule in one table and also covers what the compiler cannot:
which third-party headers each layer may use, and how long a source may grow.

    python3 tests/cli/layers.py --root .
"""
import argparse
import pathlib
import re
import sys

# What each layer may include of dacu's own headers.
ALLOWED = {
    "base": {"base"},
    "model": {"base", "model"},
    "input": {"base", "model", "input"},
    "plan": {"base", "model", "plan"},
    "compute": {"base", "model", "input", "plan", "compute"},
    "render": {"base", "model", "input", "plan", "compute", "render"},
    "writers": {"base", "model", "input", "plan", "compute", "render", "writers"},
}

# Third-party headers that only some files may include: the heavy or special ones stay at one
# place each, so the rest of the library compiles without them.
ONLY_IN = {
    "yaml-cpp/": {"lib/input/yaml.cpp"},
    "nlohmann/": {"lib/render/json.cpp"},
    "libical/": {"lib/writers/ics_writer.cpp"},
    "xlsxwriter": {"lib/writers/xlsx_writer.cpp"},
    "CLI/": {"apps/dacu/cli.cpp"},
    "utf8proc": {"lib/base/utf8.cpp"},
    "unzip.h": {"lib/input/xlsx_reader.cpp"},
    "expat": {"lib/input/xlsx_reader.cpp"},
    "iconv.h": {"lib/input/csv.cpp"},
}
FORBIDDEN = {"regex": "std::regex is slow to compile and to run; write the grammar in base/"}

MAX_LINES = 600

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def check(root: pathlib.Path) -> list[str]:
    problems = []
    sources = sorted((root / "lib").rglob("*.[ch]pp")) + sorted((root / "apps").rglob("*.[ch]pp"))
    for path in sources:
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        parts = rel.split("/")
        layer = parts[1] if parts[0] == "lib" else None
        if layer is not None and layer not in ALLOWED:
            problems.append(f"{rel}: lib/{layer} is not a layer; add it to ARCHITECTURE.md and to this table")
            continue
        for match in INCLUDE.finditer(text):
            header = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            where = f"{rel}:{line}"
            if header.startswith("dacu/") and layer is not None:
                target = header.split("/")[1]
                if target not in ALLOWED[layer]:
                    problems.append(f"{where}: lib/{layer} may not include {header} "
                                    f"(it may include {', '.join(sorted(ALLOWED[layer]))})")
            for prefix, allowed in ONLY_IN.items():
                if header.startswith(prefix) and rel not in allowed:
                    problems.append(f"{where}: only {', '.join(sorted(allowed))} may include <{header}>")
            if header in FORBIDDEN:
                problems.append(f"{where}: <{header}>: {FORBIDDEN[header]}")
        if layer is not None:
            lines = text.count("\n")
            if lines > MAX_LINES:
                problems.append(f"{rel}: {lines} lines, more than {MAX_LINES}: split it by what it does")
    # The model is plain data: its headers name no reader, computation or formatter.
    for path in sorted((root / "lib" / "model").glob("*.hpp")):
        text = path.read_text(encoding="utf-8")
        for word in ("yaml::", "parse_", "render", "format_", "compute", "evaluate("):
            for m in re.finditer(re.escape(word), text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line = text[line_start:text.find("\n", m.start())]
                if line.lstrip().startswith("///") or line.lstrip().startswith("//"):
                    continue  # comments may point at where the reader or computation is
                problems.append(f"{path.relative_to(root).as_posix()}:{text.count(chr(10), 0, m.start()) + 1}: "
                                f"the model declares '{word}': readers go in input/, computations in "
                                "compute/ or plan/, formatters in render/")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=pathlib.Path, required=True)
    args = parser.parse_args()
    problems = check(args.root)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) with the layers (ARCHITECTURE.md, 'Folders and allowed includes')")
        return 1
    print("layers: every include follows ARCHITECTURE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
