/**
 * A cap's or target's pace in three figures a clerk reads at a glance (review-cycle.md section
 * 3): a cap's spending so far, what is left under it and where it lands at the contract end; a
 * target's figure so far, what is needed each month from now on and where it lands. A projected
 * overrun says the month it would be crossed. Figures come from the finding; nothing is
 * recomputed but the monthly average the message also gives.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Warning16Filled } from "@fluentui/react-icons";
import type { Lang } from "../../engine/i18n";
import type { Stage } from "../../engine/stage";
import type { CheckedWorkbook } from "../../engine/summary/model";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  cell: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  value: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  unit: { fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightRegular },
  over: { color: tokens.colorPaletteDarkOrangeForeground1 },
  caption: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  cross: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "flex-start",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

const cents = (v: number) => Math.round(v * 100) / 100;
const paren = (t: string, lang: Lang) => (lang === "zh" ? `（${t}）` : ` (${t})`);

export const num = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

const figure = (f: UiFinding, key: string): number | null => {
  const v = f.figures?.[key];
  return typeof v === "number" ? v : null;
};

/** 'cap' (headroom in its figures), 'target' (a monthly rate needed), or null: no pace. */
export function paceKind(f: UiFinding): "cap" | "target" | null {
  if (figure(f, "headroom") !== null && figure(f, "actual") !== null) return "cap";
  if (figure(f, "neededPerMonth") !== null && figure(f, "target") !== null) return "target";
  return null;
}

/**
 * What to call a pace and its unit: a target by its measure ("培训人次", 人次), a category's
 * plan by its category, a cap by its rule's name, in yuan.
 */
export function paceLabel(
  f: UiFinding,
  result: Pick<CheckedWorkbook, "measures"> | null,
  lang: Lang,
  s: Strings
): { name: string; unit: string } {
  const title = f.title?.[lang] ?? f.rule;
  if (paceKind(f) === "cap") {
    const category = f.figures?.category;
    const name =
      typeof category === "string"
        ? lang === "zh"
          ? `「${category}」本类预算`
          : `${category}: its plan`
        : title;
    return { name, unit: s.pace.yuan };
  }
  const m = result?.measures
    .find((x) => x.rule === f.rule)
    ?.measures.find((x) => x.target === figure(f, "target") && x.actual === figure(f, "actual"));
  return { name: m?.label[lang] ?? title, unit: m?.unit[lang] ?? "" };
}

function Cell({
  label,
  value,
  unit,
  over,
}: {
  label: string;
  value: string;
  unit?: string;
  over?: boolean;
}) {
  const styles = useStyles();
  return (
    <span className={styles.cell}>
      <span className={styles.label}>{label}</span>
      <span className={mergeClasses(styles.value, over && styles.over)}>
        {value}
        {unit ? <span className={styles.unit}> {unit}</span> : null}
      </span>
    </span>
  );
}

export interface PaceLineProps {
  f: UiFinding;
  stage: Stage;
  unit: string;
  lang: Lang;
  s: Strings;
  /** One line (under a problem, whose message says the rest): where it lands, and when it crosses. */
  compact?: boolean;
}

export function PaceLine({ f, stage, unit, lang, s, compact }: PaceLineProps) {
  const styles = useStyles();
  const p = s.pace;
  const kind = paceKind(f);
  if (!kind) return null;
  const actual = figure(f, "actual")!;
  const projected = figure(f, "projected");
  const sep = lang === "zh" ? "，" : ", ";
  if (kind === "cap") {
    const key = ["cap", "planned", "limit"].find((k) => figure(f, k) !== null) ?? "cap";
    const limit = figure(f, key);
    const headroom = figure(f, "headroom")!;
    const cross = typeof f.figures?.crossMonth === "string" ? f.figures.crossMonth : null;
    const projectedOver = projected !== null && limit !== null && projected > limit;
    const average = stage.monthsElapsed > 0 ? actual / stage.monthsElapsed : null;
    const crossLine = cross && (
      <span className={styles.cross} data-testid="pace-cross">
        <Warning16Filled aria-hidden="true" />
        <span>
          {p.cross(p.month(cross))}
          {projectedOver && limit !== null
            ? paren(p.projectedOver(`${num(cents(projected! - limit))} ${unit}`), lang)
            : ""}
        </span>
      </span>
    );
    if (compact)
      return (
        <div className={styles.root} data-pace="cap" data-cross={cross ?? undefined}>
          {crossLine ??
            (projected !== null && (
              <span className={styles.caption}>
                {p.projected} {num(projected)} {unit}
              </span>
            ))}
        </div>
      );
    return (
      <div className={styles.root} data-pace="cap" data-cross={cross ?? undefined}>
        <div className={styles.grid}>
          <Cell label={p.spent} value={num(actual)} unit={unit} />
          {headroom >= 0 ? (
            <Cell label={p.headroom} value={num(headroom)} unit={unit} />
          ) : (
            <Cell label={p.overBy} value={num(-headroom)} unit={unit} over />
          )}
          <Cell
            label={p.projected}
            value={projected === null ? "—" : num(projected)}
            unit={projected === null ? undefined : unit}
            over={projectedOver}
          />
        </div>
        <span className={styles.caption}>
          {limit !== null && `${p.limitOf[key]} ${num(limit)} ${unit}`}
          {average === null
            ? `${sep}${p.noRate}`
            : average > 0
              ? `${sep}${p.perMonth(num(cents(average)))}`
              : ""}
        </span>
        {crossLine}
      </div>
    );
  }
  const target = figure(f, "target")!;
  const needed = figure(f, "neededPerMonth")!;
  const expected = figure(f, "expected");
  if (compact)
    return (
      <div className={styles.root} data-pace="target">
        <span className={styles.caption}>
          {needed > 0 ? `${p.needed} ${num(needed)} ${unit}` : p.reached}
          {projected !== null && ` · ${p.projected} ${num(projected)} ${unit}`}
        </span>
      </div>
    );
  return (
    <div className={styles.root} data-pace="target">
      <div className={styles.grid}>
        <Cell label={p.done} value={`${num(actual)} / ${num(target)}`} unit={unit} />
        {needed > 0 ? (
          <Cell label={p.needed} value={num(needed)} unit={unit} />
        ) : (
          <Cell label={p.standing} value={p.reached} />
        )}
        <Cell
          label={p.projected}
          value={projected === null ? "—" : num(projected)}
          unit={projected === null ? undefined : unit}
          over={projected !== null && projected < target}
        />
      </div>
      <span className={styles.caption}>
        {`${p.target} ${num(target)}${unit ? ` ${unit}` : ""}`}
        {expected !== null && expected < target ? `${sep}${p.due} ${num(expected)}` : ""}
      </span>
    </div>
  );
}
