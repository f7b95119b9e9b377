/**
 * Which cells a set of findings marks, and with what: the one plan behind the annotated copy
 * (xlsx host) and the marks in Excel (Office host). The worst severity colours a cell; every
 * reason that starts at a cell goes into its note.
 */
import { SEVERITY_LABELS, type Finding, type Severity } from "./findings";
import type { Lang } from "./i18n";
import { a1, parseRange } from "./util/address";

/** Fill colours (RGB hex) by severity. */
export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Ranges larger than this get their fill and note on the first cell only. */
export const MAX_MARKED_CELLS = 64;

export { SEVERITY_LABELS };

const ORDER: Severity[] = ["error", "warning", "info"];

export interface PlannedMark {
  sheet: string;
  cell: string;
  severity: Severity;
  /** One line per finding that starts at this cell (empty for the other cells of a range). */
  lines: string[];
}

/** The note line of a finding: its language first, the other after. */
export function markLine(f: Finding, lang: Lang): string {
  const other: Lang = lang === "zh" ? "en" : "zh";
  // An accepted finding (审核意见 认可) says so: it is no longer a problem to put right.
  const accepted = f.review?.accepted ? (lang === "zh" ? "·已认可" : " · accepted") : "";
  return `[${SEVERITY_LABELS[f.severity][lang]}${accepted}] ${f.rule}: ${f.message[lang]} / ${f.message[other]}`;
}

export function planMarks(findings: readonly Finding[], lang: Lang): PlannedMark[] {
  const marks = new Map<string, PlannedMark>();
  for (const f of findings) {
    // Progress on track is not a problem (shown apart as 进度): no fill or note on its cell.
    if (!f.sheet || !f.cell || f.status === "not-checked" || f.status === "progress") continue;
    const range = parseRange(f.cell);
    if (!range) continue;
    const cells: string[] = [];
    const size = (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
    if (size > MAX_MARKED_CELLS) cells.push(a1(range.start.row, range.start.col));
    else
      for (let r = range.start.row; r <= range.end.row; r += 1)
        for (let c = range.start.col; c <= range.end.col; c += 1) cells.push(a1(r, c));
    cells.forEach((cell, i) => {
      const key = `${f.sheet}\u0000${cell}`;
      const mark = marks.get(key) ?? { sheet: f.sheet!, cell, severity: f.severity, lines: [] };
      if (ORDER.indexOf(f.severity) < ORDER.indexOf(mark.severity)) mark.severity = f.severity;
      if (i === 0) mark.lines.push(markLine(f, lang));
      marks.set(key, mark);
    });
  }
  return [...marks.values()];
}
