/**
 * The pane in Excel: one primary button, progress while checking, the findings; clicking a
 * finding selects its cell in the workbook; marks, summary sheet, live check and the template.
 *
 * - What this Excel cannot do (capabilities) is disabled, with the reason beside it.
 * - Switching language only re-renders: the check, the result and live checking stay as they
 *   are (nothing here depends on the language but the words).
 * - A change made while a check runs is not dropped: the check runs once more when it ends.
 * - The template is inserted only after the user has read that it clears Excel's undo history.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircle20Regular,
  Eraser20Regular,
  TableSimple20Regular,
  DocumentTable20Regular,
  Highlight20Regular,
} from "@fluentui/react-icons";
import type { Lang, Text as Bilingual } from "../../engine/i18n";
import { buildSummary } from "../../engine/summary/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { type Engine } from "../engine";
import type { ExcelBridge } from "../bridge";
import type { UiFinding, WorkbookResult } from "../protocol";
import type { Strings } from "../strings";
import { FindingsPanel, emptyView, type PanelView } from "./FindingsPanel";
import { ComparePanel } from "./ComparePanel";
import { findReviewRow, reviewValues, type ReviewInput } from "../../engine/reviews/rows";

type MarkResult = Awaited<ReturnType<ExcelBridge["mark"]>>;
type ClearResult = Awaited<ReturnType<ExcelBridge["clear"]>>;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reasons: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ExcelViewProps {
  engine: Engine;
  excel: ExcelBridge;
  lang: Lang;
  s: Strings;
  /** Check as soon as the pane opens (the ribbon's 合规检查 opens it). */
  autoCheck?: boolean;
}

type Busy = null | "reading" | "checking";

