/**
 * HyperFormula alone, as a whole process: the check's recalculation step (compiled engine,
 * dist/) on input prepared beforehand by bench.ts (the cells a workbook's template formulas
 * reference). Its time is the floor under the check's time while HyperFormula recalculates.
 * Usage: node scripts/hf-alone.js <prepared.json>
 */
"use strict";
const { readFileSync } = require("fs");
const { join } = require("path");
const { recalculatePrepared } = require(
  join(__dirname, "..", "dist", "src", "engine", "formulas", "evaluate")
);

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = recalculatePrepared({ ...data, failures: new Map(data.failures), answered: null });
process.stdout.write(`${results.size} cells recalculated\n`);
