/**
 * A sample workbook with rows in 审核意见, built the way `npm run samples` builds the sample
 * (scripts/samples), the rows as the pane will write them (engine/reviews/rows.ts). The
 * samples themselves are never touched.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { SAMPLES } from "../../scripts/samples";
import { checkWorkbook } from "../../src/engine/check";
import type { Finding } from "../../src/engine/findings";
import { reviewValues, type ReviewInput } from "../../src/engine/reviews/rows";
import { bundledRuleSet } from "../../src/engine/rulesets/ruleset";
import { buildWorkbook, type WorkbookContent } from "../../src/hosts/xlsx/template/build";
import { withCachedValues } from "../../src/hosts/xlsx/template/cached";
import { readWorkbookModel } from "../../src/hosts/xlsx/read-model";
import { SAMPLES_DIR } from "./cli";

export const ACCEPT: ReviewInput = {
  decision: "认可",
  reason: "经民政局批准调整预算（疏民发〔2024〕12号）",
  reviewer: "王建华",
  date: "2024-12-20",
};

/** The findings of a workbook file as the engine gives them. */
export function findingsOfFile(path: string): Finding[] {
  const model = readWorkbookModel(new Uint8Array(readFileSync(path)), path);
  return checkWorkbook(model, { ruleset: bundledRuleSet() }).findings;
}

/**
 * Writes sample `file` again to `out` with one 审核意见 row per chosen finding; rows given as
 * field values (`extra`) follow them; `alter` changes the sample's data after the rows were
 * written (a figure changed since). Returns the chosen findings, as the sample gives them.
 */
export async function reviewedSample(
  file: string,
  out: string,
  choose: (findings: Finding[]) => { finding: Finding; input: ReviewInput }[],
  extra: Record<string, string | number | null>[] = [],
  alter: (content: WorkbookContent) => WorkbookContent = (c) => c
): Promise<Finding[]> {
  const sample = SAMPLES.find((s) => s.file === file);
  if (!sample) throw new Error(`no sample ${file}`);
  const chosen = choose(findingsOfFile(join(SAMPLES_DIR, file)));
  const reviews = [...chosen.map((c) => reviewValues(c.finding, c.input).values), ...extra];
  const content = alter(structuredClone(sample.content));
  const wb = buildWorkbook(bundledRuleSet(), { ...content, reviews });
  sample.mutate?.(wb);
  const bytes = await withCachedValues(wb, sample.tamper);
  writeFileSync(out, sample.postWrite ? sample.postWrite(bytes) : bytes);
  return chosen.map((c) => c.finding);
}
