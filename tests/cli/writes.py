#!/usr/bin/env python3
"""What dacu writes, checked at the process level: every write is checked, wherever it goes.

    writes.py --dacu BUILD/apps/dacu --root SOURCE_DIR stdout
        stdout on /dev/full, closed (`>&-`) and on a full tmpfs: D070 with the system's reason and
        exit 1. A closed stdout that nothing is written to is fine (exit 0); a reader that goes
        away (`dacu … | head`: EPIPE) ends the run quietly with its own status. The tmpfs needs
        `mount` (root): without it that part says SKIPPED, the rest still runs.
    writes.py … modes
        Replacing a file keeps its mode and owner; a read-only file (no w bit at all, which root
        would otherwise ignore) is refused (D075) and left as it was; as a user who may not
        change the owner, the file is still replaced, with its mode.
    writes.py … interrupt
        SIGTERM and SIGINT in the middle of an xlsx batch with -j 2: the run ends by the signal
        (exit 143 / 130) and leaves no `.NAME.….tmp` in --out-dir and no scratch file in $TMPDIR.
    writes.py … formats
        -o's extension in any case (`plan.XLSX`, `.ICS`, `r.HTML`) picks the format; an unknown
        extension keeps the command's default; an extension naming a format the command does not
        write is D076 and writes nothing; `-o ""` is D077 and writes nothing, not even to stdout.
    writes.py … long-name
        -o names of 250 and 255 bytes (Chinese, 3 bytes a character), also through --out-dir.
    writes.py … memory
        Out of memory (an address-space limit, RLIMIT_AS) is D078, exit 1, not "internal error".
        SKIPPED when dacu cannot start under the limit (a sanitizer build reserves terabytes).
"""
import argparse
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

EXAMPLE = "examples/雪凡妮-双十二聚划算.yaml"
REPORT_ARGS = ["--actuals", "examples/雪凡妮-实时数据.csv", "--as-of", "2026-12-20T12:30"]


class Runner:
    def __init__(self, dacu, root):
        self.dacu, self.root, self.problems, self.notes = os.path.abspath(dacu), os.path.abspath(root), [], []

    def run(self, args, env_extra=None, **kw):
        # Messages in English: the checks below quote them (the golden cases hold the Chinese).
        env = dict(os.environ, NO_COLOR="1", LC_ALL="en_US.UTF-8")
        env.update(env_extra or {})
        if "stdout" not in kw and "stderr" not in kw:
            kw["capture_output"] = True
        return subprocess.run([self.dacu] + args, cwd=self.root, env=env, timeout=120, **kw)

    def check(self, ok, what):
        if not ok:
            self.problems.append(what)

    def expect_error(self, what, r, code, reason):
        err = r.stderr.decode("utf-8", errors="replace") if isinstance(r.stderr, bytes) else (r.stderr or "")
        want = EXIT_OF.get(code, 1)
        self.check(r.returncode == want and f"[{code}]" in err and reason in err and "hint:" in err,
                   f"{what}: want exit {want}, {code}, '{reason}' and a hint; got exit {r.returncode}\n{err}")


# README's exit codes: 4 an output that cannot be written or out of memory (the machine's fault),
# 2 a command line that cannot run; 1 the rest.
EXIT_OF = {"D070": 4, "D075": 4, "D078": 4, "D076": 2, "D077": 2}


