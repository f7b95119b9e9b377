import { defineSubmissionRule, type RuleFinding } from "../types";
import type { FieldChange, RowChange, TableComparison } from "../../diff/types";
import { changesText, inSentence } from "../../diff/values";
import { TABLE_KEYS } from "../../diff/keys";
import { formatSerial } from "../../util/dates";
import { tableDef, type TableName } from "../../contract/tables";
import type { Value } from "../../read/project";

const within = (v: Value | undefined, upTo: number) => typeof v === "number" && v <= upTo;

/**
 * Does a change touch reported history? In a dated table: the row's date, before or after the
 * change, is on or before the earlier reporting date (so a date moved across it counts). In
 * Staff and Supervisors: a date field changed where the old or the new date is in that period
 * (a leaving date filled in after it is news, not history).
 */
export function retroactive(
  table: TableName,
  change: RowChange["change"],
  reportedUpTo: number,
  old: ((field: string) => Value | undefined) | null,
  now: ((field: string) => Value | undefined) | null,
  fields: readonly FieldChange[]
): boolean {
  const { date, dates } = TABLE_KEYS[table];
  if (date)
    return (
      (change !== "added" && within(old?.(date), reportedUpTo)) ||
      (change !== "removed" && within(now?.(date), reportedUpTo))
    );
  if (!dates || change !== "changed") return false;
  return fields.some(
    (f) =>
      dates.includes(f.field) &&
      (within(old?.(f.field), reportedUpTo) || within(now?.(f.field), reportedUpTo))
  );
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Old and new values as figures (masked as shown), so that a review holds for these values only. */
function figuresOf(r: RowChange, upTo: string): Record<string, string | number> {
  const figures: Record<string, string | number> = { change: r.change, reportedUpTo: upTo };
  if (r.earlierRow !== null) figures.earlierRow = r.earlierRow;
  if (r.laterRow !== null) figures.laterRow = r.laterRow;
  for (const f of r.fields) {
    figures[`${f.field}.old`] = f.old ?? "";
    figures[`${f.field}.new`] = f.new ?? "";
  }
  return figures;
}

function finding(t: TableComparison, r: RowChange, upTo: string, earlierFile: string): RuleFinding {
  const sheet = tableDef(t.table).sheet;
  const en = inSentence(t.title.en);
  const label = {
    zh: r.label.zh ? `（${r.label.zh}）` : "",
    en: r.label.en ? ` (${r.label.en})` : "",
  };
  const since = {
    zh: `上次报送截止日期为 ${upTo}`,
    en: `the earlier submission reported up to ${upTo}`,
  };
  const base = { severity: "warning" as const, figures: figuresOf(r, upTo) };
  if (r.change === "removed")
    return {
      ...base,
      sheet: r.sheet,
      cell: r.cell ?? undefined,
      target: t.table,
      message: {
        zh: `上次报送（${baseName(earlierFile)}）「${sheet}」表第 ${r.earlierRow} 行${label.zh}属于已报送期间，本次报送中已删除（${since.zh}）。`,
        en: `In the earlier submission (${baseName(earlierFile)}), row ${r.earlierRow} of the ${en}${label.en} lay in the reported period; it was removed (${since.en}).`,
      },
    };
  if (r.change === "added")
    return {
      ...base,
      sheet: r.sheet,
      cell: r.cell ?? undefined,
      message: {
        zh: `「${sheet}」表第 ${r.laterRow} 行${label.zh}是新增的行，日期在已报送期间内，上次报送中没有这一行（${since.zh}）。`,
        en: `Row ${r.laterRow} of the ${en}${label.en} was added with a date in the reported period; the earlier submission did not have it (${since.en}).`,
      },
    };
  const changes = changesText(r.fields);
  return {
    ...base,
    sheet: r.sheet,
    cell: r.cell ?? undefined,
    message: {
      zh: `「${sheet}」表第 ${r.laterRow} 行${label.zh}属于已报送的内容，本次报送作了修改：${changes.zh}（${since.zh}）。`,
      en: `Row ${r.laterRow} of the ${en}${label.en} had been reported and was changed: ${changes.en} (${since.en}).`,
    },
  };
}

export default defineSubmissionRule({
  id: "SUB-RETRO",
  area: "submissions",
  kind: "always",
  severities: ["warning"],
  clause: "五.(二)；五.(三)",
  title: { zh: "已报送数据被追溯修改", en: "Reported history changed" },
  fix: {
    zh: "请核对修改是否有凭据；确属更正的，向民政局说明修改原因并附相关凭证，由民政局审核。",
    en: "Check that the change is backed by records; if it is a correction, explain why to the bureau, with the vouchers, for its review.",
  },
  describe: () => ({
    zh: "比较同一项目的两次报送：较晚一次中，日期在较早一次报告截止日期及以前的台账、活动、大赛、培训、慈善资源、典型案例、婚姻家庭档案、社区社会组织记录被新增、删除或修改（日期被改到截止日期前后的也算），或人员、督导的日期在已报送期间内被修改，每行提示一次。",
    en: "Comparing two submissions of a project: in the later one, a ledger, activity, contest, training, charity, case, family-file or organisation row dated on or before the earlier one's reporting date was added, removed or changed (a date moved across that day counts too), or a staff or supervisor date in the reported period was changed; one finding per row.",
  }),
  check(input) {
    const upTo = formatSerial(input.reportedUpTo);
    const out: RuleFinding[] = [];
    for (const t of input.tables)
      for (const r of t.rows) if (r.retro) out.push(finding(t, r, upTo, input.earlier.file));
    return out;
  },
});
