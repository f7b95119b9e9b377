/**
 * fucai diff <earlier.xlsx> <later.xlsx>: two submissions of one project compared in a worker
 * thread, read within the same limits as a check. Exit 0 without retroactive changes, 1 with
 * some, 2 when a file cannot be read, the workbooks are not one project's, or the arguments
 * are wrong.
 */
import { writeErr } from "./printable";
import { existsSync, statSync } from "fs";
import type { Lang } from "../engine/i18n";
import { todaySerial } from "../engine/util/dates";
import { loadRuleSet, sameFile, UsageError } from "./inputs";
import { runInWorkers } from "./pool";
import type { DiffTask } from "./diff-task";
import { diffJson, diffText, type DiffOutput } from "./diff-output";

export interface DiffFlags {
  ruleset: string;
  format: "text" | "json";
  lang: Lang;
  debug?: boolean;
}

export const DIFF_EXIT = { ok: 0, retro: 1, trouble: 2 } as const;

function refuseArguments(earlier: string, later: string): void {
  for (const file of [earlier, later])
    if (existsSync(file) && statSync(file).isDirectory())
      throw new UsageError(
        `「${file}」是一个文件夹；请给出两个工作簿文件：较早的一次报送和较晚的一次报送。`,
        `"${file}" is a folder; give two workbook files: the earlier submission and the later one.`
      );
  if (existsSync(earlier) && sameFile(earlier, later))
    throw new UsageError(
      `两个参数是同一个文件「${earlier}」；请给出同一项目的两次报送。`,
      `Both arguments are the same file "${earlier}"; give two submissions of one project.`
    );
}

export async function runDiff(
  earlier: string,
  later: string,
  flags: DiffFlags,
  write: (s: string) => void
): Promise<number> {
  const ruleset = loadRuleSet(flags.ruleset);
  refuseArguments(earlier, later);
  const task: DiffTask = {
    kind: "diff",
    file: later,
    earlier,
    later,
    ruleset,
    today: todaySerial(),
    debug: flags.debug,
  };
  const [result] = await runInWorkers([task], { concurrency: 1 });
  let out: DiffOutput;
  if (!result.ok) {
    out = { ok: false, reason: "unreadable", file: result.file, error: result.error };
    if (result.stack) writeErr(`${result.stack}\n`);
  } else if (!result.outcome.ok)
    out = { ok: false, reason: result.outcome.reason, error: result.outcome.error };
  else out = { ok: true, comparison: result.outcome.comparison };
  if (flags.format === "json") write(diffJson(out) + "\n");
  else write(diffText(out, flags.lang, !!process.stdout.isTTY && !process.env.NO_COLOR) + "\n");
  if (!out.ok) return DIFF_EXIT.trouble;
  return out.comparison.findings.some((f) => f.rule === "SUB-RETRO")
    ? DIFF_EXIT.retro
    : DIFF_EXIT.ok;
}
