/**
 * fucai: the command line. `fucai check` checks project workbooks against a rule set;
 * `fucai summary` (see summary.ts) writes the bureau's summary workbook.
 * Exit codes: 0 no errors, 1 error findings, 2 unreadable file or wrong arguments.
 */
import { Command, CommanderError, Option } from "commander";
import { basename, extname, join } from "path";
import type { Lang } from "../engine/i18n";
import { DEFAULT_RULESET } from "../engine/rulesets/ruleset";
import { todaySerial } from "../engine/util/dates";
import { parseAsOf } from "./as-of";
import { runSummary, type SummaryFlags } from "./summary";
import { crossCheck } from "../engine/check";
import { expandInputs, loadRuleSet, refuseInputsAsOutputs, UsageError } from "./inputs";
import { runInWorkers } from "./pool";
import type { CheckTask } from "./task";
import { toJson, toText } from "./output";

export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

interface CheckFlags {
  ruleset: string;
  asOf?: string;
  format: "text" | "json";
  lang: Lang;
  annotate?: string;
  debug?: boolean;
  jobs?: string;
}

/** Where each annotated copy goes: the path itself for one file, a folder of copies for several. */
function annotateTargets(files: string[], out: string | undefined): (string | undefined)[] {
  if (!out) return files.map(() => undefined);
  if (files.length === 1 && extname(out).toLowerCase() === ".xlsx") return [out];
  return files.map((f) => join(out, `${basename(f, extname(f))}.annotated.xlsx`));
}

export async function runCheck(
  inputs: string[],
  flags: CheckFlags,
  write: (s: string) => void
): Promise<number> {
  const ruleset = loadRuleSet(flags.ruleset);
  const asOf = parseAsOf(flags.asOf);
  const files = expandInputs(inputs);
  const targets = annotateTargets(files, flags.annotate);
  refuseInputsAsOutputs(files, targets);
  const tasks: CheckTask[] = files.map((file, i) => ({
    file,
    ruleset,
    asOf,
    today: todaySerial(),
    annotateTo: targets[i],
    lang: flags.lang,
    debug: flags.debug,
  }));
  const results = await runInWorkers(tasks, {
    concurrency: flags.jobs ? Number(flags.jobs) : undefined,
  });
  const reports = results.flatMap((r) => (r.ok ? [r.report] : []));
  const cross =
    reports.length > 1
      ? crossCheck(
          reports.map((r) => r.facts),
          ruleset
        )
      : [];
  const out = { results, cross };
  if (flags.format === "json") write(toJson(out) + "\n");
  else write(toText(out, flags.lang, !!process.stdout.isTTY && !process.env.NO_COLOR) + "\n");
  if (results.some((r) => !r.ok)) return EXIT.trouble;
  const errors =
    reports.some((r) => r.findings.some((f) => f.severity === "error")) ||
    cross.some((f) => f.severity === "error");
  return errors ? EXIT.findings : EXIT.ok;
}

export function buildProgram(write: (s: string) => void, setExit: (code: number) => void): Command {
  const program = new Command("fucai")
    .description(
      "福彩公益金项目合规检查 · Compliance checks for welfare-lottery-funded community projects"
    )
    .option("--debug", "show stack traces (for developers)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => write(s),
      writeErr: (s) => process.stderr.write(s.startsWith("error:") ? `参数错误 ${s}` : s),
    });
  program
    .command("check")
    .description("检查项目工作簿 · check project workbooks")
    .argument("<paths...>", "工作簿文件或文件夹 · workbook files or folders")
    .option("--ruleset <id|file.json>", "规则集 · rule set", DEFAULT_RULESET)
    .option(
      "--as-of <YYYY-MM-DD>",
      "按此日期检查（代替工作簿中的报告截止日期）· check as of this date"
    )
    .addOption(
      new Option("--format <format>", "输出格式 · output format")
        .choices(["text", "json"])
        .default("text")
    )
    .addOption(new Option("--lang <lang>", "语言 · language").choices(["zh", "en"]).default("zh"))
    .option(
      "--annotate <out.xlsx|folder>",
      "写出标注副本 · write an annotated copy (a folder of copies for several files)"
    )
    .option("-j, --jobs <n>", "并行数 · parallel workers")
    .option("--debug", "show stack traces (for developers)")
    .action(async (paths: string[], flags: CheckFlags) => {
      setExit(
        await runCheck(paths, { ...flags, debug: flags.debug || program.opts().debug }, write)
      );
    });
  program
    .command("summary")
    .description("写出汇总工作簿 · write the bureau's summary workbook")
    .argument("<paths...>", "工作簿文件或文件夹 · workbook files or folders")
    .requiredOption("-o, --output <out.xlsx|out.csv>", "输出文件 · output file")
    .option("--ruleset <id|file.json>", "规则集 · rule set", DEFAULT_RULESET)
    .option("--as-of <YYYY-MM-DD>", "按此日期检查 · check as of this date")
    .addOption(new Option("--lang <lang>", "语言 · language").choices(["zh", "en"]).default("zh"))
    .addOption(new Option("--format <format>", "输出格式 · output format").choices(["xlsx", "csv"]))
    .option("-j, --jobs <n>", "并行数（默认全部核心）· parallel workers (default: every core)")
    .option("--debug", "show stack traces (for developers)")
    .action(async (paths: string[], flags: SummaryFlags) => {
      setExit(
        await runSummary(paths, { ...flags, debug: flags.debug || program.opts().debug }, write)
      );
    });
  return program;
}

/** The language asked for on the command line, for messages given before the options are parsed. */
function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh";
  return (argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1]) === "en" ? "en" : "zh";
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(
    (s) => process.stdout.write(s),
    (c) => (code = c)
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    if (e instanceof UsageError) {
      process.stderr.write(langOf(argv) === "en" ? `${e.en}\n` : `${e.zh}\n${e.en}\n`);
      return EXIT.trouble;
    }
    const debug = argv.includes("--debug");
    process.stderr.write(
      `内部错误：${e instanceof Error ? e.message : String(e)}\nInternal error.${debug ? `\n${(e as Error).stack}` : " Run with --debug for details."}\n`
    );
    return EXIT.trouble;
  }
}
