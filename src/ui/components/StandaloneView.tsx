/**
 * The pane outside Excel: choose or drop workbooks; each is read and checked in the worker.
 * A start screen until the first file; then the batch of files with their status, the chosen
 * file's findings beside a preview of it, the cross-project findings in a section of their own,
 * and downloads of the annotated copy and, for several files, the bureau's summary workbook.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import type { Lang } from "../../engine/i18n";
import type { CrossFinding, FileRef } from "../../engine/findings";
import { EngineError, type Engine } from "../engine";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";
import { baseName, download } from "../download";
import { openHelp, sampleWorkbook } from "../assets";
import { FindingsPanel, emptyView, type PanelView } from "./FindingsPanel";
import { Preview } from "./Preview";
import { FileList, type FileEntry } from "./FileList";
import { CrossFindings } from "./CrossFindings";
import { StartScreen } from "./StartScreen";
import { ComparePanel, sameProject } from "./ComparePanel";
import type { ReviewInput } from "../../engine/reviews/rows";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 440px) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // Beside the list on a wide screen, the preview stays in view while the list scrolls.
  side: {
    "@media (min-width: 801px)": { position: "sticky", top: tokens.spacingVerticalM },
  },
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

export interface StandaloneProps {
  engine: Engine;
  lang: Lang;
  s: Strings;
  /** URLs of workbooks to load at start (the demo's samples). */
  preload?: string[];
  /** The sample behind "试用示例工作簿" (tests hand in their own). */
  loadSample?: () => Promise<{ name: string; bytes: ArrayBuffer }>;
}

let nextId = 0;

