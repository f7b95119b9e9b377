/**
 * A read-only view of one workbook (standalone mode), meant to behave like Excel: sheet tabs
 * with how many findings each holds, numbers in the workbook's own formats, row numbers and
 * the header row kept in view, flagged cells coloured (with a legend), the reasons on hover,
 * and a click on a flagged cell selecting its finding. It opens on the first sheet with
 * findings, or on the sheet of the finding the user chose.
 */
import * as React from "react";
import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseRange, columnLetters, a1 } from "../../engine/util/address";
import type { Severity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { SheetInfo, UiFinding } from "../protocol";
import type { Strings } from "../strings";

export const WINDOW_ROWS = 60;
const MAX_COLS = 26;
const ROW_HEIGHT = 24;

const MARK = {
  error: { background: "#FDE7E9", color: "#000" },
  warning: { background: "#FFF4CE", color: "#000" },
  info: { background: "#DEECF9", color: "#000" },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { overflowX: "auto", minWidth: 0 },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  th: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    background: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    fontWeight: tokens.fontWeightSemibold,
  },
  corner: { left: 0, zIndex: 4 },
  frozen: {
    position: "sticky",
    top: `${ROW_HEIGHT}px`,
    zIndex: 1,
    background: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    background: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  frozenHead: { top: `${ROW_HEIGHT}px`, zIndex: 3 },
  td: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
  },
  number: { textAlign: "right" },
  marked: { cursor: "pointer" },
  error: MARK.error,
  warning: MARK.warning,
  info: MARK.info,
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  legend: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
    fontSize: tokens.fontSizeBase200,
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    marginRight: "4px",
    verticalAlign: "middle",
  },
});

export interface PreviewProps {
  sheets: SheetInfo[];
  findings: UiFinding[];
  /** "Sheet!A1" of the finding the user chose. */
  target: { sheet: string; cell: string } | null;
  fetchRows(sheet: string, from: number, count: number, cols: number): Promise<(string | null)[][]>;
  /** A flagged cell was clicked: its (most severe) finding. */
  onSelectFinding?(f: UiFinding): void;
  lang: Lang;
  s: Strings;
}

const ORDER: Severity[] = ["error", "warning", "info"];

/** Cell address -> the findings on it, most severe first. */
function findingsByCell(findings: UiFinding[], sheet: string): Map<string, UiFinding[]> {
  const byCell = new Map<string, UiFinding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet || !f.cell || f.status) continue;
    const range = parseRange(f.cell);
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, range.start.row + 200); r += 1)
      for (let c = range.start.col; c <= Math.min(range.end.col, MAX_COLS - 1); c += 1) {
        const key = a1(r, c);
        const list = byCell.get(key) ?? [];
        list.push(f);
        byCell.set(key, list);
      }
  }
  for (const list of byCell.values())
    list.sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return byCell;
}

function countsBySheet(findings: UiFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings)
    if (f.sheet && !f.status) counts.set(f.sheet, (counts.get(f.sheet) ?? 0) + 1);
  return counts;
}

const NUMBER_TEXT = /^[-+(]?[¥$]?[\d,]+(\.\d+)?%?\)?$/;

