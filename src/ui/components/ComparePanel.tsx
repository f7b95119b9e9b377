/**
 * "与上次报送比较": the workbook checked here (the open one in Excel, the chosen file on the
 * page) is the later submission; the user picks the earlier one as a file or, on the page,
 * among the files loaded for the same project. The worker compares them with the engine; the
 * comparison is redone whenever the workbook is checked again (Excel's live check), from the
 * same earlier file. A changed row, a SUB-RETRO finding or a finding of the later workbook goes
 * to its cell through `onGo`, when the later workbook is the one checked here (a picked file
 * that turns out to be the later one is compared all the same, but cannot be shown).
 */
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSwap20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import type { Comparison } from "../../engine/diff/types";
import type { Lang, Text as Bilingual } from "../../engine/i18n";
import { EngineError, type Engine } from "../engine";
import type { Strings } from "../strings";
import { CompareResult } from "./CompareResult";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  intro: { color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
});

/** The earlier submission: a picked file (kept, to compare again) or a workbook loaded here. */
type Source =
  | { kind: "file"; name: string; bytes: ArrayBuffer; modified?: number }
  | { kind: "loaded"; id: string; name: string };

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "failed"; error: Bilingual }
  | { kind: "done"; comparison: Comparison; later: "current" | "earlier" };

export interface ComparePanelProps {
  engine: Engine;
  /** The checked workbook (the later submission); null while there is none. */
  id: string | null;
  /** Changes when that workbook is checked again: the comparison is redone. */
  version?: unknown;
  /** How messages name the later workbook (e.g. 当前工作簿); its file name when absent. */
  label?: string;
  /** Workbooks loaded here that can be the earlier one (same project code). */
  candidates?: { id: string; name: string }[];
  intro: string;
  lang: Lang;
  s: Strings;
  /** Show a cell of the workbook checked here. */
  onGo(sheet: string, cell: string): void;
}

type Loaded = { id: string; name: string; result?: { facts: { code: string | null } } };

/** The workbooks loaded that can be the earlier submission of `current`: the same project code. */
export function sameProject(
  list: readonly Loaded[],
  current: Loaded
): { id: string; name: string }[] {
  const code = (e: Loaded) => e.result?.facts.code?.replace(/\s+/g, "").toUpperCase() || null;
  const mine = code(current);
  return mine
    ? list
        .filter((e) => e.id !== current.id && code(e) === mine)
        .map(({ id, name }) => ({ id, name }))
    : [];
}

export function ComparePanel({
  engine,
  id,
  version,
  label,
  candidates = [],
  intro,
  lang,
  s,
  onGo,
}: ComparePanelProps) {
  const styles = useStyles();
  const c = s.compare;
  const [source, setSource] = React.useState<Source | null>(null);
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const input = React.useRef<HTMLInputElement>(null);
  const runs = React.useRef(0);

  React.useEffect(() => {
    if (!source || !id) return;
    const run = ++runs.current;
    setState({ kind: "busy" });
    const earlier =
      source.kind === "loaded"
        ? { id: source.id }
        : // A copy: the file stays here to compare again after the next check.
          { name: source.name, bytes: source.bytes.slice(0), modified: source.modified };
    engine.request({ type: "compare", id, label, earlier }).then(
      (r) => {
        if (run !== runs.current || r.type !== "compared") return;
        setState(
          r.outcome.ok
            ? { kind: "done", comparison: r.outcome.comparison, later: r.later }
            : { kind: "failed", error: r.outcome.error }
        );
      },
      (e: unknown) => {
        if (run !== runs.current) return;
        const text = e instanceof EngineError ? e.text : { zh: String(e), en: String(e) };
        setState({ kind: "failed", error: text });
      }
    );
  }, [engine, id, version, label, source]);

  const pickFile = async (file: File) =>
    setSource({
      kind: "file",
      name: file.name,
      bytes: await file.arrayBuffer(),
      modified: file.lastModified || undefined,
    });

  const close = () => {
    runs.current += 1;
    setSource(null);
    setState({ kind: "idle" });
  };

  // Places are in the later workbook: shown only when that is the one checked here.
  const go = state.kind === "done" && state.later === "current" ? onGo : undefined;

  return (
    <section className={styles.root} aria-labelledby="compare-title" data-testid="compare">
      <div className={styles.head}>
        <Text weight="semibold" size={400} as="h2" id="compare-title" className={styles.title}>
          {c.title}
        </Text>
        {source && (
          <Button
            appearance="subtle"
            size="small"
            icon={<Dismiss20Regular />}
            onClick={close}
            aria-label={c.close}
            title={c.close}
          />
        )}
      </div>
      {state.kind === "idle" && (
        <Text size={200} className={styles.intro}>
          {intro}
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          icon={<ArrowSwap20Regular />}
          disabled={!id || state.kind === "busy"}
          onClick={() => input.current?.click()}
        >
          {source ? c.pickFileAgain : c.pickFile}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm"
          hidden
          aria-label={c.pickFile}
          data-testid="compare-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void pickFile(file);
          }}
        />
      </div>
      {candidates.length > 0 && (
        <Field label={c.pickLoaded} size="small">
          <Select
            size="small"
            data-testid="compare-loaded"
            value={source?.kind === "loaded" ? source.id : ""}
            disabled={!id || state.kind === "busy"}
            onChange={(_, d) => {
              const pick = candidates.find((x) => x.id === d.value);
              if (pick) setSource({ kind: "loaded", id: pick.id, name: pick.name });
            }}
          >
            <option value="">{c.pickLoadedNone}</option>
            {candidates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {state.kind === "busy" && (
        <div role="status" aria-live="polite">
          <Text size={200}>{c.comparing}</Text>
          <ProgressBar aria-label={c.comparing} />
        </div>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" data-testid="compare-error">
          <MessageBarBody>{state.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && (
        <>
          {!go && (
            <MessageBar intent="info">
              <MessageBarBody>{c.notHere}</MessageBarBody>
            </MessageBar>
          )}
          <CompareResult comparison={state.comparison} lang={lang} s={s} go={go} />
        </>
      )}
    </section>
  );
}
