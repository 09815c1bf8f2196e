// Reads a dacu workbook back with exceljs (an independent XLSX reader) and checks it against the
// same command's JSON output: the sheets are the JSON's lists (in order), every header row is
// frozen, columns are at least as wide as their text, and every data cell holds the JSON's value
// with its type — dates as Date objects (the campaign's wall-clock time), numbers as numbers,
// booleans as booleans, text as text.
//   node xlsx_check.mjs plan|staff|roi|report WORKBOOK.xlsx OUTPUT.json
//
// Exact values (money, integers, decimals that end) must be equal. Fractions that do not end
// (1800/109) and Erlang C's floating-point results may differ in the 16th significant digit:
// libxlsxwriter 1.1.4 writes numbers with %.16G and Excel keeps 15 digits. A few columns hold text
// that the JSON carries in another form (a formula with its figures filled in, a localized
// countdown); those are checked to be text that contains what the JSON says.
import fs from "node:fs";
import ExcelJS from "exceljs";

const [command, xlsxPath, jsonPath] = process.argv.slice(2);
const json = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const problems = [];

// ---------------------------------------------------------------------------------------------
// Expected values

const approx = (x) => ({ approx: x });
const derived = (...parts) => ({ contains: parts.filter((p) => p) });
const value = (x) => (x === undefined || x === null || x === "" ? null : x);
const day = (iso) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
// A JSON moment as the sheet holds it: its wall-clock part ("2026-12-20T10:00:00+08:00" → 10:00).
const when = (iso) => {
  if (!iso) return null;
  if (iso.length === 10) return day(iso);
  return new Date(`${iso.slice(0, 19)}Z`);
};
const clockOn = (date, hhmm) => {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(day(date).getTime() + (h * 60 + m) * 60000);
};
// "12.35" exactly; "1800/109" to 15 digits; null stays null.
const decimal = (text) => {
  if (text === null || text === undefined) return null;
  const s = String(text);
  if (s.includes("/")) {
    const [n, d] = s.split("/").map(Number);
    return approx(n / d);
  }
  return Number(s);
};
// "20%" → 0.2 by moving the decimal point in the text, so the number is the double nearest 0.2.
const shiftLeft2 = (digits) => {
  const negative = digits.startsWith("-");
  let [whole, frac = ""] = digits.replace(/^[-+]/, "").split(".");
  whole = whole.padStart(3, "0");
  return Number(`${negative ? "-" : ""}${whole.slice(0, -2)}.${whole.slice(-2)}${frac}`);
};
// A figure as a template writes it: a number, a percentage, or text.
const figure = (text) => {
  if (text === null || text === undefined || text === "") return null;
  if (/^[-+]?\d+(\.\d+)?%$/.test(text)) return shiftLeft2(text.slice(0, -1));
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
};
const money = (text) => (text === null || text === undefined ? null : Number(text));

// ---------------------------------------------------------------------------------------------
// Sheets each command's JSON implies

// The binding as the 按小时 sheet names it (JSON carries the code).
const BINDING_ZH = { service_level: "服务水平", max_occupancy: "最高占用率", agents: "给定坐席数", max_agents: "坐席上限", none: null };

function planSheets(p, prefix) {
  return [
    { name: `${prefix}里程碑`, rows: p.milestones.map((m) => [m.name, when(m.at), value(m.derived_from)]) },
    {
      name: `${prefix}平台时限`,
      rows: p.deadlines.map((d) => [d.name, d.rule, d.all_day, when(d.start), when(d.end), value(d.note)]),
    },
    {
      name: `${prefix}任务`,
      rows: p.tasks.map((t) => [t.name, t.phase, value(t.department), value(t.owner), value(t.offset), value(t.end_offset),
        value(t.duration), t.all_day, when(t.start), when(t.end), t.rolled, value(t.note)]),
    },
    {
      name: `${prefix}跟进检查点`,
      rows: p.checkpoints.map((c) => [c.name, value(c.offset), when(c.at), value(c.metric), figure(c.plan), figure(c.tolerance),
        value(c.owner), value(c.action)]),
    },
  ];
}

