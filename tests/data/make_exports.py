#!/usr/bin/env python3
"""Writes the actuals as 生意参谋 exports them, from examples/雪凡妮-实时数据.csv (the UTF-8 CSV):

- examples/雪凡妮-实时数据.xlsx: a workbook as the export saves it — a title row and a blank row
  above the table, 生意参谋's header names (支付子订单数, 支付金额(元)), 时间 as Excel date-time
  serial numbers in a date format, figures as numbers, header text as shared strings;
- examples/雪凡妮-实时数据-gbk.csv: a CSV as Excel on a Chinese Windows saves it — GBK, CRLF,
  生意参谋's header names (成交金额, 支付子订单数), and 时间 as a time of day alone (10:15);
- tests/data/actuals-zip-bomb.xlsx: a workbook whose sheet inflates past dacu's 64 MiB limit;
- tests/data/actuals-not-a-zip.xlsx: text named .xlsx;
- tests/data/actuals-*.xlsx, actuals-old.xls, actuals-not-gbk.csv, actuals-unknown-header-gbk.csv:
  the other malformed exports the golden cases (tests/cli/cases/report-export-*) are run on.

A test fixture generator, so the zip and the XML are written by hand with the standard library
(zipfile); dacu itself reads workbooks with minizip and expat. The output is deterministic (zip
entries dated 1980-01-01). tests/cli/actuals_exports.py checks that the committed files are what
this script writes and that a report from each equals the report from the UTF-8 CSV.

    python3 tests/data/make_exports.py --root .            # rewrite the files
    python3 tests/data/make_exports.py --root . --out DIR  # write them into DIR instead
"""
import argparse
import csv
import datetime
import io
import os
import zipfile
from xml.sax.saxutils import escape

SOURCE = "examples/雪凡妮-实时数据.csv"
XLSX = "examples/雪凡妮-实时数据.xlsx"
GBK = "examples/雪凡妮-实时数据-gbk.csv"
BOMB = "tests/data/actuals-zip-bomb.xlsx"
NOT_ZIP = "tests/data/actuals-not-a-zip.xlsx"

# dacu's metric name -> the header 生意参谋 writes for it in each export.
XLSX_HEADERS = {"访客数": "访客数", "支付买家数": "支付买家数", "支付笔数": "支付子订单数", "支付金额": "支付金额(元)"}
GBK_HEADERS = {"访客数": "访客数", "支付买家数": "支付人数", "支付笔数": "支付子订单数", "支付金额": "成交金额"}


