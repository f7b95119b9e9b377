/**
 * The command line in one language at a time: Chinese by default, English with --lang en.
 * Commander writes its own words ("Usage:", "(default: …)", "error: unknown option …"); they
 * are translated here, through its Help hooks and its error output.
 */
import { Help, type Argument, type Command, type Option } from "commander";
import type { Lang } from "../engine/i18n";

export const TEXT = {
  zh: {
    program: "福彩公益金项目合规检查：按实施方案检查项目工作簿，写出标注副本和汇总工作簿。",
    version: "显示版本号",
    help: "显示帮助",
    helpCommand: "显示某个命令的帮助",
    debug: "出错时显示程序内部信息（供开发人员使用）",
    lang: "输出语言：zh 中文，en 英文",
    check: "检查项目工作簿（可给出多个文件或文件夹）",
    summary: "检查多个项目工作簿并写出民政局汇总工作簿",
    diff: "比较同一项目的两次报送：各表增删改、追溯修改、指标与预算前后对比、问题变化",
    earlierFile: "较早的一次报送（.xlsx）",
    laterFile: "较晚的一次报送（.xlsx）",
    paths: "工作簿文件或文件夹",
    ruleset: "规则集：内置编号或 JSON 文件",
    asOf: "按此日期检查，代替工作簿中的报告截止日期（格式 YYYY-MM-DD）",
    format: "输出格式",
    summaryFormat: "汇总格式（默认按输出文件扩展名）",
    annotate: "写出标注副本（一个文件时为 .xlsx 路径，多个文件时为文件夹）",
    jobs: "同时检查的文件数（默认：全部处理器核心）",
    output: "汇总输出文件（.xlsx 或 .csv）",
    noReviews: "不采用工作簿「审核意见」表中的情况说明和处理意见，按原始结果检查",
    checkAfter: `
示例：
  fucai check workbooks/samples                 检查文件夹中的全部工作簿并做跨项目检查
  fucai check 项目.xlsx --as-of 2024-08-31       按中期评估日期检查
  fucai check 项目.xlsx --annotate 标注.xlsx     写出标注副本
  fucai check 项目.xlsx --format json            输出 JSON（供其他程序使用）
  fucai check 项目.xlsx --no-reviews             不采用「审核意见」，查看原始结果

「审核意见」表中处理意见为「认可」的问题仍会列出，标为「已认可」并单独计数，
不计入错误、警告和退出码；填写了情况说明或其他处理意见的问题照常计数。

退出码：
  0  全部文件已读取，没有错误（已认可的问题不算）
  1  有错误（含跨项目错误）
  2  有文件无法读取，或参数有误
  3  既有错误，又有文件无法读取（1 与 2 同时成立）`,
    summaryAfter: `
示例：
  fucai summary workbooks/samples -o 汇总.xlsx
  fucai summary 报送/ -o 汇总.csv --as-of 2024-08-31
  fucai summary 报送/ -o 汇总.xlsx --no-reviews   不采用各工作簿的「审核意见」

汇总工作簿的「汇总-审核意见」表列出各项目已认可的问题及其理由和处理人。

退出码：
  0  已写出汇总（无法读取的文件列在「读取失败」表中并在屏幕上提示）
  2  参数有误或无法写出汇总，未写出任何文件`,
    diffAfter: `
两份工作簿须为同一项目编号；按报告截止日期确定先后（相同时以文件修改时间较晚者为较晚报送，
并给出提示）。较晚报送中，日期在较早报送截止日期及以前的台账、活动、大赛、培训、慈善资源、
典型案例、婚姻家庭档案、社区社会组织记录被新增、删除或修改，或人员、督导的日期被修改，
即为追溯修改（SUB-RETRO，警告），每行一条。身份证号一律脱敏显示。

示例：
  fucai diff 8月报送.xlsx 9月报送.xlsx
  fucai diff 8月报送.xlsx 9月报送.xlsx --format json

JSON 输出（--format json）：
  {"project":{"code","name"},
   "earlier"/"later":{"file","asOf","stage","modified"},
   "notes":[{"kind","severity":"info","message":{"zh","en"}}],
   "info":[{"field","header":{"zh","en"},"old","new"}],
   "tables":[{"table","sheet","added","removed","changed","unchanged","retro","missingIn"?,
              "rows":[{"change":"added|removed|changed","label","earlierRow","laterRow",
                       "sheet","cell","retro","fields":[{"field","header","old","new"}]}]}],
   "findings":[追溯修改，格式同 check 的问题],
   "kpis":[{"rule","label","unit","target","earlier","later","dueEarlier","dueLater"}],
   "budget":[{"category","label","limit","kind","planned":{"earlier","later"},
              "actual":{"earlier","later"}}],
   "checks":{"counts":{"new","resolved","persisting"},"new":[…],"resolved":[…],"persisting":[…]}}
  无法比较时：{"error":{"zh","en"},"reason":"unreadable|different-projects|no-code|no-as-of","file"?}

退出码：
  0  没有追溯修改
  1  有追溯修改
  2  有文件无法读取、两份工作簿不是同一项目，或参数有误`,
    programAfter: `
示例：
  fucai check 项目.xlsx
  fucai summary 报送/ -o 汇总.xlsx
  fucai diff 8月报送.xlsx 9月报送.xlsx   比较同一项目的两次报送
  fucai check --help           查看 check 命令的全部选项

英文帮助：fucai --help --lang en`,
    titles: {
      "Usage:": "用法：",
      "Options:": "选项：",
      "Commands:": "命令：",
      "Arguments:": "参数：",
      "Global Options:": "全局选项：",
    } as Record<string, string>,
    defaultIs: "默认",
    choicesAre: "可选",
    usageWords: {
      "[options]": "[选项]",
      "[command]": "[命令]",
      "<paths...>": "<文件或文件夹...>",
      "<earlier.xlsx>": "<较早报送.xlsx>",
      "<later.xlsx>": "<较晚报送.xlsx>",
    } as Record<string, string>,
    seeHelp: "用 --help 查看用法。",
  },
  en: {
    program:
      "Compliance checks for welfare-lottery-funded community projects: checks project workbooks against the implementation plan, writes annotated copies and the bureau's summary.",
    version: "show the version",
    help: "show help",
    helpCommand: "show help for a command",
    debug: "show the program's internal details on errors (for developers)",
    lang: "output language: zh Chinese, en English",
    check: "check project workbooks (files or folders)",
    summary: "check several project workbooks and write the bureau's summary workbook",
    diff: "compare two submissions of one project: rows added, removed and changed, retroactive changes, KPIs and budget then and now, findings",
    earlierFile: "the earlier submission (.xlsx)",
    laterFile: "the later submission (.xlsx)",
    paths: "workbook files or folders",
    ruleset: "rule set: a bundled id or a JSON file",
    asOf: "check as of this date instead of the workbook's reporting date (YYYY-MM-DD)",
    format: "output format",
    summaryFormat: "summary format (default: from the output file's extension)",
    annotate: "write an annotated copy (an .xlsx path for one file, a folder for several)",
    jobs: "files checked at once (default: every processor core)",
    output: "summary file to write (.xlsx or .csv)",
    noReviews:
      "ignore the explanations and decisions on the workbook's review sheet: the bare result",
    checkAfter: `
Examples:
  fucai check workbooks/samples                 every workbook in the folder, and across projects
  fucai check project.xlsx --as-of 2024-08-31   as of a mid-term evaluation date
  fucai check project.xlsx --annotate out.xlsx  write an annotated copy
  fucai check project.xlsx --format json        one JSON document for other programs
  fucai check project.xlsx --no-reviews         the bare result, without 审核意见

A finding accepted on the workbook's 审核意见 sheet (decision 认可) is still listed, marked
accepted and counted apart, not as an error or warning nor in the exit code; an explanation
or another decision leaves it counted as before.

Exit codes:
  0  every file read, no errors (accepted findings aside)
  1  errors found (in a file or across projects)
  2  a file could not be read, or the arguments are wrong
  3  errors found and a file could not be read (1 and 2 together)`,
    summaryAfter: `
Examples:
  fucai summary workbooks/samples -o summary.xlsx
  fucai summary submissions/ -o summary.csv --as-of 2024-08-31
  fucai summary submissions/ -o summary.xlsx --no-reviews   without each workbook's 审核意见

The summary's 汇总-审核意见 sheet lists every accepted finding with its reason and reviewer.

Exit codes:
  0  the summary was written (unreadable files are listed on its 读取失败 sheet and here)
  2  wrong arguments, or the summary could not be written: no file was written`,
    diffAfter: `
Both workbooks must carry the same project code; the earlier reporting date is the earlier
submission (on the same date the file modified last is the later one, and an info says so).
A ledger, activity, contest, training, charity, case, family-file or organisation row dated on
or before the earlier reporting date that the later submission added, removed or changed, or a
staff or supervisor date changed in that period, is a retroactive change (SUB-RETRO, warning),
one per row. ID numbers are always masked.

Examples:
  fucai diff august.xlsx september.xlsx
  fucai diff august.xlsx september.xlsx --format json --lang en

JSON (--format json):
  {"project":{"code","name"},
   "earlier"/"later":{"file","asOf","stage","modified"},
   "notes":[{"kind","severity":"info","message":{"zh","en"}}],
   "info":[{"field","header":{"zh","en"},"old","new"}],
   "tables":[{"table","sheet","added","removed","changed","unchanged","retro","missingIn"?,
              "rows":[{"change":"added|removed|changed","label","earlierRow","laterRow",
                       "sheet","cell","retro","fields":[{"field","header","old","new"}]}]}],
   "findings":[retroactive changes, shaped as check's findings],
   "kpis":[{"rule","label","unit","target","earlier","later","dueEarlier","dueLater"}],
   "budget":[{"category","label","limit","kind","planned":{"earlier","later"},
              "actual":{"earlier","later"}}],
   "checks":{"counts":{"new","resolved","persisting"},"new":[…],"resolved":[…],"persisting":[…]}}
  when there is nothing to compare: {"error":{"zh","en"},"reason":"unreadable|different-projects|no-code|no-as-of","file"?}

Exit codes:
  0  no retroactive changes
  1  retroactive changes found
  2  a file could not be read, the workbooks are not one project's, or the arguments are wrong`,
    programAfter: `
Examples:
  fucai check project.xlsx
  fucai summary submissions/ -o summary.xlsx
  fucai diff august.xlsx september.xlsx   two submissions of one project compared
  fucai check --help           every option of the check command`,
    titles: {} as Record<string, string>,
    defaultIs: "default",
    choicesAre: "choices",
    usageWords: {} as Record<string, string>,
    seeHelp: "(use --help for usage)",
  },
};