function plan(p) {
  return [
    { name: "信息", rows: [["活动", p.campaign], ["模板", p.template], ["时区", p.timezone], ["日历", p.calendar]] },
    ...planSheets(p, ""),
  ];
}

const rolesOf = (rows) => [...new Set(rows.flatMap((r) => Object.keys(r.heads)))];

function staff(s) {
  const model = { post: "岗位", calling: "外呼", rota: "排班", queue: "排队" };
  const rotaRoles = rolesOf(s.rota_days), shiftRoles = rolesOf(s.shifts);
  return [
    {
      name: "按岗位",
      rows: s.lines.map((l) => [model[l.model], l.group, l.name, value(l.department), derived(...l.inputs.map((i) => i.label)),
        value(l.rule), decimal(l.exact), l.heads, decimal(l.calls_per_person_per_day), day(l.days[0]), day(l.days[l.days.length - 1])]),
    },
    {
      name: "按日",
      rows: s.days.map((d) => [day(d.day), d.source, d.name, value(d.department), d.heads, d.shifts, d.people, decimal(d.person_hours)]),
    },
    {
      name: "排班日",
      roles: rotaRoles,
      rows: s.rota_days.map((d) => [d.rota, value(d.period), day(d.day), decimal(d.hours), clockOn(d.day, d.opens), decimal(d.shift_hours),
        decimal(d.shifts_exact), d.shifts, d.heads_on_duty, d.people, decimal(d.person_hours), ...rotaRoles.map((r) => value(d.heads[r]))]),
    },
    {
      name: "按班次",
      roles: shiftRoles,
      rows: s.shifts.map((x) => [x.rota, day(x.day), x.number, clockOn(x.day, x.from), clockOn(x.day, x.to),
        ...shiftRoles.map((r) => value(x.heads[r]))]),
    },
    {
      name: "按小时",
      rows: s.queues.flatMap((q) => q.intervals.map((i) => [q.name, day(q.day), value(i.hour), decimal(i.contacts), i.agents,
        i.agents_after_shrinkage, approx(i.traffic_erlangs), approx(i.service_level), approx(i.asa_seconds), approx(i.occupancy),
        approx(i.probability_wait), BINDING_ZH[i.binding]])),
    },
    // A staffing table kept as its source gives it: a row per post, per declared subtotal, per total.
    ...(s.tables.length ? [{
      name: "人员表（照原样）",
      rows: s.tables.flatMap((t) => [
        ...t.groups.flatMap((g) => [
          ...g.posts.map((p) => [t.name, g.name, p.name, p.heads, value(p.written), null, null]),
          ...(g.declared === null ? [] : [[t.name, g.name, `${g.subtotal ?? g.name}（写明）`, g.declared, null, value(g.sum), value(g.difference)]]),
        ]),
        [t.name, "合计", null, t.total_declared, null, t.total_of_posts, value(t.total_declared === t.total_of_posts ? null : t.total_declared - t.total_of_posts)],
      ]),
    }] : []),
    { name: "说明", rows: s.notes.map((n) => [n]) },
  ];
}

// The formula column of a budget line: formula（inputs）, after 折让 for a discount.
function how(line) {
  const t = line.trace;
  let text = !t || !t.formula ? "" : t.inputs ? `${t.formula}（${t.inputs}）` : t.formula;
  if (line.discount) text = text ? `折让; ${text}` : "折让";
  return value(text);
}

function compareRow(r, figures, first, withNet) {
  const row = [...first, money(figures.revenue?.amount), money(figures.budget?.total ?? "0"),
    figures.ratios?.roas ? decimal(figures.ratios.roas.value) : null,
    figures.ratios?.cost_ratio ? decimal(figures.ratios.cost_ratio.value) : null];
  if (withNet) row.push(money(figures.profit?.net_profit));
  return row;
}

