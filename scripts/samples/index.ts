import type { Sample } from "./types";
import { sample as s01 } from "./s01-compliant-final";
import { sample as s02 } from "./s02-interim-behind";
import { sample as s03 } from "./s03-budget-ledger";
import { sample as s04 } from "./s04-staff-kpi";
import { sample as s05 } from "./s05-format-drift";
import { sample as s06 } from "./s06-interim-earlier";
import { sample as s07 } from "./s07-hand-kept";

export const SAMPLES: Sample[] = [s01, s02, s03, s04, s05, s06, s07];

/** Cross-project findings of the whole samples folder: "RULE severity file, file…" (files sorted). */
export const CROSS_EXPECTED: string[] = [
  "X-CONTRACTOR error 01-wupaer-final-compliant.xlsx, 03-tokezhake-budget-ledger.xlsx, 05-zhanmin-format-drift.xlsx",
  "X-PROGRAM error 01-wupaer-final-compliant.xlsx, 02-zhanmin-interim-behind.xlsx, 03-tokezhake-budget-ledger.xlsx, 04-wupaer-staff-kpi.xlsx, 05-zhanmin-format-drift.xlsx, 07-tokezhake-hand-kept.xlsx",
  "X-PROGRAM error 03-tokezhake-budget-ledger.xlsx, 07-tokezhake-hand-kept.xlsx",
  "X-PROGRAM error 01-wupaer-final-compliant.xlsx, 04-wupaer-staff-kpi.xlsx",
  "X-PROGRAM info 02-zhanmin-interim-behind.xlsx, 06-zhanmin-interim-earlier.xlsx",
  "X-STAFF error 02-zhanmin-interim-behind.xlsx, 04-wupaer-staff-kpi.xlsx",
];
