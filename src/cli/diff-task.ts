/**
 * A comparison of two submissions, run inside a worker thread like a check: each workbook is
 * read within the same limits, checked, and reduced to its snapshot before the next one is
 * read, so that one worker never holds two workbook models. Only the comparison goes back.
 */
import { statSync } from "fs";
import type { RuleSet } from "../engine/rulesets/ruleset";
import { checkWorkbook } from "../engine/check";
import { submissionOf, type Submission } from "../engine/diff/snapshot";
import { compareSubmissions } from "../engine/diff/compare";
import { compactComparison } from "../engine/diff/compact";
import type { ComparisonOutcome } from "../engine/diff/types";
import { readWorkbookModel } from "../hosts/xlsx/read-model";
import { failure, readWithinLimits, type TaskResult } from "./task";

export interface DiffTask {
  kind: "diff";
  /** What the pool calls the task until a file is being read: the later file as given. */
  file: string;
  earlier: string;
  later: string;
  ruleset: RuleSet;
  today: number;
  debug?: boolean;
  /** Keep only what the summary shows: retroactive rows, findings lists cut short. */
  compact?: boolean;
}

export type DiffResult =
  { file: string; ok: true; outcome: ComparisonOutcome } | Extract<TaskResult, { ok: false }>;

export function isDiffTask(task: unknown): task is DiffTask {
  return (task as { kind?: string }).kind === "diff";
}

/** `reading` hears each file as it is read, so that a worker lost on it names that file. */
export function runDiffTask(task: DiffTask, reading?: (file: string) => void): DiffResult {
  const submissions: Submission[] = [];
  for (const file of [task.earlier, task.later]) {
    reading?.(file);
    try {
      const model = readWorkbookModel(readWithinLimits(file), file);
      // Each as of its own reporting date: a comparison is of the submissions as submitted.
      const report = checkWorkbook(model, { ruleset: task.ruleset, today: task.today });
      submissions.push(submissionOf(report, statSync(file).mtimeMs));
    } catch (e) {
      return failure(file, e, task.debug) as DiffResult;
    }
  }
  const outcome = compareSubmissions(submissions[0], submissions[1]);
  if (!task.compact || !outcome.ok) return { file: task.file, ok: true, outcome };
  return {
    file: task.file,
    ok: true,
    outcome: { ok: true, comparison: compactComparison(outcome.comparison) },
  };
}
