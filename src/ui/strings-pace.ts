/**
 * The words of pace (where a cap or target is heading), evidence (the rows behind a figure) and
 * the pace chart, Chinese first; kept apart from strings.ts.
 */
import { monthText } from "../engine/pace";

const zh = {
  spent: "已支出",
  headroom: "尚余",
  overBy: "已超出",
  projected: "期末预计",
  done: "已完成",
  needed: "此后每月需",
  reached: "已达标",
  standing: "完成情况",
  due: "目前应达到",
  /** What a cap is, by the figure that holds it. */
  limitOf: { cap: "上限", planned: "本类预算", limit: "合同金额" } as Record<string, string>,
  target: "目标",
  yuan: "元",
  perMonth: (avg: string) => `月均 ${avg}`,
  projectedOver: (by: string) => `超出 ${by}`,
  cross: (month: string) => `照此进度，预计${month}突破`,
  noRate: "满一个月后推算",
  /** Evidence. */
  evidence: (counted: number, left: number) =>
    !left
      ? `明细：计入 ${counted} 行`
      : counted
        ? `明细：计入 ${counted} 行，未计入 ${left} 行`
        : `明细：未计入 ${left} 行`,
  countedRows: "计入的行",
  leftRows: "未计入的行",
  row: (row: number) => `第 ${row} 行`,
  rowLabel: (sheet: string, row: number) => `${sheet} 第 ${row} 行`,
  goRow: (sheet: string, row: number) => `转到 ${sheet} 第 ${row} 行`,
  showRest: (n: number) => `显示其余 ${n} 行`,
  byPayee: "人力成本按收款方",
  payeeBlank: "（未填收款方）",
  payments: (n: number) => `${n} 笔`,
  /** Chart. */
  chart: "走势图",
  chartHide: "收起走势图",
  chartOf: (name: string) => `走势图：${name}`,
  chartTitle: (name: string) => `${name}：按月累计`,
  legendActual: "累计",
  legendProjected: "按目前进度推算（虚线）",
  legendCap: "上限",
  legendTarget: "目标",
  undated: (n: number) => `${n} 行无日期，计入第一个月。`,
  chartText: (p: {
    name: string;
    points: string;
    asOf: string;
    actual: string;
    end: string;
    projected: string;
    line: string;
    limit: string;
  }) =>
    `${p.name}，按月累计：${p.points}。截至 ${p.asOf} 共 ${p.actual}；按目前进度推算，至 ${p.end} 约 ${p.projected}；${p.line} ${p.limit}。`,
  month: (ym: string) => monthText(ym).zh,
  shortMonth: (ym: string) => `${Number(ym.split("-")[1])}月`,
};

export type PaceStrings = typeof zh;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const en: PaceStrings = {
  spent: "Spent",
  headroom: "Left",
  overBy: "Over by",
  projected: "At contract end",
  done: "Done",
  needed: "Needed a month",
  reached: "Reached",
  standing: "Standing",
  due: "due by now",
  limitOf: { cap: "Cap", planned: "Plan", limit: "Contract amount" },
  target: "Target",
  yuan: "yuan",
  perMonth: (avg: string) => `${avg} a month`,
  projectedOver: (by: string) => `${by} over`,
  cross: (month: string) => `At this rate it is crossed in ${month}`,
  noRate: "projected after the first whole month",
  evidence: (counted: number, left: number) =>
    !left
      ? `Rows behind it: ${counted} counted`
      : counted
        ? `Rows behind it: ${counted} counted, ${left} left out`
        : `Rows behind it: ${left} left out`,
  countedRows: "Rows counted",
  leftRows: "Rows left out",
  row: (row: number) => `Row ${row}`,
  rowLabel: (sheet: string, row: number) => `${sheet} row ${row}`,
  goRow: (sheet: string, row: number) => `Go to ${sheet} row ${row}`,
  showRest: (n: number) => `Show the other ${n} rows`,
  byPayee: "Personnel by payee",
  payeeBlank: "(no payee)",
  payments: (n: number) => `${n} payment${n === 1 ? "" : "s"}`,
  chart: "Chart",
  chartHide: "Hide chart",
  chartOf: (name: string) => `Chart: ${name}`,
  chartTitle: (name: string) => `${name}: cumulative by month`,
  legendActual: "So far",
  legendProjected: "At this rate (dashed)",
  legendCap: "Cap",
  legendTarget: "Target",
  undated: (n: number) => `${n} undated row${n === 1 ? "" : "s"} drawn in the first month.`,
  chartText: (p) =>
    `${p.name}, cumulative by month: ${p.points}. ${p.actual} by ${p.asOf}; at this rate about ${p.projected} by ${p.end}; ${p.line} ${p.limit}.`,
  month: (ym: string) => monthText(ym).en,
  shortMonth: (ym: string) => MONTHS[Number(ym.split("-")[1]) - 1],
};

export const PACE_STRINGS = { zh, en };