/** A message shown in the pane, worded when rendered so it follows a change of language. */
interface Note {
  intent: "success" | "warning" | "error";
  lines: (s: Strings, lang: Lang) => string[];
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bilingual text of an error from the engine or from Excel (both carry `text`). */
function errorText(e: unknown, lang: Lang): string {
  const text = (e as { text?: Bilingual } | null)?.text;
  if (text && typeof text.zh === "string" && typeof text.en === "string") return text[lang];
  return e instanceof Error ? e.message : String(e);
}

const list = (names: string[], lang: Lang) => names.join(lang === "zh" ? "、" : ", ");

function markLines(r: MarkResult, s: Strings, lang: Lang): string[] {
  const out = [s.markedSummary(r.cells, r.notes)];
  if (r.mode === "fill" && r.cells) out.push(s.marksFillOnly);
  if (r.userNotesKept) out.push(s.marksUserNotes(r.userNotesKept));
  if (r.protectedSheets.length) out.push(s.marksProtected(list(r.protectedSheets, lang)));
  if (r.missingSheets.length) out.push(s.marksMissing(list(r.missingSheets, lang)));
  if (r.gradientsSkipped) out.push(s.marksGradient(r.gradientsSkipped));
  if (r.commentsFailed) out.push(s.marksCommentsFailed);
  if (r.cleared.protectedSheets.length)
    out.push(s.clearedProtected(list(r.cleared.protectedSheets, lang)));
  return out;
}

function clearLines(r: ClearResult, s: Strings, lang: Lang): string[] {
  const out = [s.clearedSummary(r.restored, r.removed)];
  if (r.changedByUser) out.push(s.clearedChanged(r.changedByUser));
  if (r.protectedSheets.length) out.push(s.clearedProtected(list(r.protectedSheets, lang)));
  return out;
}

export function ExcelView({ engine, excel, lang, s, autoCheck = true }: ExcelViewProps) {
  const styles = useStyles();
  const [result, setResult] = React.useState<WorkbookResult | null>(null);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [selected, setSelected] = React.useState<UiFinding | null>(null);
  const [note, setNote] = React.useState<Note | null>(null);
  const [live, setLive] = React.useState(false);
  const [view, setView] = React.useState<PanelView>(emptyView);
  const [confirming, setConfirming] = React.useState(false);
  const caps = React.useMemo(() => excel.capabilities(), [excel]);
  const running = React.useRef(false);
  /** A check was asked for while one ran: run again when it ends. */
  const again = React.useRef(false);

  const fail = React.useCallback(
    (e: unknown) =>
      setNote({ intent: "error", lines: (t, l) => [`${t.failed}: ${errorText(e, l)}`] }),
    []
  );

  const check = React.useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    setNote(null);
    try {
      do {
        again.current = false;
        setBusy("reading");
        const model = await excel.readModel();
        setBusy("checking");
        const res = await engine.request({ type: "check-model", id: "excel", model });
        if (res.type === "checked") setResult(res.result);
      } while (again.current);
    } catch (e) {
      fail(e);
    } finally {
      again.current = false;
      running.current = false;
      setBusy(null);
    }
  }, [engine, excel, fail]);

  React.useEffect(() => {
    if (autoCheck) void check();
  }, [autoCheck, check]);

  React.useEffect(() => {
    if (!live) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    excel.watch(() => void check()).then((u) => (cancelled ? void u() : (unsubscribe = u)), fail);
    return () => {
      cancelled = true;
      void unsubscribe?.();
    };
  }, [live, excel, check, fail]);

  const act = async (what: () => Promise<Note>) => {
    setNote(null);
    try {
      setNote(await what());
    } catch (e) {
      fail(e);
    }
  };

  /** Select a cell in Excel (a finding's, a compared row's), saying why when it cannot. */
  const show = (sheet: string, cell: string) =>
    excel.select(sheet, cell).then((outcome) => {
      if (outcome === "hidden")
        setNote({ intent: "warning", lines: (t) => [t.selectHidden(sheet)] });
      else if (outcome === "missing")
        setNote({ intent: "warning", lines: (t) => [t.selectMissing(sheet, cell)] });
    }, fail);

  const select = (f: UiFinding) => {
    setSelected(f);
    if (!f.sheet || !f.cell) return;
    void show(f.sheet, f.cell);
  };

  /** 审核意见: the row written into the workbook, then checked again so that it applies. */
  const saveReview = excel.writeReview
    ? async (f: UiFinding, input: ReviewInput) => {
        const existing = findReviewRow(result?.reviews, f.fingerprint ?? "");
        const out = await excel.writeReview!(reviewValues(f, input, existing).values);
        await check();
        setNote({
          intent: "success",
          lines: (t) => [t.review.savedExcel(out.sheet, out.row, out.created)],
        });
      }
    : undefined;

  const insertTemplate = () => {
    setConfirming(false);
    void act(async () => {
      const bytes = await (await fetch("template.xlsx")).arrayBuffer();
      await excel.insertTemplate(toBase64(bytes));
      return { intent: "success", lines: (t) => [t.templateInserted] };
    });
  };

  const reasons = [
    !caps.marks && s.marksUnavailable,
    !caps.summarySheet && s.summaryUnavailable,
    !caps.insertTemplate && s.templateUnavailable,
  ].filter((r): r is string => Boolean(r));
  const noteLines = note ? note.lines(s, lang) : [];

  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        size="large"
        icon={<CheckmarkCircle20Regular />}
        onClick={() => void check()}
        disabled={busy !== null}
        data-testid="check"
      >
        {busy ? s.checking : result ? s.recheck : s.check}
      </Button>
      {busy && (
        <div role="status" aria-live="polite">
          <Text size={200}>{busy === "reading" ? s.reading : s.evaluating}</Text>
          <ProgressBar aria-label={s.checking} />
        </div>
      )}
      <Switch
        checked={live}
        onChange={(_, d) => setLive(d.checked)}
        label={`${s.live} · ${s.liveHint}`}
      />
      <div className={styles.actions}>
        <Button
          icon={<Highlight20Regular />}
          disabled={!result || !caps.marks}
          aria-describedby={caps.marks ? undefined : "excel-reasons"}
          onClick={() =>
            void act(async () => {
              const r = await excel.mark(result!.findings, lang);
              const warn =
                r.protectedSheets.length > 0 || r.missingSheets.length > 0 || !!r.commentsFailed;
              return { intent: warn ? "warning" : "success", lines: (t, l) => markLines(r, t, l) };
            })
          }
        >
          {s.mark}
        </Button>
        <Button
          icon={<Eraser20Regular />}
          disabled={!caps.marks}
          aria-describedby={caps.marks ? undefined : "excel-reasons"}
          onClick={() =>
            void act(async () => {
              const r = await excel.clear();
              return {
                intent: r.protectedSheets.length ? "warning" : "success",
                lines: (t, l) => clearLines(r, t, l),
              };
            })
          }
        >
          {s.clear}
        </Button>
        <Button
          icon={<TableSimple20Regular />}
          disabled={!result || !caps.summarySheet}
          aria-describedby={caps.summarySheet ? undefined : "excel-reasons"}
          onClick={() =>
            void act(async () => {
              const summary = buildSummary([result!], [], [], bundledRuleSet()).projects[0];
              const name = await excel.writeSummary(summary, lang);
              return { intent: "success", lines: (t) => [t.summaryWritten(name)] };
            })
          }
        >
          {s.summary}
        </Button>
        <Button
          icon={<DocumentTable20Regular />}
          disabled={!caps.insertTemplate}
          aria-describedby={caps.insertTemplate ? undefined : "excel-reasons"}
          onClick={() => setConfirming(true)}
        >
          {s.insertTemplate}
        </Button>
      </div>
      {reasons.length > 0 && (
        <div id="excel-reasons" className={styles.reasons}>
          {reasons.map((r) => (
            <Text key={r} size={200}>
              {r}
            </Text>
          ))}
        </div>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface aria-describedby="template-confirm-body">
          <DialogBody>
            <DialogTitle>{s.templateConfirmTitle}</DialogTitle>
            <DialogContent id="template-confirm-body">{s.templateConfirmBody}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={insertTemplate}>
                {s.templateConfirm}
              </Button>
              <Button onClick={() => setConfirming(false)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>
            {noteLines.length === 1 ? (
              noteLines[0]
            ) : (
              <ul className={styles.lines}>
                {noteLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <ComparePanel
          engine={engine}
          id="excel"
          version={result}
          label={s.compare.openWorkbook}
          intro={s.compare.introExcel}
          lang={lang}
          s={s}
          onGo={(sheet, cell) => void show(sheet, cell)}
        />
      )}
      {result && (
        <FindingsPanel
          result={result}
          lang={lang}
          s={s}
          selected={selected}
          onSelect={select}
          view={view}
          onViewChange={setView}
          onSaveReview={saveReview}
          onGo={(sheet, cell) => void show(sheet, cell)}
        />
      )}
    </div>
  );
}
