/**
 * For fucai summary: each project submitted more than once has its last two submissions
 * compared, each pair in a worker (the check's workers return no rows, so the pair is read
 * again there, one workbook at a time) and only a compact comparison sent back.
 */
import { statSync } from "fs";
import type { RuleSet } from "../engine/rulesets/ruleset";
import type { CheckedWorkbook } from "../engine/summary/model";
import type { SubmissionsCompared } from "../engine/diff/types";
import { compact } from "../engine/util/text";
import { runInWorkers } from "./pool";
import type { DiffTask } from "./diff-task";

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The last two submissions of each project code: by reporting date, then modification time. */
export function lastTwoSubmissions(reports: readonly CheckedWorkbook[]): [string, string][] {
  const byCode = new Map<string, CheckedWorkbook[]>();
  for (const r of reports) {
    if (!r.facts.code) continue;
    const key = compact(r.facts.code).toUpperCase();
    byCode.set(key, [...(byCode.get(key) ?? []), r]);
  }
  const pairs: [string, string][] = [];
  for (const list of byCode.values()) {
    if (list.length < 2) continue;
    const order = list
      .map((r) => ({ file: r.file, asOf: r.facts.asOf, modified: modified(r.file) }))
      .sort((a, b) => a.asOf - b.asOf || a.modified - b.modified);
    pairs.push([order[order.length - 2].file, order[order.length - 1].file]);
  }
  return pairs;
}

export async function compareLastSubmissions(
  reports: readonly CheckedWorkbook[],
  options: { ruleset: RuleSet; today: number; jobs?: number; debug?: boolean }
): Promise<SubmissionsCompared[]> {
  const pairs = lastTwoSubmissions(reports);
  if (!pairs.length) return [];
  const tasks: DiffTask[] = pairs.map(([earlier, later]) => ({
    kind: "diff",
    file: later,
    earlier,
    later,
    ruleset: options.ruleset,
    today: options.today,
    debug: options.debug,
    compact: true,
  }));
  const results = await runInWorkers(tasks, { concurrency: options.jobs });
  return results.map((r, i) => {
    const [earlier, later] = pairs[i];
    const facts = reports.find((x) => x.file === later)!.facts;
    const base = { code: facts.code!, name: facts.name, earlier, later };
    if (!r.ok) {
      const file = r.file.split(/[\\/]/).pop();
      const error = { zh: `${file}：${r.error.zh}`, en: `${file}: ${r.error.en}` };
      return { ...base, comparison: null, error };
    }
    if (!r.outcome.ok) return { ...base, comparison: null, error: r.outcome.error };
    const c = r.outcome.comparison;
    return { ...base, earlier: c.earlier.file, later: c.later.file, comparison: c, error: null };
  });
}
