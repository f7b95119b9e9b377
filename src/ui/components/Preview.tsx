/**
 * A read-only view of one workbook (standalone mode): sheet tabs, a window of rows fetched
 * from the worker, flagged cells highlighted, and the cell of the chosen finding selected and
 * scrolled into view.
 */
import * as React from "react";
import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseRange, columnLetters, a1 } from "../../engine/util/address";
import type { Severity } from "../../engine/findings";
import type { SheetInfo, UiFinding } from "../protocol";
import type { Strings } from "../strings";

export const WINDOW_ROWS = 60;
const MAX_COLS = 26;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    position: "sticky",
    top: 0,
    background: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHead: {
    background: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    textAlign: "right",
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  error: { background: "#FDE7E9", color: "#000" },
  warning: { background: "#FFF4CE", color: "#000" },
  info: { background: "#DEECF9", color: "#000" },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  pager: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface PreviewProps {
  sheets: SheetInfo[];
  findings: UiFinding[];
  /** "Sheet!A1" of the finding the user chose. */
  target: { sheet: string; cell: string } | null;
  fetchRows(sheet: string, from: number, count: number, cols: number): Promise<(string | null)[][]>;
  s: Strings;
}

function marksOf(findings: UiFinding[], sheet: string): Map<string, Severity> {
  const order: Severity[] = ["error", "warning", "info"];
  const marks = new Map<string, Severity>();
  for (const f of findings) {
    if (f.sheet !== sheet || !f.cell || f.status === "not-checked") continue;
    const range = parseRange(f.cell);
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, range.start.row + 200); r += 1)
      for (let c = range.start.col; c <= Math.min(range.end.col, MAX_COLS - 1); c += 1) {
        const key = a1(r, c);
        const prev = marks.get(key);
        if (!prev || order.indexOf(f.severity) < order.indexOf(prev)) marks.set(key, f.severity);
      }
  }
  return marks;
}

export function Preview({ sheets, findings, target, fetchRows, s }: PreviewProps) {
  const styles = useStyles();
  const [sheet, setSheet] = React.useState(
    () => sheets.find((x) => x.name === target?.sheet)?.name ?? sheets[0]?.name ?? ""
  );
  const [from, setFrom] = React.useState(0);
  const [rows, setRows] = React.useState<(string | null)[][]>([]);
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
    return () => {
      live = false;
    };
  }, [sheet, from, cols, fetchRows]);

  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [rows, selected?.row, selected?.col]);

  const marks = React.useMemo(() => marksOf(findings, sheet), [findings, sheet]);
  const total = info?.rows ?? 0;

  return (
    <section className={styles.root} aria-label={s.preview}>
      <TabList
        size="small"
        selectedValue={sheet}
        onTabSelect={(_, d) => {
          setSheet(String(d.value));
          setFrom(0);
        }}
        aria-label={s.sheet}
      >
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name}>
            {x.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.pager}>
        <Button
          size="small"
          disabled={from === 0}
          onClick={() => setFrom(Math.max(0, from - WINDOW_ROWS))}
        >
          ▲
        </Button>
        <Text size={200}>
          {from + 1}–{Math.min(total, from + WINDOW_ROWS)} / {total}
        </Text>
        <Button
          size="small"
          disabled={from + WINDOW_ROWS >= total}
          onClick={() => setFrom(from + WINDOW_ROWS)}
        >
          ▼
        </Button>
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
              <th className={styles.th} scope="col">
                #
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.th} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const r = from + i;
              return (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {row.map((value, c) => {
                    const address = a1(r, c);
                    const mark = marks.get(address);
                    const isSelected =
                      selected !== null && selected.row === r && selected.col === c;
                    const classes = [
                      styles.td,
                      mark ? styles[mark] : "",
                      isSelected ? styles.selected : "",
                    ].join(" ");
                    return (
                      <td
                        key={c}
                        className={classes}
                        data-cell={`${sheet}!${address}`}
                        data-mark={mark}
                        aria-selected={isSelected || undefined}
                        ref={isSelected ? selectedRef : undefined}
                        title={value ?? undefined}
                      >
                        {value}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
