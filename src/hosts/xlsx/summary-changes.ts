/**
 * 汇总-变更 of the bureau's summary workbook: for each project submitted more than once, its
 * last two submissions compared: rows added, removed and changed per table, every retroactive
 * change (SUB-RETRO) with old and new values, KPIs and budget then and now, and the findings
 * new, resolved and persisting. Seven columns on A4 portrait, one page wide.
 */
import type ExcelJS from "exceljs";
import { SEVERITY_LABELS, type Finding } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { Comparison, SubmissionsCompared } from "../../engine/diff/types";
import { changesText } from "../../engine/diff/values";
import { baseName } from "../../engine/diff/compare";
import { whereText } from "../../engine/read/describe-needs";
import { STATUS_TEXT, type Status } from "../../engine/summary/model";
import { formatSerial } from "../../engine/util/dates";
import { fitRowHeights, printSetup } from "./template/print";
import { font, solid, thinBorder } from "./template/styles";
import { FILL, FORMATS, headerRow, ruleAbout, SEVERITY_FILL, title, w } from "./summary-project";
import { CHANGES_SHEET } from "./summary-names";

const WIDTHS = { zh: [26, 11, 11, 11, 11, 11, 28], en: [26, 11, 11, 11, 11, 12, 27] };
const LAST = 7;

/** A row of bordered, top-aligned, wrapped cells; `merge` joins its last cells into one. */
function tableRow(ws: ExcelJS.Worksheet, values: ExcelJS.CellValue[], mergeFrom?: number) {
  const full = [...values];
  while (full.length < LAST) full.push(null);
  const row = ws.addRow(full);
  if (mergeFrom) ws.mergeCells(row.number, mergeFrom, row.number, LAST);
  for (let c = 1; c <= LAST; c += 1) {
    const cell = row.getCell(c);
    cell.border = thinBorder;
    cell.font = font();
    const numeric = typeof full[c - 1] === "number";
    cell.alignment = {
      vertical: "top",
      wrapText: !numeric,
      horizontal: numeric ? "right" : "left",
    };
    if (numeric) cell.numFmt = FORMATS.money;
  }
  return row;
}

function heading(ws: ExcelJS.Worksheet, text: string, size = 12) {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, LAST);
  row.getCell(1).font = font({ bold: true, size });
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  return row;
}

/** A label in A and its text across B:G. */
function fact(ws: ExcelJS.Worksheet, label: string, text: string, fill?: string) {
  const row = tableRow(ws, [label, text], 2);
  row.getCell(1).font = font({ bold: true });
  if (fill) row.getCell(2).fill = solid(fill);
}

function headerCells(ws: ExcelJS.Worksheet, values: string[], mergeFrom?: number) {
  const full = [...values];
  while (full.length < LAST) full.push("");
  const row = headerRow(ws, full);
  if (mergeFrom) ws.mergeCells(row.number, mergeFrom, row.number, LAST);
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

function where(f: Finding, lang: Lang): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  return whereText(f.target, lang) || (f.sheet ?? "");
}

function submissionText(c: Comparison["earlier"], lang: Lang): string {
  const stage = c.stage === "final" ? w(lang, "末期", "final") : w(lang, "中期", "interim");
  return `${baseName(c.file)} · ${stage} · ${w(lang, "截至", "as of")} ${formatSerial(c.asOf)}`;
}

function overview(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  fact(ws, w(lang, "较早报送", "Earlier"), submissionText(c.earlier, lang));
  fact(ws, w(lang, "较晚报送", "Later"), submissionText(c.later, lang));
  for (const n of c.notes) fact(ws, w(lang, "提示", "Note"), n.message[lang], SEVERITY_FILL.info);
  if (c.info.length)
    fact(ws, w(lang, "项目信息变化", "Project facts changed"), changesText(c.info)[lang]);
  const sum = (k: "added" | "removed" | "changed") => c.tables.reduce((s, t) => s + t[k], 0);
  const k = c.checks.counts;
  fact(
    ws,
    w(lang, "结论", "In short"),
    w(
      lang,
      `追溯修改 ${c.findings.length} 处；新增 ${sum("added")} 行、删除 ${sum("removed")} 行、修改 ${sum("changed")} 行；问题新出现 ${k.new}、已解决 ${k.resolved}、仍存在 ${k.persisting}。`,
      `${c.findings.length} retroactive change(s); ${sum("added")} row(s) added, ${sum("removed")} removed, ${sum("changed")} changed; findings ${k.new} new, ${k.resolved} resolved, ${k.persisting} persisting.`
    ),
    c.findings.length ? FILL.attention : FILL.ok
  );
}

