/**
 * One checked workbook: project and stage; "show only" filters over the counts; the problems by
 * area; and, apart from them, the progress that is on track with the figures as bars. The same
 * in Excel and on the standalone page. The view (filters, closed groups) is the caller's, so a
 * page holding several files keeps each file's own.
 */
import * as React from "react";
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { countBySeverity } from "../../engine/findings";
import type { Lang } from "../../engine/i18n";
import type { Area } from "../../engine/rules/types";
import { kpiLines } from "../../engine/summary/model";
import { formatSerial } from "../../engine/util/dates";
import type { UiFinding, WorkbookResult } from "../protocol";
import type { Strings } from "../strings";
import { SeverityBar, passes, type Filter } from "./SeverityBar";
import { FindingsList } from "./FindingsList";
import { ProgressChart } from "./ProgressChart";
import { ProgressList } from "./ProgressList";
import { ReviewDialog } from "./ReviewForm";
import { findReviewRow, type ReviewInput } from "../../engine/reviews/rows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  project: { display: "flex", flexDirection: "column", gap: "2px" },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  progress: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** What the user made of one file's list: filters and closed groups. */
export interface PanelView {
  only: Set<Filter>;
  closed: Set<Area>;
}

export function emptyView(): PanelView {
  return { only: new Set(), closed: new Set() };
}

export interface FindingsPanelProps {
  result: WorkbookResult;
  lang: Lang;
  s: Strings;
  selected: UiFinding | null;
  onSelect(f: UiFinding): void;
  view: PanelView;
  onViewChange(view: PanelView): void;
  /**
   * Writes a finding's explanation or decision (审核意见) and checks again; rejects with a
   * bilingual `text`. Absent: no form is offered (a host that cannot write the row).
   */
  onSaveReview?(f: UiFinding, input: ReviewInput): Promise<void>;
  /** The standalone page: the form says the row goes into the downloaded copy. */
  reviewsInCopy?: boolean;
  /** Go to a cell (a row behind a figure): Excel and WPS select it, the page's preview shows it. */
  onGo?(sheet: string, cell: string): void;
}

export function FindingsPanel({
  result,
  lang,
  s,
  selected,
  onSelect,
  view,
  onViewChange,
  onSaveReview,
  reviewsInCopy,
  onGo,
}: FindingsPanelProps) {
  const styles = useStyles();
  const [reviewing, setReviewing] = React.useState<UiFinding | null>(null);
  const counts = countBySeverity(result.findings);
  const problems = result.findings.filter((f) => f.status !== "progress");
  const progress = result.findings.filter((f) => f.status === "progress");
  const visible = problems.filter((f) => passes(f, view.only));
  // Service spending against its floor is a bar of the budget chart already.
  const kpis = React.useMemo(
    () => kpiLines(result).filter((k) => k.rule !== "BUD-SERVICE"),
    [result]
  );
  const toggle = (f: Filter) => {
    const only = new Set(view.only);
    if (only.has(f)) only.delete(f);
    else only.add(f);
    onViewChange({ ...view, only });
  };
  const facts = result.facts;
  return (
    <div className={styles.root}>
      <div className={styles.project}>
        <Text weight="semibold" size={400}>
          {facts.name ?? result.file}
        </Text>
        <div className={styles.line}>
          {facts.code && <Text size={200}>{facts.code}</Text>}
          <Badge
            appearance="tint"
            color={result.stage.kind === "final" ? "brand" : "informative"}
            data-stage={result.stage.kind}
          >
            {s.stage[result.stage.kind]}
          </Badge>
          <Text size={200}>
            {s.asOf} {formatSerial(result.stage.asOf)}
          </Text>
        </div>
      </div>
      <SeverityBar
        counts={counts}
        only={view.only}
        onToggle={toggle}
        onClear={() => onViewChange({ ...view, only: new Set() })}
        s={s}
      />
      <FindingsList
        findings={visible}
        lang={lang}
        s={s}
        selected={selected}
        onSelect={onSelect}
        closed={view.closed}
        onClosedChange={(closed) => onViewChange({ ...view, closed })}
        onReview={onSaveReview ? setReviewing : undefined}
        result={result}
        onGo={onGo}
      />
      {onSaveReview && (
        <ReviewDialog
          finding={reviewing}
          existing={
            reviewing?.fingerprint
              ? findReviewRow(result.reviews, reviewing.fingerprint)
              : undefined
          }
          lang={lang}
          s={s}
          page={reviewsInCopy}
          onSave={onSaveReview}
          onClose={() => setReviewing(null)}
        />
      )}
      <section className={styles.progress} aria-label={s.progress} data-testid="progress">
        <Text weight="semibold">
          {s.progress}
          {progress.length ? ` (${progress.length})` : ""}
        </Text>
        {progress.length > 0 && (
          <>
            <Text size={200} className={styles.note}>
              {s.progressNote}
            </Text>
            <ProgressList progress={progress} result={result} lang={lang} s={s} onGo={onGo} />
          </>
        )}
        <ProgressChart budget={result.budget} kpis={kpis} lang={lang} s={s} />
      </section>
    </div>
  );
}
