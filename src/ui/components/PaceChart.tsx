/**
 * One cap or target as a picture: the figure summed month by month so far (solid), at this rate
 * on to the contract end (dashed), against the cap or target line. Plain SVG, sized by its
 * container (it fits a 350 px pane); a title and a text alternative say the same in words, and
 * a legend names each line by its look as well as its colour.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/i18n";
import type { PaceSeries } from "../../engine/pace-series";
import { formatSerial } from "../../engine/util/dates";
import type { Strings } from "../strings";
import { num } from "./PaceLine";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    maxWidth: "520px",
  },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

const W = 320;
const H = 150;
const PAD = { left: 46, right: 12, top: 14, bottom: 22 };

/** A round top for the axis at or above v, close enough that the lines use the height. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** Short figures for the axis: 100,000 as 10万 / 100k. */
function axisNum(v: number, lang: Lang): string {
  if (lang === "zh" && v >= 10000) return `${num(v / 10000)}万`;
  if (lang === "en" && v >= 1000) return `${num(v / 1000)}k`;
  return num(v);
}

export interface PaceChartProps {
  series: PaceSeries;
  name: string;
  unit: string;
  asOf: number;
  lang: Lang;
  s: Strings;
}

export function PaceChart({ series, name, unit, asOf, lang, s }: PaceChartProps) {
  const styles = useStyles();
  const p = s.pace;
  const id = React.useId();
  const T = series.months.length;
  const M = series.cumulative.length - 1;
  const actual = series.cumulative[M];
  const top = niceMax(Math.max(series.limit, series.projected, actual) * 1.05);
  const x = (k: number) => PAD.left + (k / T) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const cap = series.kind === "cap";
  const lineColour = cap ? tokens.colorPaletteRedForeground1 : tokens.colorPaletteGreenForeground1;
  const ink = tokens.colorBrandForeground1;
  const points = series.cumulative.map((v, k) => `${x(k)},${y(v)}`).join(" ");
  // Where the dashed projection meets a cap: the month it would be crossed.
  const crossK = cap && series.crossMonth && actual > 0 ? (series.limit / actual) * M : null;
  const u = unit ? ` ${unit}` : "";
  const limitWord = cap ? p.legendCap : p.legendTarget;
  const text = p.chartText({
    name,
    points: series.cumulative
      .slice(1)
      .map((v, i) => `${p.month(series.months[i])} ${num(v)}`)
      .join(lang === "zh" ? "，" : ", "),
    asOf: formatSerial(asOf),
    actual: `${num(actual)}${u}`,
    end: p.month(series.months[T - 1]),
    projected: `${num(series.projected)}${u}`,
    line: limitWord,
    limit: `${num(series.limit)}${u}`,
  });
  const cross = series.crossMonth ? ` ${p.cross(p.month(series.crossMonth))}` : "";
  // Month labels under their month's end; every other one when there are many.
  const every = T > 12 ? Math.ceil(T / 12) : 1;
  return (
    <figure className={styles.root} style={{ margin: 0 }} data-testid="pace-chart">
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{p.chartTitle(name)}</title>
        <desc id={`${id}-d`}>{text + cross}</desc>
        <g fontSize="9" fill={tokens.colorNeutralForeground3}>
          <text x={PAD.left - 4} y={y(0) + 3} textAnchor="end">
            0
          </text>
          <text x={PAD.left - 4} y={y(series.limit) + 3} textAnchor="end">
            {axisNum(series.limit, lang)}
          </text>
          {series.months.map((m, i) =>
            (i + 1) % every === 0 || i === T - 1 ? (
              <text key={m + i} x={x(i + 1)} y={H - PAD.bottom + 12} textAnchor="middle">
                {p.shortMonth(m)}
              </text>
            ) : null
          )}
        </g>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(0)}
          y2={y(0)}
          stroke={tokens.colorNeutralStroke1}
        />
        <line
          x1={x(M)}
          x2={x(M)}
          y1={PAD.top}
          y2={y(0)}
          stroke={tokens.colorNeutralStroke2}
          strokeDasharray="1 2"
        />
        <line
          data-series="limit"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(series.limit)}
          y2={y(series.limit)}
          stroke={lineColour}
          strokeWidth="1.5"
        />
        <polyline data-series="actual" points={points} fill="none" stroke={ink} strokeWidth="2" />
        {series.cumulative.map((v, k) => (
          <circle key={k} cx={x(k)} cy={y(v)} r="2" fill={ink} />
        ))}
        <line
          data-series="projection"
          x1={x(M)}
          y1={y(actual)}
          x2={x(T)}
          y2={y(series.projected)}
          stroke={ink}
          strokeWidth="2"
          strokeDasharray="5 4"
        />
        <circle cx={x(T)} cy={y(series.projected)} r="2.5" fill="none" stroke={ink} />
        {crossK !== null && crossK <= T && (
          <circle
            data-series="cross"
            cx={x(crossK)}
            cy={y(series.limit)}
            r="4"
            fill="none"
            stroke={lineColour}
            strokeWidth="1.5"
          />
        )}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span className={styles.key}>
          <svg width="18" height="6">
            <line x1="0" x2="18" y1="3" y2="3" stroke={ink} strokeWidth="2" />
          </svg>
          {p.legendActual} {num(actual)}
        </span>
        <span className={styles.key}>
          <svg width="18" height="6">
            <line x1="0" x2="18" y1="3" y2="3" stroke={ink} strokeWidth="2" strokeDasharray="5 3" />
          </svg>
          {p.legendProjected} {num(series.projected)}
        </span>
        <span className={styles.key}>
          <svg width="18" height="6">
            <line x1="0" x2="18" y1="3" y2="3" stroke={lineColour} strokeWidth="1.5" />
          </svg>
          {limitWord} {num(series.limit)}
        </span>
      </figcaption>
      {series.undated > 0 && <span className={styles.note}>{p.undated(series.undated)}</span>}
    </figure>
  );
}