function tables(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  heading(ws, w(lang, "各表变化", "Changes per table"), 11);
  headerCells(
    ws,
    [
      w(lang, "工作表", "Sheet"),
      w(lang, "新增行", "Added"),
      w(lang, "删除行", "Removed"),
      w(lang, "修改行", "Changed"),
      w(lang, "追溯修改", "Retroactive"),
      w(lang, "说明", "Note"),
    ],
    6
  );
  const shown = c.tables.filter((t) => t.added + t.removed + t.changed > 0 || t.missingIn);
  if (!shown.length)
    tableRow(ws, [w(lang, "两次报送的各表数据相同。", "Every table is the same in both.")], 1);
  for (const t of shown) {
    const note = t.missingIn
      ? w(
          lang,
          `${t.missingIn === "earlier" ? "较早" : "较晚"}报送中找不到此表，未比较。`,
          `Not found in the ${t.missingIn} submission; not compared.`
        )
      : "";
    const row = tableRow(ws, [t.title.zh, t.added, t.removed, t.changed, t.retro, note], 6);
    [2, 3, 4, 5].forEach((i) => (row.getCell(i).numFmt = FORMATS.count));
    if (t.retro) row.getCell(5).fill = solid(FILL.attention);
  }
}

function retro(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  heading(ws, w(lang, "追溯修改（已报送期间的数据被改动）", "Retroactive changes"), 11);
  headerCells(ws, [w(lang, "位置", "Where"), w(lang, "说明", "What changed")], 2);
  if (!c.findings.length) tableRow(ws, ["", w(lang, "未发现追溯修改。", "None.")], 2);
  for (const f of c.findings) {
    const row = tableRow(ws, [where(f, lang), f.message[lang]], 2);
    row.getCell(1).fill = solid(SEVERITY_FILL[f.severity]);
  }
}

function kpis(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  if (!c.kpis.length) return;
  heading(ws, w(lang, "绩效指标", "Performance targets"), 11);
  headerCells(ws, [
    w(lang, "指标", "Target"),
    w(lang, "全期目标", "Target"),
    w(lang, "较早", "Then"),
    w(lang, "较晚", "Now"),
    w(lang, "增减", "Change"),
    w(lang, "较晚应达到", "Due now"),
    w(lang, "较晚进度", "Pace now"),
  ]);
  for (const k of c.kpis) {
    const unit = k.unit[lang] ? w(lang, `（${k.unit.zh}）`, ` (${k.unit.en})`) : "";
    // At the final stage the target itself is due: short of it is a failure, not a delay.
    const final = c.later.stage === "final";
    const status: Status | null =
      k.later === null || k.dueLater === null
        ? null
        : k.later >= k.dueLater
          ? "ok"
          : final
            ? "fail"
            : "attention";
    const words: Record<Status, string> = {
      ok: final ? w(lang, "已达到目标", "target met") : w(lang, "达到应有进度", "on pace"),
      attention: w(lang, "落后于应有进度", "behind"),
      fail: w(lang, "未达到目标", "target missed"),
    };
    const pace = status ? `${STATUS_TEXT[status].symbol} ${words[status]}` : "";
    const row = tableRow(ws, [
      `${k.label[lang]}${unit}`,
      k.target,
      k.earlier,
      k.later,
      delta(k.earlier, k.later),
      k.dueLater,
      pace,
    ]);
    if (status) row.getCell(7).fill = solid(FILL[status]);
  }
}

function budget(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  if (!c.budget) return;
  heading(ws, w(lang, "预算（元）", "Budget (yuan)"), 11);
  headerCells(ws, [
    w(lang, "类别", "Category"),
    w(lang, "预算·较早", "Plan then"),
    w(lang, "预算·较晚", "Plan now"),
    w(lang, "支出·较早", "Spent then"),
    w(lang, "支出·较晚", "Spent now"),
    w(lang, "支出增减", "Change"),
    w(lang, "限额", "Limit"),
  ]);
  for (const b of c.budget) {
    const row = tableRow(ws, [
      b.label[lang],
      b.planned.earlier,
      b.planned.later,
      b.actual.earlier,
      b.actual.later,
      delta(b.actual.earlier, b.actual.later),
      `${b.kind === "max" ? "≤" : "≥"} ${b.limit.toLocaleString("en-US")}`,
    ]);
    row.getCell(7).alignment = { vertical: "top", horizontal: "right" };
    if (b.planned.earlier !== b.planned.later) row.getCell(3).fill = solid(FILL.attention);
  }
}

