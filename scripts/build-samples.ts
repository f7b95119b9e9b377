/** npm run samples: writes the sample workbooks of workbooks/samples/ from scripts/samples/. */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { SAMPLES } from "./samples";
import { sampleBytes } from "./samples/build";

async function main() {
  const dir = join(__dirname, "..", "workbooks", "samples");
  mkdirSync(dir, { recursive: true });
  const ruleset = bundledRuleSet();
  for (const sample of SAMPLES) {
    writeFileSync(join(dir, sample.file), await sampleBytes(sample, ruleset));
    console.log(`wrote workbooks/samples/${sample.file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
