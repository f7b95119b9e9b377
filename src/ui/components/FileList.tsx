/**
 * The officer's batch view: every workbook added, with its status and counts, an unreadable
 * file's reason in place, a button to remove it, and one to clear the list.
 */
import * as React from "react";
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { countBySeverity, type CrossFinding } from "../../engine/findings";
import type { Lang, Text as Bilingual } from "../../engine/i18n";
import type { WorkbookResult } from "../protocol";
import type { Strings } from "../strings";

export interface FileEntry {
  id: string;
  name: string;
  /** A fingerprint of the bytes: the same file added twice is ignored. */
  hash: string;
  state: "reading" | "checking" | "done" | "error";
  result?: WorkbookResult;
  error?: Bilingual;
}

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  active: { border: `2px solid ${tokens.colorBrandStroke1}` },
  open: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  name: { wordBreak: "break-all", fontWeight: tokens.fontWeightSemibold },
  line: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  reason: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center" },
});

export interface FileListProps {
  entries: FileEntry[];
  /** Cross-project findings: a file they name is not compliant, however clean its own findings. */
  cross?: CrossFinding[];
  active: string | null;
  lang: Lang;
  s: Strings;
  onOpen(id: string): void;
  onRemove(id: string): void;
  onClear(): void;
}

function status(e: FileEntry, s: Strings, cross: CrossFinding[]) {
  if (e.state === "error")
    return { text: s.fileStatus.unreadable, color: "danger" as const, key: "unreadable" };
  if (e.state !== "done" || !e.result)
    return { text: s.fileStatus.checking, color: "informative" as const, key: "checking" };
  const named = cross.filter((f) => f.scope !== "program" && f.refs.some((r) => r.file === e.name));
  const c = countBySeverity([...e.result.findings, ...named]);
  if (c.error) return { text: s.fileStatus.fail, color: "danger" as const, key: "fail" };
  if (c.warning)
    return { text: s.fileStatus.attention, color: "warning" as const, key: "attention" };
  return { text: s.fileStatus.ok, color: "success" as const, key: "ok" };
}

export function FileList({
  entries,
  cross = [],
  active,
  lang,
  s,
  onOpen,
  onRemove,
  onClear,
}: FileListProps) {
  const styles = useStyles();
  return (
    <section aria-label={s.filesTitle}>
      <div className={styles.head}>
        <Text weight="semibold">
          {s.filesTitle} ({entries.length})
        </Text>
        <Button size="small" appearance="subtle" onClick={onClear} data-testid="clear-files">
          {s.clearAll}
        </Button>
      </div>
      <ul className={styles.list}>
        {entries.map((e) => {
          const st = status(e, s, cross);
          const c = e.result ? countBySeverity(e.result.findings) : null;
          return (
            <li
              key={e.id}
              className={mergeClasses(styles.item, e.id === active && styles.active)}
              data-file={e.name}
              data-status={st.key}
            >
              <button
                type="button"
                className={styles.open}
                onClick={() => onOpen(e.id)}
                aria-current={e.id === active ? "true" : undefined}
              >
                <span className={styles.name}>{e.name}</span>
                <span className={styles.line}>
                  <Badge size="small" appearance="tint" color={st.color}>
                    {st.text}
                  </Badge>
                  {c && (
                    <Text size={200}>
                      {s.counts.error} {c.error} · {s.counts.warning} {c.warning} · {s.counts.info}{" "}
                      {c.info}
                      {c.notChecked ? ` · ${s.notCheckedCount} ${c.notChecked}` : ""}
                    </Text>
                  )}
                  {e.result?.facts.code && <Text size={200}>{e.result.facts.code}</Text>}
                </span>
                {e.state === "error" && e.error && (
                  <span className={styles.reason} data-testid="read-error">
                    {e.error[lang]}
                  </span>
                )}
              </button>
              <Button
                size="small"
                appearance="subtle"
                icon={<Dismiss16Regular />}
                aria-label={`${s.remove} ${e.name}`}
                title={s.remove}
                onClick={() => onRemove(e.id)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