def stdout_checks(t):
    plan = ["plan", EXAMPLE, "--format", "json"]
    whole = t.run(plan).stdout

    with open("/dev/full", "wb") as full:
        r = t.run(plan, stdout=full, stderr=subprocess.PIPE)
    t.expect_error("> /dev/full", r, "D070", "<stdout>: writing failed: No space left on device")

    # The shell's `>&-`: fd 1 closed before dacu starts.
    r = t.run(plan, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    t.expect_error(">&-", r, "D070", "<stdout>: writing failed: Bad file descriptor")
    # Nothing to write (validate's text goes to stderr): a closed stdout is no loss.
    r = t.run(["validate", EXAMPLE], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    t.check(r.returncode == 0, f"validate >&-: exit {r.returncode} {r.stderr.decode()}")

    # A reader that has gone away (`| head`): EPIPE is quiet, and the status is the run's own.
    read_end, write_end = os.pipe()
    os.close(read_end)
    r = t.run(plan, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    t.check(r.returncode == 0 and r.stderr == b"", f"EPIPE: exit {r.returncode} {r.stderr.decode()}")

    with tempfile.TemporaryDirectory() as tmp:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", tmp], capture_output=True, text=True)
        if mounted.returncode != 0:
            t.notes.append(f"SKIPPED full disk (tmpfs): mount is not permitted here: {mounted.stderr.strip()}")
            return
        try:
            # The JSON (about 50 KB) fills the 16 KiB tmpfs part way: D070, not exit 0 with a cut file.
            with open(os.path.join(tmp, "plan.json"), "wb") as f:
                r = t.run(plan, stdout=f, stderr=subprocess.PIPE)
            t.expect_error("> full tmpfs/plan.json", r, "D070", "<stdout>: writing failed: No space left on device")
            t.check(os.path.getsize(os.path.join(tmp, "plan.json")) < len(whole), "the tmpfs was not full")
            # Now the disk is full: the report cannot write its first byte.
            with open(os.path.join(tmp, "report.md"), "wb") as f:
                r = t.run(["report", EXAMPLE, *REPORT_ARGS], stdout=f, stderr=subprocess.PIPE)
            t.expect_error("> full tmpfs/report.md", r, "D070", "No space left on device")
            # -o on the full disk: D070 too, and no temporary file left behind.
            r = t.run(plan + ["-o", os.path.join(tmp, "plan2.json")])
            t.expect_error("-o full tmpfs/plan2.json", r, "D070", "No space left on device")
            t.check(sorted(os.listdir(tmp)) == ["plan.json", "report.md"], f"left on the tmpfs: {os.listdir(tmp)}")
        finally:
            subprocess.run(["umount", tmp], check=True)


def modes_checks(t):
    plan = ["plan", EXAMPLE, "--format", "csv"]
    expected = t.run(plan).stdout
    with tempfile.TemporaryDirectory() as tmp:
        private = os.path.join(tmp, "private.csv")
        with open(private, "w") as f:
            f.write("old\n")
        os.chmod(private, 0o600)
        if os.geteuid() == 0:
            os.chown(private, 1234, 2345)
        r = t.run(plan + ["-o", private])
        st = os.stat(private)
        t.check(r.returncode == 0 and open(private, "rb").read() == expected, f"0600 file: {r.stderr.decode()}")
        t.check(stat.S_IMODE(st.st_mode) == 0o600, f"0600 file became {oct(stat.S_IMODE(st.st_mode))}")
        if os.geteuid() == 0:
            t.check((st.st_uid, st.st_gid) == (1234, 2345), f"owner 1234:2345 became {st.st_uid}:{st.st_gid}")

        shared = os.path.join(tmp, "shared.csv")
        with open(shared, "w") as f:
            f.write("old\n")
        os.chmod(shared, 0o664)
        r = t.run(plan + ["-o", shared], preexec_fn=lambda: os.umask(0o077))
        mode = stat.S_IMODE(os.stat(shared).st_mode)
        t.check(r.returncode == 0 and mode == 0o664, f"0664 file under umask 077 became {oct(mode)} {r.stderr.decode()}")

        fresh = os.path.join(tmp, "fresh.csv")
        r = t.run(plan + ["-o", fresh], preexec_fn=lambda: os.umask(0o027))
        mode = stat.S_IMODE(os.stat(fresh).st_mode)
        t.check(r.returncode == 0 and mode == 0o640, f"a new file under umask 027 is {oct(mode)}, want 0640")

        readonly = os.path.join(tmp, "readonly.csv")
        with open(readonly, "w") as f:
            f.write("keep\n")
        os.chmod(readonly, 0o444)
        r = t.run(plan + ["-o", readonly])
        t.expect_error("0444 file", r, "D075", "read-only")
        t.check(b"chmod u+w" in r.stderr, f"the hint names chmod u+w: {r.stderr.decode()}")
        t.check(open(readonly).read() == "keep\n" and stat.S_IMODE(os.stat(readonly).st_mode) == 0o444,
                "the read-only file was changed")
        t.check(sorted(os.listdir(tmp)) == ["fresh.csv", "private.csv", "readonly.csv", "shared.csv"],
                f"left behind: {os.listdir(tmp)}")

        if os.geteuid() != 0:
            t.notes.append("SKIPPED other users (not root): owner kept, EPERM on chown ignored, a file the user may not write")
            return
        # As nobody, in a folder anyone may write to: a root-owned 0666 file is replaced and keeps its
        # mode (the owner cannot be kept: EPERM is ignored); a root-owned 0644 file is refused.
        nobody = 65534
        can_run = subprocess.run([t.dacu, "--version"], capture_output=True, preexec_fn=lambda: os.setuid(nobody))
        if can_run.returncode != 0:
            t.notes.append(f"SKIPPED other users: nobody cannot run {t.dacu}")
            return
        os.chmod(tmp, 0o711)  # a TemporaryDirectory is 0700: let nobody through to the shared folder
        shared_dir = os.path.join(tmp, "shared")
        os.mkdir(shared_dir)
        os.chmod(shared_dir, 0o777)
        open_file = os.path.join(shared_dir, "open.csv")
        theirs = os.path.join(shared_dir, "theirs.csv")
        for path, mode in ((open_file, 0o666), (theirs, 0o644)):
            with open(path, "w") as f:
                f.write("root's\n")
            os.chmod(path, mode)
        # The campaign is read from a copy nobody can read.
        campaign = os.path.join(shared_dir, "c.yaml")
        shutil.copy(os.path.join(t.root, EXAMPLE), campaign)
        os.chmod(campaign, 0o644)
        as_nobody = lambda: os.setuid(nobody)
        r = t.run(["plan", campaign, "--format", "csv", "-o", open_file], preexec_fn=as_nobody)
        st = os.stat(open_file)
        t.check(r.returncode == 0 and stat.S_IMODE(st.st_mode) == 0o666 and st.st_uid == nobody,
                f"nobody replacing a 0666 root file: exit {r.returncode}, mode {oct(stat.S_IMODE(st.st_mode))}, "
                f"owner {st.st_uid} {r.stderr.decode()}")
        r = t.run(["plan", campaign, "--format", "csv", "-o", theirs], preexec_fn=as_nobody)
        t.expect_error("nobody replacing a 0644 root file", r, "D075", "read-only")
        t.check(open(theirs).read() == "root's\n", "root's 0644 file was replaced by nobody")


def interrupt_checks(t):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for i in range(400):
            path = os.path.join(tmp, f"c{i:03}.yaml")
            shutil.copy(os.path.join(t.root, EXAMPLE), path)
            inputs.append(path)
        scratch = os.path.join(tmp, "scratch")
        os.mkdir(scratch)
        rounds = [(signal.SIGTERM, n) for n in (5, 17, 31, 44)] + [(signal.SIGINT, n) for n in (9, 23)]
        for number, (sig, after) in enumerate(rounds):
            out = os.path.join(tmp, f"out{number}")
            p = subprocess.Popen([t.dacu, "plan", "--format", "xlsx", "--out-dir", out, "-j", "2", *inputs],
                                 cwd=t.root, env=dict(os.environ, TMPDIR=scratch, NO_COLOR="1"),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Not a timing: wait for the batch to be under way (some outputs written), then signal it.
            while p.poll() is None and not (os.path.isdir(out) and len(os.listdir(out)) >= after):
                time.sleep(0.002)
            p.send_signal(sig)
            status = p.wait(timeout=120)
            t.check(status == -sig, f"{sig.name} after {after} outputs: exit {status}, want {-sig} (128+{int(sig)})")
            left = [f for f in os.listdir(out) if not f.endswith(".xlsx") and f != ".dacu.lock"]  # the lock stays
            t.check(left == [], f"{sig.name}: left in --out-dir: {left}")
            t.check(os.listdir(scratch) == [], f"{sig.name}: left in $TMPDIR: {os.listdir(scratch)}")
            t.check(len(os.listdir(out)) < len(inputs), f"{sig.name}: the batch ended before the signal; make it bigger")


def formats_checks(t):
    with tempfile.TemporaryDirectory() as tmp:
        for args, name, start in (
                (["plan", EXAMPLE], "plan.XLSX", b"PK\x03\x04"),
                (["plan", EXAMPLE], "plan.ICS", b"BEGIN:VCALENDAR"),
                (["plan", EXAMPLE], "plan.Json", b"{"),
                (["report", EXAMPLE, *REPORT_ARGS], "r.HTML", b"<!DOCTYPE html>"),
                (["roi", "examples/聚划算-ROI样例.yaml"], "roi.CSV", "部分,项目".encode()),
                (["plan", EXAMPLE], "plan.out", "雪凡妮 双十二聚划算  (模板".encode())):  # unknown: the default, table
            path = os.path.join(tmp, name)
            r = t.run(args + ["-o", path])
            t.check(r.returncode == 0 and open(path, "rb").read().startswith(start),
                    f"-o {name}: exit {r.returncode}, starts {open(path, 'rb').read(20) if os.path.exists(path) else None} "
                    f"{r.stderr.decode()}")
        for args, name in ((["roi", "examples/聚划算-ROI样例.yaml"], "x.html"),
                           (["roi", "examples/聚划算-ROI样例.yaml"], "x.ics"),
                           (["report", EXAMPLE, *REPORT_ARGS], "r.csv"),
                           (["report", EXAMPLE, *REPORT_ARGS], "r.TXT"),
                           (["check", EXAMPLE, "--products", "examples/聚划算-商品.csv"], "x.xlsx"),
                           (["funnel", "examples/订货宝-上线.yaml", "--customers", "examples/订货宝-客户.csv"], "f.xlsx"),
                           (["staff", "erlang", "--contacts", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20"], "e.xlsx")):
            path = os.path.join(tmp, name)
            r = t.run(args + ["-o", path])
            t.expect_error(f"{args[0]} -o {name}", r, "D076", "does not write")
            t.check(not os.path.exists(path), f"{args[0]} -o {name} wrote a file")
        for args in (["plan", EXAMPLE], ["init", "聚划算"], ["schema"], ["validate", EXAMPLE],
                     ["staff", "erlang", "--contacts", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20"]):
            r = t.run(args + ["-o", ""])
            t.expect_error(f"{' '.join(args)} -o ''", r, "D077", "-o is empty")
            t.check(r.stdout == b"", f"{args[0]} -o '' wrote to stdout")
        # `--out-dir ""` was ignored: one input went to stdout as if no folder had been named.
        r = t.run(["plan", EXAMPLE, "--out-dir", ""])
        t.expect_error("plan --out-dir ''", r, "D077", "--out-dir is empty")
        t.check(r.stdout == b"", "plan --out-dir '' wrote to stdout")
        # `--dept ""` (an unset variable) printed the whole plan as if no filter had been asked for.
        for option in ("--dept", "--owner", "--phase"):
            r = t.run(["plan", EXAMPLE, option, ""])
            t.expect_error(f"plan {option} ''", r, "D521", f"{option} is empty")
            t.check(r.stdout == b"", f"plan {option} '' wrote to stdout")
        # CLI11 quotes what was typed: an escape sequence in it is shown, not sent to the terminal.
        r = t.run(["plan", EXAMPLE, "--format", "\x1b[31mred"])
        t.check(r.returncode == 2 and b"\x1b" not in r.stderr and b"\\x1b[31mred" in r.stderr,
                f"--format with ESC: exit {r.returncode} {r.stderr!r}")


def long_name_checks(t):
    plan = ["plan", EXAMPLE, "--format", "csv"]
    expected = t.run(plan).stdout
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("计划" * 41 + ".csv", "计" * 83 + "xx.csv"):  # 250 and 255 bytes
            assert len(name.encode()) in (250, 255)
            path = os.path.join(tmp, name)
            r = t.run(plan + ["-o", path])
            t.check(r.returncode == 0 and open(path, "rb").read() == expected,
                    f"-o of {len(name.encode())} bytes: exit {r.returncode} {r.stderr.decode()}")
        t.check(len(os.listdir(tmp)) == 2, f"left behind: {os.listdir(tmp)}")
        # --out-dir names the output after the input: a 255-byte output name.
        stem = "计" * 83 + "xx"
        campaign = os.path.join(tmp, stem + ".yml")
        shutil.copy(os.path.join(t.root, EXAMPLE), campaign)
        out = os.path.join(tmp, "out")
        r = t.run(["plan", "--format", "csv", "--out-dir", out, campaign, os.path.join(t.root, EXAMPLE)])
        t.check(r.returncode == 0 and sorted(os.listdir(out)) == sorted([stem + ".csv", "雪凡妮-双十二聚划算.csv", ".dacu-manifest.json", ".dacu.lock"]),
                f"--out-dir with a 255-byte name: exit {r.returncode} {os.listdir(out) if os.path.isdir(out) else None} "
                f"{r.stderr.decode()}")


def memory_checks(t):
    # A plan of 20,000 tasks in one campaign file (7 MB of YAML) needs far more than 64 MiB more than
    # dacu needs to start.
    limit = 96 << 20
    limited = lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    start = subprocess.run([t.dacu, "templates"], capture_output=True, preexec_fn=limited)
    if start.returncode != 0:
        t.notes.append(f"SKIPPED out of memory: dacu cannot start within {limit >> 20} MiB of address space "
                       f"(a sanitizer build?): {start.stderr.decode(errors='replace')[:200]}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        campaign = os.path.join(tmp, "big.yaml")
        with open(campaign, "w") as f:
            f.write("dacu: 1\nkind: campaign\nname: big\nextends: 聚划算\nmilestones:\n"
                    "  报名: 2026-11-20T10:00\n  开团: 2026-12-20T10:00\ntasks:\n  add:\n")
            for i in range(20000):
                f.write(f"    - {{name: 任务{i:05}的一个很长很长很长很长很长的名字用来占用内存, department: 运营, owner: 运营主管, "
                        f"phase: 活动前, start: 开团前3天, note: 说明说明说明说明说明说明说明说明说明说明说明说明说明说明}}\n")
        size = os.path.getsize(campaign)
        assert size < 8 << 20, size
        r = t.run(["plan", campaign, "--format", "json", "-o", os.path.join(tmp, "plan.json")], preexec_fn=limited)
        t.expect_error("out of memory", r, "D078", "out of memory")
        t.check(b"this is a bug" not in r.stderr and b"internal error" not in r.stderr, f"says it is a bug: {r.stderr.decode()}")
        t.check(not os.path.exists(os.path.join(tmp, "plan.json")), "a plan was written")
        # The same in a batch: the input that did not fit is named, the others are still written.
        out = os.path.join(tmp, "out")
        r = t.run(["plan", "--format", "json", "--out-dir", out, campaign, os.path.join(t.root, EXAMPLE)], preexec_fn=limited)
        t.expect_error("out of memory in a batch", r, "D078", f"{campaign}: out of memory")
        t.check(os.path.isdir(out) and sorted(os.listdir(out)) == [".dacu-manifest.json", ".dacu.lock", "雪凡妮-双十二聚划算.json"],
                f"batch wrote {os.listdir(out)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("part", choices=["stdout", "modes", "interrupt", "formats", "long-name", "memory"])
    o = parser.parse_args()
    t = Runner(o.dacu, o.root)
    {"stdout": stdout_checks, "modes": modes_checks, "interrupt": interrupt_checks, "formats": formats_checks,
     "long-name": long_name_checks, "memory": memory_checks}[o.part](t)
    for note in t.notes:
        print(note)
    if t.problems:
        print("FAIL:\n" + "\n\n".join(t.problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
