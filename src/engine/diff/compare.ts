/**
 * Two submissions of one project compared (review-cycle.md section 1): which is the earlier,
 * rows added, removed and changed per table, retroactive changes (SUB-RETRO), KPI and budget
 * figures then and now, and each finding new, resolved or persisting. Host-free: the host reads
 * the workbooks and gives their modification times.
 */
import { NAMES, TABLES } from "../contract/tables";
import type { Finding } from "../findings";
import type { Text } from "../i18n";
import { SUBMISSION_RULES } from "../rules/catalog";
import { formatSerial } from "../util/dates";
import { compact } from "../util/text";
import { fingerprintOf } from "../reviews/fingerprint";
import { compareFindings } from "./findings";
import { compareBudget, compareKpis } from "./figures";
import { compareTable } from "./rows";
import type { Submission } from "./snapshot";
import type {
  ComparedSubmission,
  ComparisonNote,
  ComparisonOutcome,
  FieldChange,
  SubmissionsInput,
  TableComparison,
} from "./types";
import { sameValue } from "./values";

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function codeOf(s: Submission): string | null {
  const v = s.snapshot.names.ProjectCode?.value;
  return v === null || v === undefined || v === "" ? null : String(v);
}

function refused(
  reason: "different-projects" | "no-code" | "no-as-of",
  error: Text
): ComparisonOutcome {
  return { ok: false, reason, error };
}

/** Earlier first: by reporting date, then by file modification time, then as given. */
function order(a: Submission, b: Submission, notes: ComparisonNote[]): [Submission, Submission] {
  const [da, db] = [a.snapshot.asOfDate!, b.snapshot.asOfDate!];
  if (da !== db) {
    if (da < db) return [a, b];
    notes.push({
      kind: "order",
      message: {
        zh: `按报告截止日期，${baseName(b.file)}（截至 ${formatSerial(db)}）是较早的一次报送，${baseName(a.file)}（截至 ${formatSerial(da)}）是较晚的一次。`,
        en: `By reporting date, ${baseName(b.file)} (as of ${formatSerial(db)}) is the earlier submission and ${baseName(a.file)} (as of ${formatSerial(da)}) the later one.`,
      },
    });
    return [b, a];
  }
  const known = a.modified !== null && b.modified !== null && a.modified !== b.modified;
  const [earlier, later] = known && a.modified! > b.modified! ? [b, a] : [a, b];
  const day = formatSerial(da);
  notes.push({
    kind: "same-as-of",
    message: known
      ? {
          zh: `两份报送的报告截止日期相同（${day}），按文件修改时间，以 ${baseName(later.file)} 为较晚的一次报送。`,
          en: `Both submissions report up to ${day}; by file modification time, ${baseName(later.file)} is taken as the later one.`,
        }
      : {
          zh: `两份报送的报告截止日期相同（${day}），文件修改时间也无法区分，按给出的顺序以 ${baseName(later.file)} 为较晚的一次报送。`,
          en: `Both submissions report up to ${day} and their modification times do not tell them apart; as given, ${baseName(later.file)} is taken as the later one.`,
        },
  });
  return [earlier, later];
}

function compared(s: Submission): ComparedSubmission {
  return {
    file: s.file,
    asOf: s.snapshot.asOfDate!,
    stage: s.report.stage.kind,
    modified: s.modified,
  };
}

/** Named values of 项目信息 that changed, the reporting date apart. */
function infoChanges(earlier: Submission, later: Submission): FieldChange[] {
  const out: FieldChange[] = [];
  for (const def of NAMES) {
    if (def.name === "AsOfDate") continue;
    const a = earlier.snapshot.names[def.name]?.value ?? null;
    const b = later.snapshot.names[def.name]?.value ?? null;
    if (sameValue(a, b)) continue;
    const show = (v: typeof a) =>
      typeof v === "number" && def.type === "date" ? formatSerial(v) : v;
    out.push({
      field: def.name,
      header: { zh: def.label, en: def.en },
      old: show(a),
      new: show(b),
    });
  }
  return out;
}

export function compareSubmissions(a: Submission, b: Submission): ComparisonOutcome {
  for (const s of [a, b]) {
    if (!codeOf(s))
      return refused("no-code", {
        zh: `无法比较：${baseName(s.file)} 中找不到项目编号，无法确认两份工作簿属于同一项目。`,
        en: `Cannot compare: ${baseName(s.file)} has no project code, so the two workbooks cannot be told to be one project.`,
      });
  }
  const [ca, cb] = [codeOf(a)!, codeOf(b)!];
  if (compact(ca).toUpperCase() !== compact(cb).toUpperCase())
    return refused("different-projects", {
      zh: `两份工作簿不是同一项目的报送：${baseName(a.file)} 的项目编号为 ${ca}，${baseName(b.file)} 的项目编号为 ${cb}。只能比较同一项目编号的两次报送。`,
      en: `The two workbooks are not submissions of one project: ${baseName(a.file)} has project code ${ca} and ${baseName(b.file)} has ${cb}. Only two submissions with the same project code can be compared.`,
    });
  for (const s of [a, b]) {
    if (s.snapshot.asOfDate === null)
      return refused("no-as-of", {
        zh: `无法比较：${baseName(s.file)} 中找不到报告截止日期，无法确定哪些数据已经报送。`,
        en: `Cannot compare: ${baseName(s.file)} has no readable reporting date, so what was already reported cannot be told.`,
      });
  }
  const notes: ComparisonNote[] = [];
  const [earlier, later] = order(a, b, notes);
  const reportedUpTo = earlier.snapshot.asOfDate!;
  const tables: TableComparison[] = [];
  for (const def of TABLES) {
    const t = compareTable(def.name, earlier.snapshot, later.snapshot, reportedUpTo, notes);
    if (t) tables.push(t);
  }
  const input: SubmissionsInput = {
    earlier: compared(earlier),
    later: compared(later),
    reportedUpTo,
    tables,
  };
  const findings: Finding[] = [];
  for (const rule of SUBMISSION_RULES)
    for (const f of rule.check(input)) {
      const finding: Finding = {
        rule: rule.id,
        ...f,
        title: rule.title,
        clause: rule.clause,
        fix: rule.fix,
      };
      findings.push({ ...finding, fingerprint: fingerprintOf(finding) });
    }
  const name = later.snapshot.names.ProjectName?.value ?? earlier.snapshot.names.ProjectName?.value;
  return {
    ok: true,
    comparison: {
      project: {
        code: codeOf(later)!,
        name: name === null || name === undefined ? null : String(name),
      },
      earlier: input.earlier,
      later: input.later,
      notes,
      info: infoChanges(earlier, later),
      tables,
      findings,
      kpis: compareKpis(earlier.report, later.report),
      budget: compareBudget(earlier.report, later.report),
      checks: compareFindings(
        earlier.report.findings,
        later.report.findings,
        earlier.snapshot,
        later.snapshot
      ),
    },
  };
}
