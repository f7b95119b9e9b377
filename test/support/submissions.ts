/**
 * Two monthly submissions of sample 02's project, as a contractor would send them: the August
 * one (sample 06, as of 2024-09-05) and an October one that, besides the new month's rows,
 * changes reported history five ways: a June purchase corrected (4,800 → 4,600), a July row
 * deleted, an August row added afterwards, a staff member's start date moved, and an early
 * activity's beneficiaries raised. For the CLI's and the summary's comparison tests.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { buildWorkbook, type WorkbookContent } from "../../src/hosts/xlsx/template/build";
import { withCachedValues } from "../../src/hosts/xlsx/template/cached";
import { bundledRuleSet } from "../../src/engine/rulesets/ruleset";
import { sample as august } from "../../scripts/samples/s06-interim-earlier";
import { interimContent } from "../../scripts/samples/s02-interim-behind";

const ruleset = bundledRuleSet();

export async function writeWorkbook(path: string, content: WorkbookContent): Promise<string> {
  writeFileSync(path, await withCachedValues(buildWorkbook(ruleset, content)));
  return path;
}

const travel = (date: string, voucher: string, summary: string, amount: number) => ({
  date,
  voucher,
  category: "服务性支出",
  subject: "交通",
  summary,
  amount,
  payee: "疏附县客运站",
});

export function augustContent(): WorkbookContent {
  const c = structuredClone(august.content);
  c.tables!.Ledger!.push(travel("2024-07-10", "记-202407-099", "入户走访交通费（重复录入）", 280));
  return c;
}

export function octoberContent(): WorkbookContent {
  const c = interimContent();
  const t = c.tables!;
  t.Ledger!.push(travel("2024-08-28", "记-202408-099", "补记：8月入户走访交通费", 320));
  t.Staff![1].joined = "2024-04-15";
  t.Activities![0].beneficiaries = 12;
  return c;
}

/**
 * The two submissions in `dir`: 08-站敏乡-8月.xlsx and 10-站敏乡-10月.xlsx, or under another
 * project code (and `prefix` before the file names) for a second project.
 */
export async function writeSubmissions(
  dir: string,
  other?: { code: string; prefix: string }
): Promise<{ earlier: string; later: string }> {
  const [august, october] = [augustContent(), octoberContent()];
  if (other) for (const c of [august, october]) c.info!.ProjectCode = other.code;
  const prefix = other?.prefix ?? "";
  return {
    earlier: await writeWorkbook(join(dir, `${prefix}08-站敏乡-8月.xlsx`), august),
    later: await writeWorkbook(join(dir, `${prefix}10-站敏乡-10月.xlsx`), october),
  };
}
