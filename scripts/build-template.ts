/** npm run template: writes workbooks/template.xlsx from the contract and the default rule set. */
import { writeFileSync, mkdirSync } from "fs";
import { join } from "path";
import { bundledRuleSet } from "../src/engine/rulesets/ruleset";
import { buildWorkbook } from "../src/hosts/xlsx/template/build";
import { withCachedValues } from "../src/hosts/xlsx/template/cached";

async function main() {
  const out = join(__dirname, "..", "workbooks", "template.xlsx");
  mkdirSync(join(__dirname, "..", "workbooks"), { recursive: true });
  const buffer = await withCachedValues(buildWorkbook(bundledRuleSet()));
  writeFileSync(out, buffer);
  console.log(`wrote ${out} (${buffer.length} bytes)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
