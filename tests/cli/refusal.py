"""What every refusal of dacu's looks like, for the test scripts beside this file."""
import os


def expect_refusal(name, result, out, code, message):
    """dacu refused: exit 1 (4 for a code that is the machine's fault: a writer module missing,
    an output that cannot be written; README's exit codes), `[CODE]` and `message` on stderr with a
    hint, and `out` not written. Prints what is wrong under `name`; returns whether all was right."""
    problems = []
    want = 4 if code in ("D070", "D074", "D075", "D078") else 1
    if result.returncode != want:
        problems.append(f"exit {result.returncode}, want {want}")
    if f"[{code}]" not in result.stderr or message not in result.stderr:
        problems.append(f"stderr lacks '{message}' [{code}]")
    if "hint:" not in result.stderr:
        problems.append("no hint")
    if os.path.exists(out):
        problems.append(f"{out} was written")
    for p in problems:
        print(f"{name}: {p}\n--- stderr:\n{result.stderr}")
    return not problems
