/** The overview table (one row per project) that both the xlsx and the CSV writers lay out. */
import type { Lang } from "../i18n";
import { formatSerial } from "../util/dates";
import { STATUS_TEXT, projectedSpending, type ProjectSummary, type SummaryModel } from "./model";

export type ColumnKind = "text" | "money" | "date" | "percent" | "count" | "status";

export interface OverviewColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  width: number;
  /** Summed in the totals row. */
  sum?: boolean;
}

const CATEGORY_KEYS = ["人力成本", "服务性支出", "评估及其他"] as const;

function t(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

/** KPI columns in rule order, across every project (a project may lack some). */
/** KPI columns in the order of the plan's performance targets (rules.md), others after. */
const PLAN_ORDER = [
  "BUD-SERVICE",
  "KPI-ORGS",
  "KPI-SERVICES",
  "KPI-BENEFICIARIES",
  "KPI-CONTEST",
  "KPI-TRAINING",
  "KPI-MARRIAGE",
  "KPI-FAMILY",
  "KPI-CHARITY",
  "KPI-CASES",
];

function kpiKeys(model: SummaryModel): { key: string; label: { zh: string; en: string } }[] {
  const seen = new Map<string, { rule: string; label: { zh: string; en: string } }>();
  for (const p of model.projects)
    for (const k of p.kpis)
      if (!seen.has(`${k.rule}|${k.label.en}`)) seen.set(`${k.rule}|${k.label.en}`, k);
  const rank = (rule: string) =>
    PLAN_ORDER.includes(rule) ? PLAN_ORDER.indexOf(rule) : PLAN_ORDER.length;
  return [...seen]
    .map(([key, k], i) => ({ key, label: k.label, order: rank(k.rule) * 100 + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ key, label }) => ({ key, label }));
}

function categoryLabel(model: SummaryModel, cat: string) {
  return (
    model.projects.flatMap((p) => p.budget ?? []).find((b) => b.category === cat)?.label ?? {
      zh: cat,
      en: cat,
    }
  );
}

export function overviewColumns(model: SummaryModel, lang: Lang): OverviewColumn[] {
  const cols: OverviewColumn[] = [
    { key: "no", header: t(lang, "序号", "No."), kind: "count", width: 6 },
    { key: "code", header: t(lang, "项目编号", "Code"), kind: "text", width: 18 },
    { key: "name", header: t(lang, "项目名称", "Project"), kind: "text", width: 24 },
    { key: "contractor", header: t(lang, "承接机构", "Contractor"), kind: "text", width: 20 },
    { key: "township", header: t(lang, "实施地点", "Township"), kind: "text", width: 12 },
    { key: "stage", header: t(lang, "阶段", "Stage"), kind: "text", width: 8 },
    { key: "asOf", header: t(lang, "截止日期", "As of"), kind: "date", width: 12 },
    {
      key: "amount",
      header: t(lang, "合同金额", "Contract amount"),
      kind: "money",
      width: 14,
      sum: true,
    },
  ];
  for (const cat of CATEGORY_KEYS) {
    const label = model.projects.flatMap((p) => p.budget ?? []).find((b) => b.category === cat)
      ?.label ?? { zh: cat, en: cat };
    const name = lang === "zh" ? label.zh : label.en;
    const kind = cat === "服务性支出" ? t(lang, "下限", "floor") : t(lang, "上限", "cap");
    cols.push(
      {
        key: `${cat}:planned`,
        header: `${name} ${t(lang, "预算", "plan")}`,
        kind: "money",
        width: 10,
        sum: true,
      },
      {
        key: `${cat}:actual`,
        header: `${name} ${t(lang, "实际", "actual")}`,
        kind: "money",
        width: 10,
        sum: true,
      },
      { key: `${cat}:limit`, header: `${name} ${kind}`, kind: "money", width: 9 }
    );
  }
  cols.push({
    key: "spent",
    header: t(lang, "支出合计", "Total spent"),
    kind: "money",
    width: 14,
    sum: true,
  });
  // Pace (review-cycle.md section 3): each cap's spending at the contract end at the rate so
  // far, interim projects only.
  for (const cat of ["人力成本", "评估及其他", "total"] as const) {
    const label = cat === "total" ? { zh: "合计", en: "Total" } : categoryLabel(model, cat);
    cols.push({
      key: `projected:${cat}`,
      header: `${lang === "zh" ? label.zh : label.en} ${t(lang, "预计期末", "projected")}`,
      kind: "money",
      width: 10,
    });
  }
  for (const k of kpiKeys(model))
    cols.push({
      key: `kpi:${k.key}`,
      header: `${lang === "zh" ? k.label.zh : k.label.en} ${t(lang, "完成率", "attained")}`,
      kind: "percent",
      width: 8,
    });
  // The monthly rate each target needs from now on (interim): the per-project sheet prints it.
  for (const k of kpiKeys(model))
    cols.push({
      key: `need:${k.key}`,
      header: `${lang === "zh" ? k.label.zh : k.label.en} ${t(lang, "每月需完成", "needed a month")}`,
      kind: "count",
      width: 8,
    });
  cols.push(
    { key: "errors", header: t(lang, "错误", "Errors"), kind: "count", width: 7, sum: true },
    { key: "warnings", header: t(lang, "警告", "Warnings"), kind: "count", width: 7, sum: true },
    // Accepted in 审核意见: not errors or warnings any more, and never hidden.
    { key: "accepted", header: t(lang, "已认可", "Accepted"), kind: "count", width: 7, sum: true },
    {
      key: "cross",
      header: t(lang, "跨项目问题", "Cross-project"),
      kind: "count",
      width: 7,
    },
    { key: "status", header: t(lang, "状态", "Status"), kind: "status", width: 12 }
  );
  return cols;
}

export function statusLabel(p: ProjectSummary, lang: Lang): string {
  if (p.supersededBy) return t(lang, "已由较新报送替代", "Superseded");
  const s = STATUS_TEXT[p.status];
  return `${s.symbol} ${lang === "zh" ? s.zh : s.en}`;
}

export function overviewCell(
  p: ProjectSummary,
  index: number,
  col: OverviewColumn,
  lang: Lang
): string | number | null {
  const [group, sub] = col.key.split(":");
  switch (col.key) {
    case "no":
      return index + 1;
    case "code":
      return p.facts.code;
    case "name":
      return p.facts.name;
    case "contractor":
      return p.facts.contractor;
    case "township":
      return p.facts.township;
    case "stage":
      return p.stage.kind === "final" ? t(lang, "末期", "final") : t(lang, "中期", "interim");
    case "asOf":
      return formatSerial(p.stage.asOf);
    case "amount":
      return p.facts.amount;
    case "spent":
      return p.budget?.find((b) => b.category === "total")?.actual ?? null;
    case "errors":
      return p.counts.error;
    case "warnings":
      return p.counts.warning;
    case "accepted":
      return p.counts.accepted;
    case "cross":
      return p.crossCounts.error + p.crossCounts.warning;
    case "status":
      return statusLabel(p, lang);
  }
  if (group === "kpi") {
    const k = p.kpis.find((x) => `${x.rule}|${x.label.en}` === col.key.slice(4));
    return k ? Math.round(k.attainment * 1000) / 1000 : null;
  }
  if (group === "need") {
    const k = p.kpis.find((x) => `${x.rule}|${x.label.en}` === col.key.slice(5));
    return k?.neededPerMonth ?? null;
  }
  if (group === "projected") {
    const line = p.budget?.find((b) => b.category === sub);
    return line ? projectedSpending(line, p.stage) : null;
  }
  const line = p.budget?.find((b) => b.category === group);
  if (!line) return null;
  return sub === "planned" ? line.planned : sub === "actual" ? line.actual : line.limit;
}

export function overviewRows(model: SummaryModel, lang: Lang): (string | number | null)[][] {
  const cols = overviewColumns(model, lang);
  return model.projects.map((p, i) => cols.map((c) => overviewCell(p, i, c, lang)));
}