export function Preview({
  sheets,
  findings,
  target,
  fetchRows,
  onSelectFinding,
  lang,
  s,
}: PreviewProps) {
  const styles = useStyles();
  const perSheet = React.useMemo(() => countsBySheet(findings), [findings]);
  const [sheet, setSheet] = React.useState(
    () =>
      sheets.find((x) => x.name === target?.sheet)?.name ??
      sheets.find((x) => perSheet.get(x.name))?.name ??
      sheets[0]?.name ??
      ""
  );
  const [from, setFrom] = React.useState(0);
  const [rows, setRows] = React.useState<(string | null)[][]>([]);
  const [header, setHeader] = React.useState<(string | null)[] | null>(null);
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  const info = sheets.find((x) => x.name === sheet);
  const cols = Math.min(MAX_COLS, Math.max(1, info?.cols ?? 1));
  const selected =
    target && target.sheet === sheet ? (parseRange(target.cell)?.start ?? null) : null;

  React.useEffect(() => {
    if (!target) return;
    const start = parseRange(target.cell)?.start;
    setSheet(target.sheet);
    if (start) setFrom(Math.max(0, start.row - 10));
  }, [target]);

  React.useEffect(() => {
    let live = true;
    if (!sheet) return;
    fetchRows(sheet, from, WINDOW_ROWS, cols).then((r) => live && setRows(r));
    // The first row (the table's headers) stays in view on every page after the first.
    if (from > 0) fetchRows(sheet, 0, 1, cols).then((r) => live && setHeader(r[0] ?? null));
    else setHeader(null);
    return () => {
      live = false;
    };
  }, [sheet, from, cols, fetchRows]);

  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [rows, selected?.row, selected?.col]);

  const byCell = React.useMemo(() => findingsByCell(findings, sheet), [findings, sheet]);
  const total = info?.rows ?? 0;

  const cell = (value: string | null, r: number, c: number, frozen: boolean) => {
    const address = a1(r, c);
    const on = frozen ? undefined : byCell.get(address);
    const mark = on?.[0]?.severity;
    const isSelected = !frozen && selected !== null && selected.row === r && selected.col === c;
    const classes = [
      styles.td,
      frozen ? styles.frozen : "",
      value && NUMBER_TEXT.test(value) ? styles.number : "",
      mark ? `${styles[mark]} ${styles.marked}` : "",
      isSelected ? styles.selected : "",
    ].join(" ");
    const reasons = on?.length
      ? `${s.cellReasons}：\n${on
          .slice(0, 4)
          .map((f) => `${s.counts[f.severity]}：${f.message[lang]}`)
          .join("\n")}`
      : undefined;
    return (
      <td
        key={c}
        className={classes}
        data-cell={`${sheet}!${address}`}
        data-mark={mark}
        aria-selected={isSelected || undefined}
        ref={isSelected ? selectedRef : undefined}
        title={reasons ?? value ?? undefined}
        onClick={on?.length && onSelectFinding ? () => onSelectFinding(on[0]) : undefined}
      >
        {value}
      </td>
    );
  };

  return (
    <section className={styles.root} aria-label={s.preview}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet}
        onTabSelect={(_, d) => {
          setSheet(String(d.value));
          setFrom(0);
        }}
        aria-label={s.sheet}
      >
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name} data-sheet-tab={x.name}>
            {s.sheetCount(x.name, perSheet.get(x.name) ?? 0)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.bar}>
        <Button
          size="small"
          disabled={from === 0}
          onClick={() => setFrom(Math.max(0, from - WINDOW_ROWS))}
          aria-label="▲"
        >
          ▲
        </Button>
        <Text size={200}>
          {Math.min(total, from + 1)}–{Math.min(total, from + WINDOW_ROWS)} / {total}
        </Text>
        <Button
          size="small"
          disabled={from + WINDOW_ROWS >= total}
          onClick={() => setFrom(from + WINDOW_ROWS)}
          aria-label="▼"
        >
          ▼
        </Button>
        <span className={styles.legend} aria-label={s.legend} data-testid="legend">
          {ORDER.map((sev) => (
            <span key={sev}>
              <span className={`${styles.swatch} ${styles[sev]}`} aria-hidden="true" />
              {s.counts[sev]}
            </span>
          ))}
          <span>
            <span
              className={styles.swatch}
              style={{ outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" }}
              aria-hidden="true"
            />
            {s.legendSelected}
          </span>
        </span>
      </div>
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`${s.preview}: ${sheet}`}
      >
        <table className={styles.table} role="grid" aria-readonly="true" data-sheet={sheet}>
          <thead>
            <tr>
              <th className={`${styles.th} ${styles.corner}`} scope="col">
                #
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.th} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
            {header && (
              <tr data-frozen="true">
                <th className={`${styles.rowHead} ${styles.frozenHead}`} scope="row">
                  1
                </th>
                {header.map((value, c) => cell(value, 0, c, true))}
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const r = from + i;
              return (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {row.map((value, c) => cell(value, r, c, false))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
