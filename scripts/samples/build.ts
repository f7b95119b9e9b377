/**
 * A sample's bytes as `npm run samples` writes them. A sample with review rows is built twice:
 * first without them, so the engine can say what it finds and give each chosen finding's
 * fingerprint, then with the rows (engine/reviews/rows.ts, as the pane writes them).
 */
import { checkWorkbook } from "../../src/engine/check";
import { reviewValues } from "../../src/engine/reviews/rows";
import type { RuleSet } from "../../src/engine/rulesets/ruleset";
import { formatSerial } from "../../src/engine/util/dates";
import { readWorkbookModel } from "../../src/hosts/xlsx/read-model";
import { buildWorkbook, type WorkbookContent } from "../../src/hosts/xlsx/template/build";
import { withCachedValues } from "../../src/hosts/xlsx/template/cached";
import type { Sample } from "./types";

async function bytesOf(sample: Sample, content: WorkbookContent, ruleset: RuleSet) {
  const wb = buildWorkbook(ruleset, content);
  sample.mutate?.(wb);
  const bytes = await withCachedValues(wb, sample.tamper);
  return sample.postWrite ? sample.postWrite(bytes) : bytes;
}

export async function sampleBytes(sample: Sample, ruleset: RuleSet): Promise<Uint8Array> {
  if (!sample.reviews) return bytesOf(sample, sample.content, ruleset);
  const bare = await bytesOf(sample, sample.content, ruleset);
  const { findings } = checkWorkbook(readWorkbookModel(bare, sample.file), { ruleset });
  const reviews = sample.reviews(findings).map(({ finding, input }) => {
    const { values, problems } = reviewValues(finding, input);
    if (problems.length) throw new Error(`${sample.file}: ${problems.map((p) => p.en).join(" ")}`);
    const { decidedOn, ...text } = values;
    return { ...text, decidedOn: decidedOn === null ? null : formatSerial(decidedOn) };
  });
  return bytesOf(sample, { ...sample.content, reviews }, ruleset);
}