function roi(r) {
  const sheets = [];
  const params = Object.entries(r.parameters);
  if (params.length) sheets.push({ name: "参数", rows: params.map(([k, v]) => [k, figure(v)]) });
  const f = r.figures;
  if (f?.budget) {
    const b = f.budget, rows = [];
    for (const c of b.categories) {
      for (const line of b.lines.filter((l) => l.category === c.category)) rows.push([line.name, line.category, money(line.amount), how(line)]);
      rows.push([`${c.category}小计`, c.category, money(c.total), null]);
    }
    rows.push(["合计", null, money(b.total), null]);
    if (b.declared_total !== null && b.declared_total !== undefined) {
      rows.push(["声明合计", null, money(b.declared_total), b.declared_total === b.total ? null : derived("与各项之和")]);
    }
    sheets.push({ name: "活动费用", rows });
  }
  if (f) {
    const rows = [];
    const ratio = (x) => (x ? decimal(x.value) : null);
    if (f.revenue) rows.push(["成交额", money(f.revenue.amount), value(how({ trace: f.revenue.trace }))]);
    rows.push(["活动费用", money(f.budget?.total ?? "0"), "各项费用之和"]);
    if (f.revenue) {
      rows.push(["投产比", ratio(f.ratios.roas), derived(f.ratios.roas?.formula)]);
      rows.push(["财务ROI", ratio(f.ratios.finance_roi), derived(f.ratios.finance_roi?.formula)]);
      rows.push(["费用占比", ratio(f.ratios.cost_ratio), derived(f.ratios.cost_ratio?.formula)]);
    }
    sheets.push({ name: "比率", rows });
  }
  const withNet = Boolean(f?.profit?.unit_cost);
  if (f?.revenue) {
    const p = f.profit, rows = [];
    if (p.unit_cost) {
      rows.push(["单价", money(f.revenue.unit_price), null], ["进货价", money(p.unit_cost), null],
        ["货品成本", money(p.goods_cost), derived("进货价")], ["毛利", money(p.gross_profit), derived("成交额")],
        ["净利润", money(p.net_profit), derived("毛利")], ["保本件数", decimal(p.break_even_units), derived("ceil(")],
        ["保本投产比", p.break_even_roas ? decimal(p.break_even_roas.value) : null, derived(p.break_even_roas?.formula)]);
    }
    sheets.push({ name: "利润", rows, notes: p.unit_cost ? 0 : 1 });
  }
  if (r.scenarios.length) {
    sheets.push({
      name: "情景",
      rows: r.scenarios.map((s) => compareRow(r, s.figures, [s.name,
        value(Object.entries(s.parameters).map(([k, v]) => `${k} = ${v}`).join(", "))], withNet)),
      notes: r.scenarios.filter((s) => s.description).map((s) => `${s.name}：${s.description}`),
    });
  }
  if (r.sensitivity) {
    sheets.push({
      name: `敏感性分析：${r.sensitivity.parameter}`,
      rows: r.sensitivity.rows.map((x) => compareRow(r, x.figures, [decimal(x.change), decimal(x.value)], withNet)),
    });
  }
  for (const t of r.shares) {
    const units = t.total_units !== null && t.total_units !== undefined;
    const amounts = t.total_amount !== null && t.total_amount !== undefined;
    const rows = t.rows.map((x) => [x.name, ...(units ? [x.units, decimal(x.unit_share)] : []),
      ...(amounts ? [money(x.amount), decimal(x.amount_share)] : [])]);
    rows.push(["合计", ...(units ? [t.total_units, t.shown_unit_share_sum === null ? null : 1] : []),
      ...(amounts ? [money(t.total_amount), t.shown_amount_share_sum === null ? null : 1] : [])]);
    sheets.push({ name: t.name, rows, notes: "any" });
  }
  return sheets;
}

