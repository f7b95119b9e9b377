/**
 * fucai: the command line. `fucai check` checks project workbooks against a rule set;
 * `fucai summary` (see summary.ts) writes the bureau's summary workbook; `fucai diff`
 * (diff.ts) compares two submissions of a project.
 * Exit codes: see EXIT below and the help's own list (help.ts).
 */
import { writeErr, writeOut } from "./printable";
import { Command, CommanderError, Option } from "commander";
import { join } from "path";
import type { Lang } from "../engine/i18n";
import { DEFAULT_RULESET } from "../engine/rulesets/ruleset";
import { todaySerial } from "../engine/util/dates";
import { parseAsOf } from "./as-of";
import { runSummary, type SummaryFlags } from "./summary";
import { runDiff, type DiffFlags } from "./diff";
import { crossCheck } from "../engine/check";
import { expandInputs, loadRuleSet, refuseInputsAsOutputs, UsageError } from "./inputs";
import { runInWorkers } from "./pool";
import type { CheckTask } from "./task";
import { countBySeverity, toJson, toText } from "./output";
import { annotateTargets, noteSkipped, parseJobs } from "./options";
import { LocalHelp, TEXT, localError } from "./help";

/**
 * Exit codes. `check` adds them up: 1 when errors were found, 2 when a file could not be read
 * (or the arguments are wrong), so 3 says both. `summary` exits 0 once it wrote the summary.
 */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

interface CheckFlags {
  ruleset: string;
  asOf?: string;
  format: "text" | "json";
  lang: Lang;
  annotate?: string;
  debug?: boolean;
  jobs?: string;
  /** false with --no-reviews: as if 审核意见 were absent. */
  reviews?: boolean;
}

export async function runCheck(
  inputs: string[],
  flags: CheckFlags,
  write: (s: string) => void
): Promise<number> {
  const ruleset = loadRuleSet(flags.ruleset);
  const asOf = parseAsOf(flags.asOf);
  const jobs = parseJobs(flags.jobs);
  const files = expandInputs(inputs, noteSkipped(flags.lang));
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
    reviews: flags.reviews,
    // The text output counts the rows behind a figure; only the JSON lists them.
    evidence: flags.format === "json" ? "rows" : "counts",
  }));
  const results = await runInWorkers(tasks, { concurrency: jobs });
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
  // A file that could not be read, or a copy that could not be written: trouble (2).
  const unreadable = results.some((r) => !r.ok || r.annotateError);
  // Accepted findings (审核意见: 认可) are not errors here (countBySeverity).
  const errors =
    reports.some((r) => countBySeverity(r.findings).error > 0) ||
    cross.some((f) => f.severity === "error");
  return (errors ? EXIT.findings : EXIT.ok) + (unreadable ? EXIT.trouble : EXIT.ok);
}

/** The package's version, from package.json beside dist/ (or the source tree in tests). */
function version(): string {
  for (const up of ["../../..", "../.."]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pkg = require(join(__dirname, up, "package.json")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "fucai-compliance" && pkg.version) return pkg.version;
    } catch {
      // not at this level
    }
  }
  return "0.0.0";
}

export function buildProgram(
  write: (s: string) => void,
  setExit: (code: number) => void,
  lang: Lang = "zh"
): Command {
  const t = TEXT[lang];
  const program = new Command("fucai")
    .description(t.program)
    .version(version(), "-V, --version", t.version)
    .helpOption("-h, --help", t.help)
    .helpCommand("help [command]", t.helpCommand)
    .addOption(new Option("--lang <lang>", t.lang).choices(["zh", "en"]).default("zh"))
    .option("--debug", t.debug)
    .exitOverride()
    .configureHelp({})
    .configureOutput({
      writeOut: (s) => write(s),
      writeErr: (s) => writeErr(s),
      outputError: (s, out) => out(localError(s, lang)),
    })
    .showHelpAfterError(t.seeHelp)
    .addHelpText("after", t.programAfter);
  program.createHelp = () => Object.assign(new LocalHelp(t), program.configureHelp());
  const common = (cmd: Command) => {
    cmd.createHelp = program.createHelp;
    return cmd
      .helpOption("-h, --help", t.help)
      .showHelpAfterError(t.seeHelp)
      .argument("<paths...>", t.paths)
      .option("--ruleset <id|file.json>", t.ruleset, DEFAULT_RULESET)
      .option("--as-of <YYYY-MM-DD>", t.asOf)
      .addOption(new Option("--lang <lang>", t.lang).choices(["zh", "en"]).default(lang))
      .option("-j, --jobs <n>", t.jobs)
      .option("--no-reviews", t.noReviews)
      .option("--debug", t.debug);
  };
  common(program.command("check").description(t.check))
    .addOption(new Option("--format <format>", t.format).choices(["text", "json"]).default("text"))
    .option("--annotate <out.xlsx|folder>", t.annotate)
    .addHelpText("after", t.checkAfter)
    .action(async (paths: string[], flags: CheckFlags) => {
      setExit(
        await runCheck(paths, { ...flags, debug: flags.debug || program.opts().debug }, write)
      );
    });
  common(program.command("summary").description(t.summary))
    .requiredOption("-o, --output <out.xlsx|out.csv>", t.output)
    .addOption(new Option("--format <format>", t.summaryFormat).choices(["xlsx", "csv"]))
    .addHelpText("after", t.summaryAfter)
    .action(async (paths: string[], flags: SummaryFlags) => {
      setExit(
        await runSummary(paths, { ...flags, debug: flags.debug || program.opts().debug }, write)
      );
    });
  const diff = program.command("diff").description(t.diff);
  diff.createHelp = program.createHelp;
  diff
    .helpOption("-h, --help", t.help)
    .showHelpAfterError(t.seeHelp)
    .argument("<earlier.xlsx>", t.earlierFile)
    .argument("<later.xlsx>", t.laterFile)
    .addOption(new Option("--format <format>", t.format).choices(["text", "json"]).default("text"))
    .option("--ruleset <id|file.json>", t.ruleset, DEFAULT_RULESET)
    .addOption(new Option("--lang <lang>", t.lang).choices(["zh", "en"]).default(lang))
    .option("--debug", t.debug)
    .addHelpText("after", t.diffAfter)
    .action(async (earlier: string, later: string, flags: DiffFlags) => {
      const debug = flags.debug || program.opts().debug;
      setExit(await runDiff(earlier, later, { ...flags, debug }, write));
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
    (s) => writeOut(s),
    (c) => (code = c),
    langOf(argv)
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    if (e instanceof UsageError) {
      writeErr(langOf(argv) === "en" ? `${e.en}\n` : `${e.zh}\n${e.en}\n`);
      return EXIT.trouble;
    }
    const debug = argv.includes("--debug");
    writeErr(
      `内部错误：${e instanceof Error ? e.message : String(e)}\nInternal error.${debug ? `\n${(e as Error).stack}` : " Run with --debug for details."}\n`
    );
    return EXIT.trouble;
  }
}
