#!/usr/bin/env python3
"""The message catalogue (lib/base/messages/*.msg) against the sources that use it.

- every entry has a Chinese and an English text, and both name the same placeholders;
- every key a source names (a string literal "D022", "D080.folder", "label.error", …: any literal
  whose first part is a code or a part the catalogue uses) is in the catalogue, so every code dacu
  emits has its texts in both languages;
- the call a key is written in (message, input_error, or a helper that passes the key on) passes
  exactly the placeholders its entry and the entry's hint name, as `{"name", value}` pairs among
  its own arguments;
- no entry is left that no source names.

- docs/errors.md's section "Every message in both languages" is the catalogue, as
  `--update` writes it between its markers.

    python3 tests/cli/messages.py --root . [--update]
"""
import argparse
import pathlib
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--update", action="store_true", help="rewrite docs/errors.md's table of texts")
options = parser.parse_args()
root = pathlib.Path(options.root)

failures = []
entries = {}  # key -> {"zh": text, "en": text}
for path in sorted((root / "lib/base/messages").glob("*.msg")):
    key = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            key = line[1:-1]
            if key in entries:
                failures.append(f"{path.name}:{number}: key {key} given twice")
            entries[key] = {}
            continue
        language, _, text = line.partition("=")
        language, text = language.strip(), text.strip()
        if key is None or language not in ("zh", "en") or not text:
            failures.append(f"{path.name}:{number}: expected `zh = …` or `en = …` under a [key]")
            continue
        entries[key][language] = text

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][\w-]*)\}")


def placeholders(text):
    return set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


for key, texts in sorted(entries.items()):
    for language in ("zh", "en"):
        if language not in texts:
            failures.append(f"[{key}] has no {language} text")
    if "zh" in texts and "en" in texts and placeholders(texts["zh"]) != placeholders(texts["en"]):
        failures.append(f"[{key}] zh names {sorted(placeholders(texts['zh']))}, en names {sorted(placeholders(texts['en']))}")

prefixes = {key.split(".")[0] for key in entries if not re.match(r"D\d{3}$", key.split(".")[0])}
KEY = re.compile(r'"(D\d{3}(?:\.[\w-]+)*|(?:' + "|".join(map(re.escape, sorted(prefixes))) + r')(?:\.[\w-]+)+)"')
ARG = re.compile(r'\{\s*"([A-Za-z_][\w-]*)"\s*,')
KEYWORDS = {"if", "while", "for", "switch", "return", "catch", "sizeof"}


def skip_string(text, i):
    """The index just past the string or character literal that starts at i."""
    quote, i = text[i], i + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def enclosing_call(text, at):
    """(name, top-level text) of the innermost call around position at, or None. The top-level
    text leaves out nested parentheses, so a message filled inside the call's arguments keeps its
    own arguments to itself."""
    depth, i = 0, at
    while i > 0:
        i -= 1
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                break
            depth -= 1
    else:
        return None
    name = re.search(r"([A-Za-z_]\w*)\s*$", text[:i])
    if not name or name.group(1) in KEYWORDS:
        return None
    top, j, depth = [], i + 1, 0
    while j < len(text):
        c = text[j]
        if c in "\"'":
            end = skip_string(text, j)
            if depth == 0:
                top.append(text[j:end])
            j = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            top.append(c)
        j += 1
    return name.group(1), "".join(top)


used = set()
for sub in ("lib", "apps"):
    for path in sorted((root / sub).rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root)
        for match in KEY.finditer(text):
            key = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            if key.endswith(".hint"):
                failures.append(f"{where}:{line}: {key}: a hint is found through its message's key, not named")
            elif key not in entries:
                failures.append(f"{where}:{line}: {key} is not in the message catalogue")
            used.add(key)
            if key not in entries:
                continue
            call = enclosing_call(text, match.start())
            if call is None:
                continue
            passed = set(ARG.findall(call[1]))
            wanted = set()
            for k in (key, key + ".hint"):
                wanted |= placeholders(entries.get(k, {}).get("en", ""))
            if passed - wanted or wanted - passed:
                failures.append(f"{where}:{line}: {key} names {sorted(wanted)}, {call[0]}(…) passes {sorted(passed)}")

for key in sorted(entries):
    base = key[:-len(".hint")] if key.endswith(".hint") else key
    if base not in used:
        failures.append(f"[{key}] no source names {base}")
    if key.endswith(".hint") and base not in entries:
        failures.append(f"[{key}] is a hint of nothing: there is no [{base}]")

BEGIN = "<!-- messages: generated by tests/cli/messages.py --update; do not edit by hand -->"
END = "<!-- messages: end -->"


def cell(text):
    return text.replace("|", "\\|").replace("\\n", "<br>")


def docs_table():
    lines = [BEGIN, "", "| key | 中文 | English |", "|---|---|---|"]
    for key in sorted(entries, key=lambda k: (not re.match(r"D\d{3}", k), k)):
        texts = entries[key]
        lines.append(f"| `{key}` | {cell(texts.get('zh', ''))} | {cell(texts.get('en', ''))} |")
    return "\n".join(lines + ["", END])


docs = root / "docs" / "errors.md"
text = docs.read_text(encoding="utf-8")
if BEGIN in text and END in text:
    current = text[text.index(BEGIN):text.index(END) + len(END)]
    if options.update:
        docs.write_text(text.replace(current, docs_table()), encoding="utf-8")
    elif current != docs_table():
        failures.append("docs/errors.md: the table of texts differs from the catalogue; run tests/cli/messages.py --root . --update")
else:
    failures.append(f"docs/errors.md: no section between {BEGIN} and {END}")

for line in failures:
    print("FAIL:", line)
print(f"{len(entries)} entries, {len(used)} keys used, {len(failures)} problems")
sys.exit(1 if failures else 0)