function findings(ws: ExcelJS.Worksheet, c: Comparison, lang: Lang) {
  const k = c.checks;
  heading(
    ws,
    w(
      lang,
      `问题对比：新出现 ${k.counts.new} · 已解决 ${k.counts.resolved} · 仍存在 ${k.counts.persisting}`,
      `Findings: ${k.counts.new} new · ${k.counts.resolved} resolved · ${k.counts.persisting} persisting`
    ),
    11
  );
  headerCells(
    ws,
    [
      w(lang, "规则", "Rule"),
      w(lang, "严重程度", "Severity"),
      w(lang, "变化", "Change"),
      w(lang, "位置", "Where"),
      w(lang, "说明", "Finding"),
    ],
    5
  );
  const lists = [
    [w(lang, "新出现", "New"), k.new, k.counts.new],
    [w(lang, "已解决", "Resolved"), k.resolved, k.counts.resolved],
  ] as const;
  for (const [label, list, total] of lists) {
    for (const f of list) {
      const row = tableRow(
        ws,
        [
          [f.rule, ruleAbout(f, lang)].filter(Boolean).join("\n"),
          SEVERITY_LABELS[f.severity][lang],
          label,
          where(f, lang),
          f.message[lang],
        ],
        5
      );
      row.getCell(2).fill = solid(SEVERITY_FILL[f.severity]);
    }
    if (total > list.length)
      tableRow(
        ws,
        [
          "",
          "",
          label,
          "",
          w(
            lang,
            `另有 ${total - list.length} 条未列出。`,
            `${total - list.length} more not listed.`
          ),
        ],
        5
      );
  }
  if (k.counts.persisting) {
    const byRule = new Map<string, number>();
    // By the rule's name: officers read names, and IDs break badly at their hyphens.
    for (const f of k.persisting) {
      const name = f.title?.[lang] ?? f.rule;
      byRule.set(name, (byRule.get(name) ?? 0) + 1);
    }
    const rules = [...byRule].map(([r, n]) => `${r} × ${n}`).join(w(lang, "、", ", "));
    const more = k.counts.persisting > k.persisting.length ? w(lang, " 等", " and more") : "";
    tableRow(ws, ["", "", w(lang, "仍存在", "Persisting"), "", `${rules}${more}`], 5);
  }
}

function project(ws: ExcelJS.Worksheet, p: SubmissionsCompared, lang: Lang) {
  const code = w(lang, `（${p.code}）`, ` (${p.code})`);
  // Projects follow one another on the page: each opens on a filled band.
  const band = heading(ws, p.name ? `${p.name}${code}` : p.code, 13);
  band.getCell(1).fill = solid(FILL.header);
  band.getCell(1).border = thinBorder;
  if (!p.comparison) {
    fact(ws, w(lang, "较早报送", "Earlier"), baseName(p.earlier));
    fact(ws, w(lang, "较晚报送", "Later"), baseName(p.later));
    fact(ws, w(lang, "未能比较", "Not compared"), p.error?.[lang] ?? "", FILL.fail);
    return;
  }
  const c = p.comparison;
  overview(ws, c, lang);
  for (const part of [tables, retro, kpis, budget, findings]) {
    ws.addRow([]);
    part(ws, c, lang);
  }
}

export function addChanges(wb: ExcelJS.Workbook, changes: SubmissionsCompared[], lang: Lang) {
  const ws = wb.addWorksheet(CHANGES_SHEET, { properties: { tabColor: { argb: "FFED7D31" } } });
  ws.columns = WIDTHS[lang].map((width) => ({ width }));
  title(
    ws,
    w(
      lang,
      "报送变更：各项目最近两次报送的比较",
      "Changes between each project's last two submissions"
    ),
    w(
      lang,
      "追溯修改：较晚报送改动了较早报送截止日期及以前的数据（新增、删除或修改），或改动了人员、督导在该期间内的日期。身份证号已脱敏。",
      "Retroactive: the later submission added, removed or changed data dated up to the earlier reporting date, or changed a staff or supervisor date in that period. ID numbers are masked."
    ),
    LAST
  );
  for (const p of changes) {
    ws.addRow([]);
    project(ws, p, lang);
  }
  fitRowHeights(ws);
  // One page wide like every summary sheet; Excel and LibreOffice ignore page breaks when
  // fitting to the width, so projects follow one another, each under its own heading.
  printSetup(ws, { orientation: "portrait", lang });
}
