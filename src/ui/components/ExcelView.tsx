/**
 * The pane in Excel: one primary button, progress while checking, the findings; clicking a
 * finding selects its cell in the workbook; marks, summary sheet, live check and the template.
 */
import * as React from "react";
import {
  Button,
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
import type { Lang } from "../../engine/i18n";
import { buildSummary } from "../../engine/summary/model";
import { bundledRuleSet } from "../../engine/rulesets/ruleset";
import { EngineError, type Engine } from "../engine";
import type { ExcelBridge } from "../bridge";
import type { UiFinding, WorkbookResult } from "../protocol";
import type { Strings } from "../strings";
import { FindingsPanel, emptyView, type PanelView } from "./FindingsPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
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

function toBase64(bytes: ArrayBuffer): string {
  let binary = "";
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ExcelView({ engine, excel, lang, s, autoCheck = true }: ExcelViewProps) {
  const styles = useStyles();
  const [result, setResult] = React.useState<WorkbookResult | null>(null);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [selected, setSelected] = React.useState<UiFinding | null>(null);
  const [note, setNote] = React.useState<{ intent: "success" | "error"; text: string } | null>(
    null
  );
  const [live, setLive] = React.useState(false);
  const [view, setView] = React.useState<PanelView>(emptyView);
  const running = React.useRef(false);

  const fail = (e: unknown) =>
    setNote({
      intent: "error",
      text: `${s.failed}: ${e instanceof EngineError ? e.text[lang] : e instanceof Error ? e.message : String(e)}`,
    });

  const check = React.useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setNote(null);
    try {
      setBusy("reading");
      const model = await excel.readModel();
      setBusy("checking");
      const res = await engine.request({ type: "check-model", id: "excel", model });
      if (res.type === "checked") setResult(res.result);
    } catch (e) {
      fail(e);
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, [engine, excel, lang]);

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
  }, [live, excel, check]);

  const act = async (what: () => Promise<string>) => {
    setNote(null);
    try {
      setNote({ intent: "success", text: await what() });
    } catch (e) {
      fail(e);
    }
  };

  const select = (f: UiFinding) => {
    setSelected(f);
    if (f.sheet && f.cell) excel.select(f.sheet, f.cell).catch(fail);
  };

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
          disabled={!result}
          onClick={() => void act(async () => s.marked(await excel.mark(result!.findings, lang)))}
        >
          {s.mark}
        </Button>
        <Button
          icon={<Eraser20Regular />}
          onClick={() => void act(async () => (await excel.clear(), s.cleared))}
        >
          {s.clear}
        </Button>
        <Button
          icon={<TableSimple20Regular />}
          disabled={!result}
          onClick={() =>
            void act(async () => {
              const summary = buildSummary([result!], [], [], bundledRuleSet()).projects[0];
              return s.summaryWritten(await excel.writeSummary(summary, lang));
            })
          }
        >
          {s.summary}
        </Button>
        <Button
          icon={<DocumentTable20Regular />}
          onClick={() =>
            void act(async () => {
              const bytes = await (await fetch("template.xlsx")).arrayBuffer();
              await excel.insertTemplate(toBase64(bytes));
              return s.templateInserted;
            })
          }
        >
          {s.insertTemplate}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
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
        />
      )}
    </div>
  );
}