export type CliText = (typeof TEXT)["zh"];

/** Commander's help in the chosen language. */
export class LocalHelp extends Help {
  constructor(private readonly text: CliText) {
    super();
  }

  override styleTitle(str: string): string {
    return super.styleTitle(this.text.titles[str] ?? str);
  }

  override commandUsage(cmd: Command): string {
    return this.words(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.words(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    return this.local(super.optionDescription(option));
  }

  override argumentDescription(argument: Argument): string {
    return this.local(super.argumentDescription(argument));
  }

  /** "[options]", "[command]" and "<paths...>" in the usage lines. */
  private words(s: string): string {
    const w = this.text.usageWords;
    return s.replace(/\[options\]|\[command\]|<[^<>\s]+>/g, (m) => w[m] ?? m);
  }

  /** "(choices: "zh", "en", default: "zh")" -> "（可选："zh", "en"；默认："zh"）". */
  private local(s: string): string {
    if (!this.text.usageWords["[options]"]) return s;
    return s.replace(/ ?\(((?:choices|default|preset): .*)\)$/, (_, inside: string) => {
      const parts = inside.split(/, (?=choices:|default:|preset:)/).map((p) =>
        p
          .replace(/^choices: /, `${this.text.choicesAre}：`)
          .replace(/^default: /, `${this.text.defaultIs}：`)
          .replace(/^preset: /, `${this.text.defaultIs}：`)
      );
      return `（${parts.join("；")}）`;
    });
  }
}

const ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: unknown option '([^']*)'/, (m) => `参数错误：没有选项「${m[1]}」。`],
  [
    /^error: unknown command '([^']*)'/,
    (m) => `参数错误：没有命令「${m[1]}」，可用 check、summary 或 diff。`,
  ],
  [
    /^error: missing required argument '(earlier\.xlsx|later\.xlsx)'/,
    () => "参数错误：请给出要比较的两个工作簿：较早的一次报送和较晚的一次报送。",
  ],
  [
    /^error: missing required argument '([^']*)'/,
    () => "参数错误：请给出要检查的工作簿文件或文件夹。",
  ],
  [/^error: option '([^']*)' argument missing/, (m) => `参数错误：选项「${m[1]}」缺少取值。`],
  [/^error: required option '([^']*)' not specified/, (m) => `参数错误：必须给出选项「${m[1]}」。`],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.\n]*)\./,
    (m) => `参数错误：选项「${m[1]}」的取值「${m[2]}」无效，可选：${m[3]}。`,
  ],
  [/^error: too many arguments/, () => "参数错误：参数过多。"],
];

/** Commander's error line in the chosen language (English stays as Commander wrote it). */
export function localError(message: string, lang: Lang): string {
  if (lang === "en") return message;
  for (const [re, zh] of ERRORS) {
    const m = re.exec(message);
    if (m) {
      const hint = /\(Did you mean ([^?]*)\?\)/.exec(message);
      return `${zh(m)}${hint ? `是否要用 ${hint[1]}？` : ""}\n`;
    }
  }
  return message.replace(/^error: /, "参数错误：");
}
