/** npm run samples: writes the sample workbooks of workbooks/samples/ from scripts/samples/. */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { buildWorkbook } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";
import { SAMPLES } from "./samples";

async function main() {
  const dir = join(__dirname, "..", "workbooks", "samples");
  mkdirSync(dir, { recursive: true });
  const ruleset = bundledRuleSet();
  for (const sample of SAMPLES) {
    const wb = buildWorkbook(ruleset, sample.content);
    sample.mutate?.(wb);
    const buffer = await withCachedValues(wb, sample.tamper);
    writeFileSync(join(dir, sample.file), sample.postWrite ? sample.postWrite(buffer) : buffer);
    console.log(`wrote workbooks/samples/${sample.file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
