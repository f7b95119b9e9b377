/**
 * The pane outside Excel: choose or drop workbooks; each is read and checked in the worker;
 * findings as in Excel beside a preview of the workbook; downloads of the annotated copy and,
 * for several files, the bureau's summary workbook.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import type { Lang } from "../../engine/i18n";
import type { CrossFinding } from "../../engine/findings";
import { EngineError, type Engine } from "../engine";
import type { UiFinding, WorkbookResult } from "../protocol";
import type { Strings } from "../strings";
import { baseName, download } from "../download";
import { FindingsPanel } from "./FindingsPanel";
import { Preview } from "./Preview";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 420px) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (max-width: 800px)": { gridTemplateColumns: "1fr" },
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalL,
    textAlign: "center",
    cursor: "pointer",
    background: tokens.colorNeutralBackground2,
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    background: tokens.colorBrandBackground2,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface Entry {
  id: string;
  name: string;
  state: "reading" | "checking" | "done" | "error";
  result?: WorkbookResult;
  error?: { zh: string; en: string };
}

export interface StandaloneProps {
  engine: Engine;
  lang: Lang;
  s: Strings;
  /** URLs of workbooks to load at start (the demo's samples). */
  preload?: string[];
}

let nextId = 0;

export function StandaloneView({ engine, lang, s, preload }: StandaloneProps) {
  const styles = useStyles();
  const [entries, setEntries] = React.useState<Entry[]>([]);
  const [active, setActive] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<UiFinding | null>(null);
  const [cross, setCross] = React.useState<CrossFinding[]>([]);
  const [dragging, setDragging] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);

  const update = (id: string, patch: Partial<Entry>) =>
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));

  const addBytes = React.useCallback(
    async (name: string, bytes: ArrayBuffer) => {
      const id = `f${++nextId}`;
      setEntries((list) => [...list, { id, name, state: "reading" }]);
      setActive((a) => a ?? id);
      try {
        const res = await engine.request(
          { type: "check-bytes", id, name, bytes },
          (p) => p.type === "progress" && update(id, { state: p.stage }),
          [bytes]
        );
        if (res.type === "checked") update(id, { state: "done", result: res.result });
      } catch (e) {
        update(id, {
          state: "error",
          error: e instanceof EngineError ? e.text : { zh: String(e), en: String(e) },
        });
      }
    },
    [engine]
  );

  const addFiles = async (files: FileList | File[]) => {
    for (const f of Array.from(files)) await addBytes(f.name, await f.arrayBuffer());
  };

  React.useEffect(() => {
    if (!preload?.length) return;
    (async () => {
      for (const url of preload) {
        const res = await fetch(url);
        await addBytes(decodeURIComponent(url.split("/").pop()!), await res.arrayBuffer());
      }
    })().catch((e) => setError(String(e)));
  }, [preload, addBytes]);

  const done = entries.filter((e) => e.state === "done");
  React.useEffect(() => {
    if (done.length < 2 || entries.some((e) => e.state === "reading" || e.state === "checking")) {
      setCross([]);
      return;
    }
    engine
      .request({ type: "cross", ids: done.map((e) => e.id) })
      .then((r) => r.type === "cross" && setCross(r.cross));
  }, [entries.map((e) => `${e.id}:${e.state}`).join(",")]);

  const current = entries.find((e) => e.id === active) ?? null;
  const busy = entries.some((e) => e.state === "reading" || e.state === "checking");
  const fetchRows = React.useCallback(
    async (sheet: string, from: number, count: number, cols: number) => {
      if (!current?.result) return [];
      const r = await engine.request({ type: "rows", id: current.id, sheet, from, count, cols });
      return r.type === "rows" ? r.rows : [];
    },
    [engine, current?.id, current?.result]
  );

  const save = async (req: "annotate" | "summary") => {
    setError(null);
    try {
      const r =
        req === "annotate"
          ? await engine.request({ type: "annotate", id: current!.id, lang })
          : await engine.request({ type: "summary", ids: done.map((e) => e.id), lang });
      if (r.type === "file")
        download(
          r.bytes,
          req === "annotate" ? `${baseName(current!.name)}.annotated.xlsx` : "汇总.xlsx"
        );
    } catch (e) {
      setError(e instanceof EngineError ? e.text[lang] : String(e));
    }
  };

  const crossFindings: UiFinding[] = cross.map((c) => ({
    rule: c.rule,
    severity: c.severity,
    message: c.message,
    figures: c.figures,
    area: "cross",
    target: c.refs.map((r) => baseName(r.file)).join("、"),
  }));

  return (
    <div className={styles.layout}>
      <div className={styles.column}>
        <div
          className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
          role="button"
          tabIndex={0}
          aria-label={s.dropHere}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void addFiles(e.dataTransfer.files);
          }}
          data-testid="dropzone"
        >
          <DocumentAdd20Regular aria-hidden="true" />
          <Text block>{s.dropHere}</Text>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm"
            multiple
            hidden
            onChange={(e) => e.target.files && void addFiles(e.target.files)}
            data-testid="file-input"
            aria-label={s.chooseFiles}
          />
        </div>
        <Text size={200}>{s.standaloneNote}</Text>
        {busy && <ProgressBar aria-label={s.checking} />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {entries.length > 0 && (
          <TabList
            selectedValue={active ?? undefined}
            onTabSelect={(_, d) => {
              setActive(String(d.value));
              setSelected(null);
            }}
            aria-label={s.files}
            size="small"
            vertical
          >
            {entries.map((e) => (
              <Tab key={e.id} value={e.id} data-file={e.name}>
                {e.name} {e.state === "error" ? `· ${s.unreadable}` : e.state !== "done" ? "…" : ""}
              </Tab>
            ))}
          </TabList>
        )}
        {done.length > 1 && (
          <Button
            icon={<ArrowDownload20Regular />}
            onClick={() => void save("summary")}
            disabled={busy}
          >
            {s.downloadSummary}
          </Button>
        )}
        {current?.state === "error" && (
          <MessageBar intent="error" data-testid="read-error">
            <MessageBarBody>
              {current.name}: {current.error?.[lang]}
            </MessageBarBody>
          </MessageBar>
        )}
        {current?.result && (
          <>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                icon={<ArrowDownload20Regular />}
                onClick={() => void save("annotate")}
              >
                {s.downloadAnnotated}
              </Button>
            </div>
            <FindingsPanel
              result={current.result}
              lang={lang}
              s={s}
              selected={selected}
              onSelect={setSelected}
            />
          </>
        )}
        {crossFindings.length > 0 && (
          <section aria-label={s.areas.cross}>
            <Text weight="semibold">{s.areas.cross}</Text>
            <ul>
              {crossFindings.map((f, i) => (
                <li key={i} data-rule={f.rule}>
                  {f.rule}: {f.message[lang]}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className={styles.column}>
        {current?.result && (
          <Preview
            key={current.id}
            sheets={current.result.sheets}
            findings={current.result.findings}
            target={
              selected?.sheet && selected.cell
                ? { sheet: selected.sheet, cell: selected.cell }
                : null
            }
            fetchRows={fetchRows}
            s={s}
          />
        )}
      </div>
    </div>
  );
}
