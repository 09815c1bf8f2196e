#!/usr/bin/env python3
"""The shell completions know every command, option, format and built-in template dacu has.

The bash completion is run (bash is always there): `dacu <TAB>` must offer exactly the commands of
`dacu --help`; `dacu CMD -<TAB>` every option of `dacu CMD --help` (and `staff erlang`);
`dacu CMD x --format <TAB>` exactly the formats its help lists; `dacu init <TAB>` the templates of
`dacu templates`. zsh may not be installed, so for `_dacu` the test checks the text: each command
has a case, and each long option and format of a command appears in it.
"""
import argparse
import os
import re
import subprocess
import sys

ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")


def dacu_help(dacu, *words):
    return subprocess.run([dacu, *words, "--help"], capture_output=True, text=True, env=ENV, check=True).stdout


def commands_of(dacu):
    text = dacu_help(dacu)
    block = text.split("Subcommands:", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.splitlines() if line.strip()]


def options_of(help_text):
    """Long and short options, and the --format choices, of one command's --help."""
    options, formats = set(), []
    for m in re.finditer(r"^  ((?:-\w,)?--[\w-]+|-\w(?= ))(?:\s+TEXT(?::\{([\w,]+)\})?)?", help_text, re.M):
        for name in m.group(1).split(","):
            options.add(name)
        if m.group(1).endswith("--format") and m.group(2):
            formats = m.group(2).split(",")
    return options, formats


def complete(completion, words):
    """COMPREPLY for the words, the last one being completed."""
    script = (f"source {completion!r}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
              f"COMP_CWORD={len(words) - 1}; _dacu; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=ENV)
    return set(filter(None, r.stdout.splitlines()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    bash = os.path.join(o.root, "completions", "dacu.bash")
    zsh_text = open(os.path.join(o.root, "completions", "_dacu"), encoding="utf-8").read()
    problems = []

    commands = commands_of(o.dacu)
    got = complete(bash, ["dacu", ""]) - {"--help", "--version"}
    if got != set(commands):
        problems.append(f"bash: `dacu <TAB>` offers {sorted(got)}, dacu --help lists {sorted(commands)}")

    for words in [[c] for c in commands] + [["staff", "erlang"]]:
        name = " ".join(words)
        options, formats = options_of(dacu_help(o.dacu, *words))
        offered = complete(bash, ["dacu", *words, "-"])
        missing = sorted(options - offered - {"-h"})  # -h is --help, which is offered
        if missing:
            problems.append(f"bash: `dacu {name} -<TAB>` lacks {missing}")
        extra = sorted(offered - options)
        if extra:
            problems.append(f"bash: `dacu {name} -<TAB>` offers {extra}, which dacu {name} does not have")
        if formats:
            got = complete(bash, ["dacu", *words, "x.yaml", "--format", ""])
            if got != set(formats):
                problems.append(f"bash: `dacu {name} --format <TAB>` offers {sorted(got)}, help lists {formats}")
        # zsh: the command's case holds each long option and format.
        key = "erlang" if words == ["staff", "erlang"] else words[0]
        block = re.search(rf"^    {re.escape(words[0])}\)(.*?)(?=^    \w+\)|^  esac)", zsh_text, re.M | re.S)
        if not block:
            problems.append(f"zsh: no case for {words[0]}")
            continue
        body = block.group(1)
        if key == "erlang":
            body = body.split("else", 1)[0]
        elif words[0] == "staff":
            body = body.split("else", 1)[1]
        common = "--set --output --lang --help" if "$common" in body else ""
        # The batch options are in the $batch array the command's case names.
        batch_block = re.search(r"^  batch=\((.*?)\)$", zsh_text, re.M | re.S)
        batch = batch_block.group(1) if batch_block and "$batch" in body else ""
        for opt in sorted(x for x in options if x.startswith("--")):
            if opt not in body and opt not in common and not re.search(rf"{re.escape(opt)}\b(?!-)", batch):
                problems.append(f"zsh: {name} lacks {opt}")
        if ("--out-dir" in options) != ("$batch" in body):
            problems.append(f"zsh: {name} and --out-dir/-j disagree")
        if formats and f"({' '.join(formats)})" not in body:
            problems.append(f"zsh: {name} formats are not ({' '.join(formats)})")
    for c in commands:
        if f"'{c}:" not in zsh_text:
            problems.append(f"zsh: the command list lacks {c}")

    listing = subprocess.run([o.dacu, "templates"], capture_output=True, text=True, env=ENV, check=True).stdout
    templates = {line.split()[0] for line in listing.splitlines()[1:] if line.strip()}
    got = complete(bash, ["dacu", "init", ""])
    if got != templates:
        problems.append(f"bash: `dacu init <TAB>` offers {sorted(got)}, dacu templates lists {sorted(templates)}")
    m = re.search(r"1:template:\(([^)]*)\)", zsh_text)
    if not m or set(m.group(1).split()) != templates:
        problems.append(f"zsh: init's templates are not {sorted(templates)}")

    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