function report(r) {
  const status = { pending: "未到", no_data: "未回报", no_plan: "无计划", on_plan: "正常", above: "偏高 ⚠", below: "偏低 ⚠",
    stale: derived("数据过时") };
  const task = (name) => r.schedule.tasks.find((t) => t.name === name);
  const checkpoint = (name) => r.checkpoints.find((c) => c.name === name);
  const taskRow = (label) => (name) => {
    const t = task(name);
    return [label, name, value(t.department), value(t.owner), when(t.end)];
  };
  return [
    {
      name: "信息",
      rows: [["活动", r.campaign], ["模板", r.template], ["时区", r.timezone], ["截至", when(r.as_of)], ["有检查点偏离计划", r.alert],
        ...r.actuals.map((a) => ["实际数据", a])],
    },
    { name: "里程碑倒计时", rows: r.summary.countdown.map((c) => [c.milestone, when(c.at), c.seconds, derived(c.seconds < 0 ? "已过" : c.seconds > 0 ? "还有" : "现在")]) },
    {
      name: "今日",
      rows: [...r.summary.due_today.map(taskRow("今日到期")), ...r.summary.in_progress.map(taskRow("进行中")),
        ...r.summary.overdue.map((name) => ["逾期未回报的检查点", name, null, value(checkpoint(name).owner), when(checkpoint(name).at)])],
    },
    {
      name: "跟进检查点",
      rows: r.checkpoints.map((c) => [c.name, when(c.at), value(c.metric), figure(c.plan), figure(c.tolerance),
        c.actual_display === null ? null : { round2: Number(c.actual_display) }, when(c.actual_at),
        c.deviation_display === null ? null : { percent1: Number(c.deviation_display.replace("%", "")) }, status[c.status], value(c.owner), value(c.message)]),
    },
    ...(r.progress === null ? [] : [{
      name: "目标进度与预测",
      rows: r.progress.metrics.map((p) => [p.metric, Number(p.target), p.actual === null ? null : Number(p.actual), when(p.actual_at),
        decimal(p.fraction), decimal(p.planned_share), p.projection === null ? null : Number(p.projection), when(p.sell_out_at)]),
      notes: 1,
    }]),
    { name: "最新数据", rows: r.latest.map((x) => [x.metric, { round2: Number(x.value) }, when(x.at)]) },
    { name: "数据问题", rows: r.diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.message]) },
    ...planSheets(r.schedule, "日程·"),
  ];
}

// ---------------------------------------------------------------------------------------------
// Comparing

const show = (v) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

function matches(cell, want) {
  if (want === null) return cell === null || cell === undefined;
  if (want instanceof Date) return cell instanceof Date && cell.getTime() === want.getTime();
  if (typeof want === "number" || typeof want === "boolean" || typeof want === "string") return cell === want;
  if (typeof cell !== "number" && !("contains" in want)) return false;
  if ("approx" in want) return Math.abs(cell - want.approx) <= 1e-15 * Math.max(1, Math.abs(want.approx));
  if ("round2" in want) return Math.abs(cell - want.round2) <= 0.005 + 1e-12;
  if ("percent1" in want) return Math.abs(cell * 100 - want.percent1) <= 0.05 + 1e-9;
  if ("contains" in want) return typeof cell === "string" && want.contains.every((part) => cell.includes(part));
  return false;
}

// Display width as a terminal counts it: CJK ideographs, kana and fullwidth forms take 2 columns.
const wide = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u;
const displayWidth = (text) => Math.max(...text.split("\n").map((line) => [...line].reduce((n, ch) => n + (wide.test(ch) ? 2 : 1), 0)));

