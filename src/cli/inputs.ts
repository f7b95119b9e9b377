/** Command-line inputs: files and folders to workbook paths, and the rule set to use. */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { extname, join, resolve } from "path";
import { sheetNames } from "../hosts/xlsx/read-model";
import { SUMMARY_PREFIX } from "../engine/contract/tables";
import { OVERVIEW_SHEET, UNREADABLE_SHEET } from "../hosts/xlsx/summary-names";
import {
  bundledRuleSet,
  parseRuleSet,
  BUNDLED_RULESETS,
  RuleSetError,
  type RuleSet,
} from "../engine/rulesets/ruleset";

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string
  ) {
    super(en);
  }
}

const WORKBOOK_EXT = new Set([".xlsx", ".xlsm"]);
/** Annotated copies this tool wrote are never inputs of a folder run. */
export const ANNOTATED_SUFFIX = ".annotated.xlsx";

/** Same file on disk (paths, links and hard links alike)? */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuse any output that is, or leads to, one of the inputs. */
export function refuseInputsAsOutputs(inputs: string[], outputs: (string | undefined)[]): void {
  for (const out of outputs) {
    if (!out) continue;
    const clash = inputs.find((i) => sameFile(i, out));
    if (clash) {
      throw new UsageError(
        `输出文件「${out}」就是输入文件「${clash}」，为保护原文件已拒绝写入，请另选输出位置。`,
        `The output "${out}" is the input "${clash}"; refusing to write over it. Choose another output.`
      );
    }
  }
}

/**
 * Files as given, folders expanded to the workbooks directly inside them: Office lock files
 * (~$…), our annotated copies and our own summary workbooks (a summary written into the
 * folder it summarises) are skipped, and `skipped` hears of each summary left out.
 */
export function expandInputs(
  inputs: string[],
  skipped?: (file: string, why: "summary" | "empty folder") => void
): string[] {
  const files: string[] = [];
  const empty: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const found = readdirSync(input)
        .filter(
          (n) =>
            WORKBOOK_EXT.has(extname(n).toLowerCase()) &&
            !n.startsWith("~$") &&
            !n.startsWith(".") &&
            !n.toLowerCase().endsWith(ANNOTATED_SUFFIX)
        )
        .sort()
        .map((n) => join(input, n))
        .filter((f) => {
          if (!isOwnSummary(f)) return true;
          skipped?.(f, "summary");
          return false;
        });
      if (!found.length) empty.push(input);
      files.push(...found);
    } else files.push(input);
  }
  // An empty folder among other inputs is said and passed over; alone, there is nothing to do.
  if (!files.length && empty.length)
    throw new UsageError(
      `文件夹「${empty[0]}」中没有 .xlsx 工作簿。`,
      `Folder "${empty[0]}" holds no .xlsx workbook.`
    );
  for (const folder of empty) skipped?.(folder, "empty folder");
  return files;
}

/** A summary workbook this tool wrote: every sheet one of the summary's own. */
function isOwnSummary(file: string): boolean {
  try {
    const names = sheetNames(new Uint8Array(readFileSync(file)));
    return (
      names.length > 0 &&
      names.includes(OVERVIEW_SHEET) &&
      names.every((n) => n.startsWith(SUMMARY_PREFIX) || n === UNREADABLE_SHEET)
    );
  } catch {
    return false; // not readable here: the check will say why
  }
}

/** A rule set file is a page of JSON; anything larger is not one of ours. */
const MAX_RULESET_BYTES = 1024 * 1024;

/** A bundled rule set by name, or a rule set file (.json) by path. */
export function loadRuleSet(spec: string): RuleSet {
  try {
    if (Object.hasOwn(BUNDLED_RULESETS, spec)) return bundledRuleSet(spec);
    if (spec.endsWith(".json") && existsSync(spec)) {
      // A folder, a pipe or a device is no rule set: never opened (a pipe would wait forever).
      const stat = statSync(spec);
      if (!stat.isFile())
        throw new UsageError(`规则集「${spec}」不是文件。`, `Rule set "${spec}" is not a file.`);
      if (stat.size > MAX_RULESET_BYTES)
        throw new UsageError(
          `规则集文件「${spec}」过大（上限 1 MB）。`,
          `Rule set file "${spec}" is too large (the limit is 1 MB).`
        );
      return parseRuleSet(JSON.parse(readFileSync(spec, "utf8")), spec);
    }
  } catch (e) {
    if (e instanceof RuleSetError || e instanceof SyntaxError) {
      throw new UsageError(
        `规则集「${spec}」无效：${e.message}`,
        `Rule set "${spec}" is not valid: ${e.message}`
      );
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM")
      throw new UsageError(
        `没有读取规则集文件「${spec}」的权限。`,
        `No permission to read the rule set file "${spec}".`
      );
    throw e;
  }
  throw new UsageError(
    `未知的规则集「${spec}」；可用：${Object.keys(BUNDLED_RULESETS).join("、")}，或规则集 .json 文件路径。`,
    `Unknown rule set "${spec}"; bundled: ${Object.keys(BUNDLED_RULESETS).join(", ")}, or give the path of a rule set .json file.`
  );
}
