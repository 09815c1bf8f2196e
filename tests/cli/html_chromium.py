#!/usr/bin/env python3
"""Renders dacu's HTML in a headless Chromium and checks what a browser makes of it.

`dacu report --format html` (the 雪凡妮 example at 12:30 with the 午间 actuals: progress, forecast,
stale figures and a latest figure past the last checkpoint) and `dacu plan --format html` are
opened with `chromium --headless --dump-dom`; the DOM Chromium built must hold every section —
里程碑倒计时, 平台时限 (with its 距截止 countdown), 跟进检查点, 目标进度与预测, 最新数据 — and the
charts' SVG (the actual line and the 最新 label), and the browser's console must stay silent
(`--enable-logging=stderr` prints each console message as a `CONSOLE` line; a page with no script
has none, and an inline script that failed would show here).

Before trusting that silence, the same command opens a probe page whose script logs and throws:
if its two messages are not seen, the check itself is broken and the test fails.

Where no Chromium is installed the test is skipped (exit 77) with a message; scripts/install-deps.sh
installs Debian's `chromium`, so CI runs it.
"""
import argparse
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class Page(html.parser.HTMLParser):
    """Headings' texts, and the classes of the SVG elements, of a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.headings, self.svg_classes, self.svgs = [], [], 0
        self._heading, self._svg_depth = None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3"):
            self._heading = ""
        if tag == "svg":
            self.svgs += 1
            self._svg_depth += 1
        elif self._svg_depth and attrs.get("class"):
            self.svg_classes.append((tag, attrs["class"]))

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(self._heading.strip())
            self._heading = None
        if tag == "svg":
            self._svg_depth -= 1

    def handle_data(self, data):
        if self._heading is not None:
            self._heading += data


def render(browser, path, profile):
    """The DOM Chromium built from the file, and the console messages it logged."""
    r = subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", f"--user-data-dir={profile}",
                        "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + os.path.abspath(path)],
                       capture_output=True, text=True, timeout=180)
    if r.returncode != 0:
        raise SystemExit(f"FAIL: {browser} exited {r.returncode} on {path}\n{r.stderr[-3000:]}")
    console = [line for line in r.stderr.splitlines() if ":CONSOLE" in line]
    return r.stdout, console


def dacu(o, *args):
    r = subprocess.run([os.path.abspath(o.dacu), *args], cwd=o.root, env=ENV, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"FAIL: dacu {' '.join(args)} exited {r.returncode}\n{r.stderr}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dacu", required=True)
    parser.add_argument("--root", required=True)
    o = parser.parse_args()
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if not browser:
        print("SKIP: no Chromium (chromium, chromium-browser or google-chrome) on PATH; "
              "scripts/install-deps.sh installs Debian's chromium, which this test needs to render the HTML")
        return SKIP
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        probe = os.path.join(tmp, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body>'
                    '<script>console.error("dacu-probe-logged"); throw new Error("dacu-probe-thrown");</script></body></html>\n')
        _, console = render(browser, probe, profile)
        if not any("dacu-probe-logged" in c for c in console) or not any("dacu-probe-thrown" in c for c in console):
            print(f"FAIL: the probe page's console messages were not seen, so silence proves nothing: {console}")
            return 1

        report = os.path.join(tmp, "report.html")
        dacu(o, "report", "examples/雪凡妮-双十二聚划算.yaml", "--actuals", "examples/雪凡妮-实时数据-午间.csv",
             "--as-of", "2026-12-20T12:30", "--status", "examples/雪凡妮-任务状态.csv", "-o", report)
        plan = os.path.join(tmp, "plan.html")
        dacu(o, "plan", "examples/雪凡妮-双十二聚划算.yaml", "--status", "examples/雪凡妮-任务状态.csv", "-o", plan)
        expected = {
            report: ["概要", "目标进度与预测", "里程碑倒计时", "平台时限", "任务状态", "逾期未完成", "今日到期", "未来3天",
                     "跟进检查点", "最新数据", "日程", "里程碑"],
            plan: ["里程碑", "平台时限", "甘特图（按部门）"],
        }
        for path, sections in expected.items():
            started = time.monotonic()
            dom, console = render(browser, path, profile)
            took = time.monotonic() - started
            page = Page()
            page.feed(dom)
            name = os.path.basename(path)
            print(f"{name}: rendered in {took:.1f} s; {page.svgs} SVG; headings {page.headings}")
            for section in sections:
                if not any(h == section or h.startswith(section + " ") for h in page.headings):
                    problems.append(f"{name}: no section {section}")
            if console:
                problems.append(f"{name}: console messages:\n  " + "\n  ".join(console))
            if path == report:
                classes = {c for _, c in page.svg_classes}
                for want in ("actual", "plan", "band", "latest"):
                    if want not in classes:
                        problems.append(f"{name}: the chart has no SVG element of class {want}")
                if "距截止" not in dom:
                    problems.append(f"{name}: 平台时限 has no 距截止 countdown")
            # --status: the schedule's task tables gain a 状态 column with the states of the file.
            if "<th>状态</th>" not in dom or "已完成（" not in dom:
                problems.append(f"{name}: no 状态 column with the status file's states")
    if problems:
        print("FAIL:\n" + "\n".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
