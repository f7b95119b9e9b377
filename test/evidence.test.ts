/**
 * The rows behind every counted or summed figure (review-cycle.md section 4), over the seven
 * samples: every counted row appears, every left-out row has exactly one reason, and the
 * counted rows add up to the figure the finding states.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readWorkbookModel } from "../src/hosts/xlsx/read-model";
import { checkWorkbook, type ProjectReport } from "../src/engine/check";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import type { TableName } from "../src/engine/contract/tables";
import { SAMPLES } from "../scripts/samples";

const dir = join(__dirname, "..", "workbooks", "samples");
const ruleset = bundledRuleSet();
const reports: [string, ProjectReport][] = SAMPLES.map((s) => [
  s.file,
  checkWorkbook(readWorkbookModel(new Uint8Array(readFileSync(join(dir, s.file))), s.file), {
    ruleset,
  }),
]);

/** The table each rule's evidence is drawn from. */
const TABLE: Record<string, TableName> = {
  "BUD-TOTAL": "Ledger",
  "BUD-PERSONNEL": "Ledger",
  "BUD-EVAL": "Ledger",
  "BUD-OVERRUN": "Ledger",
  "BUD-SERVICE": "Ledger",
  "KPI-ORGS": "CommunityOrgs",
  "KPI-SERVICES": "Activities",
  "KPI-BENEFICIARIES": "Activities",
  "KPI-CONTEST": "Contests",
  "KPI-TRAINING": "Trainings",
  "KPI-MARRIAGE": "FamilyFiles",
  "KPI-FAMILY": "FamilyFiles",
  "KPI-CHARITY": "CharityResources",
  "KPI-CASES": "Cases",
  "STF-COUNT": "Staff",
  "STF-QUALIFIED": "Staff",
  "SUP-INTERNAL": "Supervisors",
};
const CATEGORY: Record<string, string> = {
  "BUD-PERSONNEL": "人力成本",
  "BUD-EVAL": "评估及其他",
  "BUD-SERVICE": "服务性支出",
};

const isNote = (f: { figures?: Record<string, unknown> }) => f.figures?.excluded !== undefined;
const withEvidence = reports.flatMap(([file, r]) =>
  r.findings
    .filter((f) => f.evidence)
    .map((f) => [`${file} ${f.rule} ${f.cell}${isNote(f) ? " (note)" : ""}`, r, f] as const)
);
/** Verdicts state a figure; notes say how many records fell outside the period. */
const verdicts = withEvidence.filter(([, , f]) => !isNote(f));
const notes = withEvidence.filter(([, , f]) => isNote(f));

describe("evidence", () => {
  it("is given by every rule that counts or sums rows, in every sample that states a figure", () => {
    const rules = new Set(withEvidence.map(([, , f]) => f.rule));
    expect([...rules].sort()).toEqual(Object.keys(TABLE).sort());
    // A figure stated but no rows behind it: a verdict of a counting rule without evidence.
    for (const [, r] of reports)
      for (const f of r.findings)
        if (TABLE[f.rule] && typeof f.figures?.actual === "number" && f.status !== "not-checked")
          expect({ rule: f.rule, evidence: Boolean(f.evidence) }).toEqual({
            rule: f.rule,
            evidence: true,
          });
  });

  it.each(withEvidence)("%s: one reason per left-out row, none on a counted one", (_, __, f) => {
    const seen = new Set<string>();
    for (const e of f.evidence!) {
      const key = `${e.sheet}!${e.row}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      if (e.counted) expect(e.reason).toBeUndefined();
      else {
        expect(e.reason?.zh).toMatch(/\S/);
        expect(e.reason?.en).toMatch(/\S/);
      }
    }
  });

  it.each(verdicts)("%s: the counted rows add up to the figure", (_, __, f) => {
    const counted = f.evidence!.filter((e) => e.counted);
    const summed = counted.every((e) => typeof e.value === "number");
    const figure = summed
      ? Math.round(counted.reduce((s, e) => s + e.value!, 0) * 100) / 100
      : counted.length;
    expect(figure).toBe(f.figures!.actual);
  });

  it.each(verdicts)("%s: every row that counts appears", (_, r, f) => {
    const table = r.project.tables[TABLE[f.rule]]!;
    const rows = new Set(f.evidence!.map((e) => e.row - 1));
    const category = CATEGORY[f.rule] ?? f.figures?.category;
    if (TABLE[f.rule] !== "Ledger") {
      // Every row of the table is judged: counted or left out with its reason.
      for (const row of table.rows) expect(rows.has(row.row)).toBe(true);
      return;
    }
    for (const row of table.rows) {
      if (typeof row.v.amount !== "number") continue;
      if (category && row.v.category !== category) continue;
      if (f.rule !== "BUD-TOTAL" && typeof row.v.category !== "string") continue;
      expect(rows.has(row.row)).toBe(true);
    }
    for (const s of table.skipped.filter((x) => x.kind === "total" && f.rule === "BUD-TOTAL"))
      expect(rows.has(s.row)).toBe(true);
  });

  it("lists, on each note of records outside the period, exactly those rows", () => {
    expect(notes.length).toBeGreaterThan(0);
    for (const [, r, note] of notes) {
      expect(note.evidence!.every((e) => !e.counted)).toBe(true);
      expect(note.evidence!.length).toBe(note.figures!.excluded);
      // The rows the rule's verdict leaves out for their date, no more, no fewer.
      const verdict = r.findings.find(
        (f) => f.rule === note.rule && f.cell === note.cell && f.evidence && !isNote(f)
      )!;
      const byDate = verdict.evidence!.filter((e) => /日期|date/.test(e.reason?.zh ?? ""));
      expect(note.evidence!.map((e) => e.row)).toEqual(byDate.map((e) => e.row));
    }
  });

  it("groups personnel spending by payee, the groups adding up to the figure", () => {
    const personnel = withEvidence.filter(([, , f]) => f.rule === "BUD-PERSONNEL");
    expect(personnel.length).toBeGreaterThan(0);
    for (const [, , f] of personnel) {
      const sum = f.byPayee!.reduce((s, g) => s + g.amount, 0);
      expect(Math.round(sum * 100) / 100).toBe(f.figures!.actual);
      const rows = f.byPayee!.flatMap((g) => g.rows).sort((a, b) => a - b);
      expect(rows).toEqual(f.evidence!.filter((e) => e.counted).map((e) => e.row));
    }
  });

  it("names the reasons a sample's rows were left out", () => {
    const [, r] = reports.find(([file]) => file.startsWith("02-"))!;
    const reasons = (rule: string) =>
      new Set(
        r.findings
          .filter((f) => f.rule === rule && f.evidence)
          .flatMap((f) => f.evidence!.filter((e) => !e.counted).map((e) => e.reason!.zh))
      );
    expect(reasons("KPI-SERVICES")).toEqual(
      new Set(["日期晚于报告截止日期", "活动类型不是个案、小组或社区活动"])
    );
    expect([...reasons("KPI-ORGS")].sort()).toEqual(
      ["乡镇备案日期未填写或无法识别", "开展社区服务活动 1 场，少于 2 场"].sort()
    );
  });
});