/** FNV-1a over the bytes and their length: enough to know a file added twice. */
export function fingerprint(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let h = 0x811c9dc5;
  for (let i = 0; i < view.length; i += 1) {
    h ^= view[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${view.length}:${(h >>> 0).toString(16)}`;
}

export function StandaloneView({ engine, lang, s, preload, loadSample }: StandaloneProps) {
  const styles = useStyles();
  const [entries, setEntries] = React.useState<FileEntry[]>([]);
  const [active, setActive] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<UiFinding | null>(null);
  const [goTo, setGoTo] = React.useState<{ sheet: string; cell: string } | null>(null);
  const [views, setViews] = React.useState<Record<string, PanelView>>({});
  const [cross, setCross] = React.useState<CrossFinding[]>([]);
  const [dragging, setDragging] = React.useState(false);
  const [note, setNote] = React.useState<{ intent: "error" | "info"; text: string } | null>(null);
  /** Reviews written per file since its copy was last downloaded. */
  const [unsaved, setUnsaved] = React.useState<Record<string, number>>({});
  const input = React.useRef<HTMLInputElement>(null);
  const added = React.useRef(new Map<string, string>()); // fingerprint -> name

  const update = (id: string, patch: Partial<FileEntry>) =>
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));

  const addBytes = React.useCallback(
    async (name: string, bytes: ArrayBuffer) => {
      const hash = fingerprint(bytes);
      const same = added.current.get(hash);
      if (same !== undefined) {
        setNote({ intent: "info", text: s.duplicate(name, same) });
        return;
      }
      added.current.set(hash, name);
      const id = `f${++nextId}`;
      setEntries((list) => [...list, { id, name, hash, state: "reading" }]);
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
    [engine, s]
  );

  const addFiles = async (files: FileList | File[]) => {
    setNote(null);
    for (const f of Array.from(files)) await addBytes(f.name, await f.arrayBuffer());
  };

  React.useEffect(() => {
    if (!preload?.length) return;
    (async () => {
      for (const url of preload) {
        const res = await fetch(url);
        await addBytes(decodeURIComponent(url.split("/").pop()!), await res.arrayBuffer());
      }
    })().catch((e) => setNote({ intent: "error", text: String(e) }));
  }, [preload, addBytes]);

  const done = entries.filter((e) => e.state === "done");
  const busy = entries.some((e) => e.state === "reading" || e.state === "checking");
  React.useEffect(() => {
    if (done.length < 2 || busy) {
      setCross([]);
      return;
    }
    engine
      .request({ type: "cross", ids: done.map((e) => e.id) })
      .then((r) => r.type === "cross" && setCross(r.cross));
  }, [entries.map((e) => `${e.id}:${e.state}`).join(",")]);

  const remove = (id: string) => {
    const entry = entries.find((e) => e.id === id);
    if (entry) added.current.delete(entry.hash);
    setEntries((list) => list.filter((e) => e.id !== id));
    if (active === id) {
      const rest = entries.filter((e) => e.id !== id);
      setActive(rest[0]?.id ?? null);
      setSelected(null);
      setGoTo(null);
    }
    void engine.request({ type: "forget", id }).catch(() => undefined);
  };

  const clear = () => {
    for (const e of entries)
      void engine.request({ type: "forget", id: e.id }).catch(() => undefined);
    added.current.clear();
    setEntries([]);
    setActive(null);
    setSelected(null);
    setGoTo(null);
    setViews({});
    setNote(null);
  };

  const open = (id: string) => {
    setActive(id);
    setSelected(null);
    setGoTo(null);
  };

  /** A cross-project reference: open its file, at its cell. */
  const openRef = (ref: FileRef) => {
    const entry = entries.find((e) => e.name === ref.file && e.state === "done");
    if (!entry) return;
    setActive(entry.id);
    setSelected(null);
    setGoTo(ref.sheet && ref.cell ? { sheet: ref.sheet, cell: ref.cell } : null);
  };

  const current = entries.find((e) => e.id === active) ?? null;
  const fetchRows = React.useCallback(
    async (sheet: string, from: number, count: number, cols: number) => {
      if (!current?.result) return [];
      const r = await engine.request({ type: "rows", id: current.id, sheet, from, count, cols });
      return r.type === "rows" ? r.rows : [];
    },
    [engine, current?.id, current?.result]
  );

  const fail = (e: unknown) =>
    setNote({ intent: "error", text: e instanceof EngineError ? e.text[lang] : String(e) });

  const save = async (req: "annotate" | "summary" | "template") => {
    setNote(null);
    try {
      const r =
        req === "annotate"
          ? await engine.request({ type: "annotate", id: current!.id, lang })
          : req === "summary"
            ? await engine.request({ type: "summary", ids: done.map((e) => e.id), lang })
            : await engine.request({ type: "template" });
      if (r.type === "file" && req === "annotate")
        setUnsaved((all) => ({ ...all, [current!.id]: 0 }));
      if (r.type === "file")
        download(
          r.bytes,
          req === "annotate"
            ? `${baseName(current!.name)}.annotated.xlsx`
            : req === "summary"
              ? "汇总.xlsx"
              : "福彩项目工作簿-标准模板.xlsx"
        );
    } catch (e) {
      fail(e);
    }
  };

  /** 审核意见 on the page: the worker keeps the row for the copy and checks the file again. */
  const saveReview = async (f: UiFinding, input: ReviewInput) => {
    const id = current!.id;
    const r = await engine.request({ type: "review", id, fingerprint: f.fingerprint!, input });
    if (r.type === "error") throw new EngineError(r.error);
    if (r.type !== "checked") return;
    update(id, { result: r.result });
    setSelected((old) => r.result.findings.find((x) => x.fingerprint === old?.fingerprint) ?? null);
    setUnsaved((all) => ({ ...all, [id]: (all[id] ?? 0) + 1 }));
    setNote({ intent: "info", text: s.review.savedPage });
  };

  const trySample = async () => {
    try {
      const sample = await (loadSample ?? sampleWorkbook)();
      await addBytes(sample.name, sample.bytes);
    } catch (e) {
      fail(e);
    }
  };

  const view = (current && views[current.id]) || emptyView();
  const target =
    selected?.sheet && selected.cell ? { sheet: selected.sheet, cell: selected.cell } : goTo;

  return (
    <div className={styles.layout}>
      <div className={styles.column}>
        {entries.length === 0 && (
          <StartScreen
            s={s}
            onSample={() => void trySample()}
            onTemplate={() => void save("template")}
            onHelp={() => void openHelp().catch(fail)}
          />
        )}
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
            onChange={(e) => {
              if (e.target.files) void addFiles(e.target.files);
              e.target.value = "";
            }}
            data-testid="file-input"
            aria-label={s.chooseFiles}
          />
        </div>
        <Text size={200}>{s.standaloneNote}</Text>
        {busy && <ProgressBar aria-label={s.checking} />}
        {note && (
          <MessageBar intent={note.intent} data-testid="note">
            <MessageBarBody>{note.text}</MessageBarBody>
          </MessageBar>
        )}
        {entries.length > 0 && (
          <FileList
            entries={entries}
            cross={cross}
            active={active}
            lang={lang}
            s={s}
            onOpen={open}
            onRemove={remove}
            onClear={clear}
          />
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
        <CrossFindings findings={cross} lang={lang} s={s} onOpen={openRef} />
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
              {(unsaved[current.id] ?? 0) > 0 && (
                <Text size={200} data-testid="reviews-unsaved">
                  {s.review.pending(unsaved[current.id])}
                </Text>
              )}
            </div>
            <ComparePanel
              key={current.id}
              engine={engine}
              id={current.id}
              candidates={sameProject(entries, current)}
              intro={s.compare.introPage}
              lang={lang}
              s={s}
              onGo={(sheet, cell) => {
                setSelected(null);
                setGoTo({ sheet, cell });
              }}
            />
            <FindingsPanel
              result={current.result}
              lang={lang}
              s={s}
              selected={selected}
              onSelect={(f) => {
                setSelected(f);
                setGoTo(null);
              }}
              view={view}
              onViewChange={(v) => setViews((all) => ({ ...all, [current.id]: v }))}
              onSaveReview={saveReview}
              reviewsInCopy
              onGo={(sheet, cell) => {
                setSelected(null);
                setGoTo({ sheet, cell });
              }}
            />
          </>
        )}
      </div>
      <div className={`${styles.column} ${styles.side}`}>
        {current?.result && (
          <Preview
            key={current.id}
            sheets={current.result.sheets}
            findings={current.result.findings}
            target={target}
            fetchRows={fetchRows}
            onSelectFinding={setSelected}
            lang={lang}
            s={s}
          />
        )}
      </div>
    </div>
  );
}