function checkSheet(ws, want) {
  const where = (row, col) => `${ws.name}!${String.fromCharCode(64 + col)}${row}`;
  const view = ws.views?.[0] ?? {};
  if (view.state !== "frozen" || view.ySplit !== 1 || (view.xSplit ?? 0) !== 0) problems.push(`${ws.name}: header row not frozen (${JSON.stringify(view)})`);
  const header = ws.getRow(1).values.slice(1);
  if (!header.length || header.some((h) => typeof h !== "string" || !h)) problems.push(`${ws.name}: header row ${show(header)}`);
  const columns = header.length;
  if (want.roles && show(header.slice(columns - want.roles.length)) !== show(want.roles)) {
    problems.push(`${ws.name}: role columns ${show(header.slice(columns - want.roles.length))}, expected ${show(want.roles)}`);
  }
  const widths = Array.from({ length: columns }, (_, i) => ws.getColumn(i + 1).width ?? 0);
  const widest = header.map((h) => displayWidth(h));
  want.rows.forEach((expected, i) => {
    const rowNumber = i + 2;
    const row = ws.getRow(rowNumber);
    if (expected.length !== columns) problems.push(`${ws.name}: expected ${expected.length} columns, header has ${columns}`);
    for (let c = 1; c <= Math.max(columns, row.cellCount); c++) {
      const cell = row.getCell(c).value;
      const w = c <= expected.length ? expected[c - 1] : null;
      if (!matches(cell ?? null, w)) problems.push(`${where(rowNumber, c)}: ${show(cell)} (${typeof cell}), expected ${show(w)}`);
      if (typeof cell === "string" && c <= columns) widest[c - 1] = Math.max(widest[c - 1], displayWidth(cell));
    }
  });
  widths.forEach((w, i) => {
    if (w < Math.min(60, widest[i] + 2)) problems.push(`${ws.name}: column ${i + 1} is ${w} wide for text ${widest[i]} wide`);
  });
  // After the data: nothing, or one blank row and the notes.
  const after = want.rows.length + 2;
  const notes = [];
  for (let n = after + 1; n <= ws.rowCount; n++) notes.push(ws.getRow(n).getCell(1).value);
  if (ws.rowCount >= after && ws.getRow(after).cellCount !== 0 && ws.getRow(after).values.some((v) => v !== null && v !== undefined)) {
    problems.push(`${ws.name}: row ${after} after the data is not blank`);
  }
  if (want.notes === "any") {
    if (notes.some((n) => typeof n !== "string")) problems.push(`${ws.name}: notes ${show(notes)}`);
  } else if (typeof want.notes === "number") {
    if (notes.length !== want.notes || notes.some((n) => typeof n !== "string")) problems.push(`${ws.name}: ${notes.length} notes, expected ${want.notes}`);
  } else if (show(notes) !== show(want.notes ?? [])) {
    problems.push(`${ws.name}: notes ${show(notes)}, expected ${show(want.notes ?? [])}`);
  }
}

const builders = { plan, staff, roi, report };
if (!builders[command]) {
  console.error("usage: node xlsx_check.mjs plan|staff|roi|report WORKBOOK.xlsx OUTPUT.json");
  process.exit(2);
}
const expected = builders[command](json);
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(xlsxPath);
const names = book.worksheets.map((ws) => ws.name);
if (show(names) !== show(expected.map((s) => s.name))) problems.push(`sheets ${show(names)}, expected ${show(expected.map((s) => s.name))}`);
let cells = 0;
for (const want of expected) {
  const ws = book.getWorksheet(want.name);
  if (!ws) continue;
  checkSheet(ws, want);
  cells += want.rows.reduce((n, r) => n + r.length, 0);
}
if (!(book.created instanceof Date) || Number.isNaN(book.created.getTime())) problems.push(`no creation date: ${show(book.created)}`);
if (problems.length) {
  console.log(problems.slice(0, 40).join("\n"));
  if (problems.length > 40) console.log(`… and ${problems.length - 40} more`);
  process.exit(1);
}
console.log(`${xlsxPath}: ${expected.length} sheets, ${cells} cells match the JSON`);
