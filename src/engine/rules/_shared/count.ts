/** The common shape of record-counting targets: rows of a table, in period, counted or summed. */
import type { TableName } from "../../contract/tables";
import type { Text } from "../../i18n";
import type { Row } from "../../read/project";
import type { Measure, RuleContext, RuleFinding } from "../types";
import { atTable } from "./where";
import { inPeriod } from "./period";
import { targetVerdict } from "./target";
import { judgeRecord, tableEvidence } from "./evidence";

export interface CountSpec {
  table: TableName;
  dateKey: string;
  /** Which rows are of the kind counted (all when absent). */
  filter?: (row: Row) => boolean;
  /** Sum this numeric field instead of counting rows. */
  sumKey?: string;
  target: (ctx: RuleContext) => number;
  what: Text;
  label: Text;
  unit: Text;
  /** Why a row the filter turns away is left out ("类型不是婚姻家庭辅导"). */
  notQualifying?: Text;
  /** Why a dated row without a readable sumKey value is left out. */
  noValue?: Text;
}

/** Every row of the table, counted or left out with its reason. */
export function countEvidence(ctx: RuleContext, spec: CountSpec) {
  const filter = spec.filter;
  return tableEvidence(
    ctx.table(spec.table),
    (row) =>
      judgeRecord(ctx, row, {
        dateKey: spec.dateKey,
        sumKey: spec.sumKey,
        noValue: spec.noValue,
        notQualifying: filter
          ? (r) =>
              filter(r)
                ? null
                : (spec.notQualifying ?? { zh: "不符合条件", en: "Does not qualify" })
          : undefined,
      }),
    spec.sumKey
  );
}

export function measureCount(ctx: RuleContext, spec: CountSpec) {
  const rows = spec.filter
    ? ctx.table(spec.table).rows.filter(spec.filter)
    : ctx.table(spec.table).rows;
  const { counted, excluded } = inPeriod(ctx, rows, spec.dateKey);
  let actual = counted.length;
  if (spec.sumKey) {
    actual = 0;
    for (const r of counted)
      if (typeof r.v[spec.sumKey] === "number") actual += r.v[spec.sumKey] as number;
    actual = Math.round(actual * 100) / 100;
  }
  return { actual, excluded };
}

export function checkCount(ctx: RuleContext, spec: CountSpec): RuleFinding[] {
  const { actual, excluded } = measureCount(ctx, spec);
  return targetVerdict(ctx, {
    actual,
    target: spec.target(ctx),
    what: spec.what,
    unit: spec.unit,
    at: atTable(ctx, spec.table),
    excluded,
    evidence: countEvidence(ctx, spec),
  });
}

export function countMeasure(ctx: RuleContext, spec: CountSpec): Measure[] {
  return [
    {
      label: spec.label,
      unit: spec.unit,
      actual: measureCount(ctx, spec).actual,
      target: spec.target(ctx),
    },
  ];
}
