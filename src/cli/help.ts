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
    paths: "工作簿文件或文件夹",
    ruleset: "规则集：内置编号或 JSON 文件",
    asOf: "按此日期检查，代替工作簿中的报告截止日期（格式 YYYY-MM-DD）",
    format: "输出格式",
    summaryFormat: "汇总格式（默认按输出文件扩展名）",
    annotate: "写出标注副本（一个文件时为 .xlsx 路径，多个文件时为文件夹）",
    jobs: "同时检查的文件数（默认：全部处理器核心）",
    output: "汇总输出文件（.xlsx 或 .csv）",
    checkAfter: `
示例：
  fucai check workbooks/samples                 检查文件夹中的全部工作簿并做跨项目检查
  fucai check 项目.xlsx --as-of 2024-08-31       按中期评估日期检查
  fucai check 项目.xlsx --annotate 标注.xlsx     写出标注副本
  fucai check 项目.xlsx --format json            输出 JSON（供其他程序使用）

退出码：
  0  全部文件已读取，没有错误
  1  有错误（含跨项目错误）
  2  有文件无法读取，或参数有误
  3  既有错误，又有文件无法读取（1 与 2 同时成立）`,
    summaryAfter: `
示例：
  fucai summary workbooks/samples -o 汇总.xlsx
  fucai summary 报送/ -o 汇总.csv --as-of 2024-08-31

退出码：
  0  已写出汇总（无法读取的文件列在「读取失败」表中并在屏幕上提示）
  2  参数有误或无法写出汇总，未写出任何文件`,
    programAfter: `
示例：
  fucai check 项目.xlsx
  fucai summary 报送/ -o 汇总.xlsx
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
    paths: "workbook files or folders",
    ruleset: "rule set: a bundled id or a JSON file",
    asOf: "check as of this date instead of the workbook's reporting date (YYYY-MM-DD)",
    format: "output format",
    summaryFormat: "summary format (default: from the output file's extension)",
    annotate: "write an annotated copy (an .xlsx path for one file, a folder for several)",
    jobs: "files checked at once (default: every processor core)",
    output: "summary file to write (.xlsx or .csv)",
    checkAfter: `
Examples:
  fucai check workbooks/samples                 every workbook in the folder, and across projects
  fucai check project.xlsx --as-of 2024-08-31   as of a mid-term evaluation date
  fucai check project.xlsx --annotate out.xlsx  write an annotated copy
  fucai check project.xlsx --format json        one JSON document for other programs

Exit codes:
  0  every file read, no errors
  1  errors found (in a file or across projects)
  2  a file could not be read, or the arguments are wrong
  3  errors found and a file could not be read (1 and 2 together)`,
    summaryAfter: `
Examples:
  fucai summary workbooks/samples -o summary.xlsx
  fucai summary submissions/ -o summary.csv --as-of 2024-08-31

Exit codes:
  0  the summary was written (unreadable files are listed on its 读取失败 sheet and here)
  2  wrong arguments, or the summary could not be written: no file was written`,
    programAfter: `
Examples:
  fucai check project.xlsx
  fucai summary submissions/ -o summary.xlsx
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
    return s.replace(/\[options\]|\[command\]|<paths\.\.\.>/g, (m) => w[m] ?? m);
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
    (m) => `参数错误：没有命令「${m[1]}」，可用 check 或 summary。`,
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