def wide_rows(root):
    """The long CSV as (time, {metric: value}) in time order, and the metrics in first-seen order."""
    with open(os.path.join(root, SOURCE), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["time", "metric", "value"], rows[0]
    by_time, metrics = {}, []
    for time, metric, value in rows[1:]:
        by_time.setdefault(time, {})[metric] = value
        if metric not in metrics:
            metrics.append(metric)
    return sorted(by_time.items()), metrics


def serial(text):
    """Excel's 1900-system serial number of a local date-time `2026-12-20 10:05`."""
    t = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    delta = t - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def number(value):
    return repr(float(value)) if "." in value else value


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_zip(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


def workbook(sheet_rows, strings, sheet_name="实时数据"):
    """An .xlsx: parts as Excel writes them. `sheet_rows` is a list of (row number, cells XML)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_data = "".join(f'<row r="{r}">{cells}</row>' for r, cells in sheet_rows)
    return [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns} xmlns:r="{rel}">'
         f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
         f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
         f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        ("xl/styles.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {ns}>'
         '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
         '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
         '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
         '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
         '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
         '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
         '</styleSheet>'),
        ("xl/sharedStrings.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">'
         + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"),
        ("xl/worksheets/sheet1.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {ns}><sheetData>{sheet_data}</sheetData></worksheet>'),
    ]


def make_xlsx(root):
    rows, metrics = wide_rows(root)
    strings = ["生意参谋 · 实时直播 · 雪凡妮旗舰店 · 2026-12-20", "时间"] + [XLSX_HEADERS[m] for m in metrics]
    sheet = [(1, '<c r="A1" t="s"><v>0</v></c>')]
    sheet.append((3, "".join(f'<c r="{column(i)}3" t="s"><v>{i + 1}</v></c>' for i in range(len(metrics) + 1))))
    for n, (time, values) in enumerate(rows, start=4):
        cells = f'<c r="A{n}" s="1"><v>{serial(time)!r}</v></c>'
        for i, m in enumerate(metrics, start=1):
            if m in values:
                cells += f'<c r="{column(i)}{n}"><v>{number(values[m])}</v></c>'
        sheet.append((n, cells))
    return write_zip(workbook(sheet, strings))


def make_gbk(root):
    rows, metrics = wide_rows(root)
    lines = [",".join(["时间"] + [GBK_HEADERS[m] for m in metrics])]
    for time, values in rows:
        lines.append(",".join([time.split(" ")[1]] + [values.get(m, "") for m in metrics]))
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def make_bomb():
    # 65 MiB of one repeated empty row: deflate packs it about a thousand to one.
    row = b"<row/>"
    body = row * ((65 << 20) // len(row))
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts = [(name, text) for name, text in workbook([], []) if name != "xl/worksheets/sheet1.xml"]
    parts.append(("xl/worksheets/sheet1.xml", b"<worksheet " + ns + b"><sheetData>" + body + b"</sheetData></worksheet>"))
    return write_zip(parts)


def small_book(rows, strings, sheet_xml=None):
    """A one-sheet workbook of `rows`: lists of (kind, value) cells, kind "s" (a shared string
    index) or "n" (a number as written)."""
    sheet = []
    for n, cells in enumerate(rows, start=1):
        xml = ""
        for i, (kind, value) in enumerate(cells):
            t = ' t="s"' if kind == "s" else ""
            xml += f'<c r="{column(i)}{n}"{t}><v>{value}</v></c>'
        sheet.append((n, xml))
    parts = workbook(sheet, strings)
    if sheet_xml is not None:
        parts = [(name, sheet_xml if name == "xl/worksheets/sheet1.xml" else text) for name, text in parts]
    return write_zip(parts)


def outputs(root):
    header = [("s", 0), ("s", 1)]
    return {
        "tests/data/actuals-bad-serial.xlsx": small_book([header, [("n", "46376.42"), ("n", "285")], [("n", "-1"), ("n", "300")]],
                                                         ["时间", "支付笔数"]),
        "tests/data/actuals-bad-string.xlsx": small_book([header, [("n", "46376.42"), ("s", "9")]], ["时间", "支付笔数"]),
        "tests/data/actuals-unnamed-column.xlsx": small_book([header, [("n", "46376.42"), ("n", "285"), ("n", "12")]],
                                                             ["时间", "支付笔数"]),
        "tests/data/actuals-bad-xml.xlsx": small_book([], [], sheet_xml='<worksheet><sheetData><row r="1"><c r="A1"></row>'),
        "tests/data/actuals-old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "tests/data/actuals-not-gbk.csv": "时间,支付笔数\r\n10:05,285\r\n10:15,".encode("gbk") + b"\xff\xff\r\n",
        "tests/data/actuals-unknown-header-gbk.csv": "时间,访客数,支付买家,成交金额\r\n10:05,3150,285,36765.00\r\n".encode("gbk"),

        XLSX: make_xlsx(root),
        GBK: make_gbk(root),
        BOMB: make_bomb(),
        NOT_ZIP: "时间,支付笔数\n10:05,285\n".encode("utf-8"),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--out", help="write into this folder instead of the repository")
    o = parser.parse_args()
    for path, data in outputs(o.root).items():
        target = os.path.join(o.out or o.root, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
