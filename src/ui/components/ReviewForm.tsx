/**
 * Explanations and decisions on a finding (审核意见, review-cycle.md section 2): what stands
 * under a finding (ReviewNote) and the small form that writes it (ReviewDialog). The form is
 * prefilled from the row the workbook already holds for the finding, so saving updates that
 * row; a decision needs its reason, reviewer and date, said in words before anything is sent.
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
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle16Filled, CommentEdit16Regular } from "@fluentui/react-icons";
import { ENUMS } from "../../engine/contract/enums";
import type { Lang, Text as Bilingual } from "../../engine/i18n";
import type { ReviewDecision, ReviewRow } from "../../engine/reviews/model";
import { reviewProblems, reviewValues, type ReviewInput } from "../../engine/reviews/rows";
import { explanationLine, reviewLines } from "../../engine/reviews/text";
import { formatSerial } from "../../engine/util/dates";
import type { UiFinding } from "../protocol";
import type { Strings } from "../strings";

const DECISIONS = ENUMS.reviewDecision.values as readonly ReviewDecision[];

const useStyles = makeStyles({
  note: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginTop: "-1px",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-word",
  },
  accepted: {
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    background: tokens.colorPaletteGreenBackground1,
  },
  acceptedLine: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  earlier: { color: tokens.colorPaletteDarkOrangeForeground1 },
  action: { alignSelf: "flex-start", minWidth: 0 },
  // Nothing written yet: the action only, quietly at the card's right.
  bare: { display: "flex", justifyContent: "flex-end", marginTop: "-2px" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  finding: { color: tokens.colorNeutralForeground2 },
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Where a finding is, as the pane shows it. */
const placeOf = (f: UiFinding) => (f.sheet ? `${f.sheet}!${f.cell ?? ""}` : "");

/** Under a finding: its explanation and decision, or that an earlier one lapsed; and the action. */
export function ReviewNote({
  f,
  lang,
  s,
  onReview,
}: {
  f: UiFinding;
  lang: Lang;
  s: Strings;
  onReview?: (f: UiFinding) => void;
}) {
  const styles = useStyles();
  const r = f.review;
  const accepted = r?.accepted === true;
  // Accepted: who and when stand in the heading, so the lines say why (and what was explained).
  const lines = accepted
    ? [
        explanationLine(r, lang),
        r.reason ? `${lang === "zh" ? "理由：" : "Reason: "}${r.reason}` : null,
      ].filter((l): l is string => l !== null)
    : reviewLines(f, lang);
  if (!lines.length && !onReview) return null;
  return (
    <div
      className={
        accepted ? `${styles.note} ${styles.accepted}` : lines.length ? styles.note : styles.bare
      }
      data-review={r ? (r.decision ?? "explanation") : f.earlierReview ? "earlier" : undefined}
    >
      {accepted && (
        <span className={styles.acceptedLine}>
          <CheckmarkCircle16Filled aria-hidden="true" />
          {s.review.accepted}
          {s.review.acceptedBy(r.by, r.date)}
        </span>
      )}
      {lines.map((line) => (
        <Text size={200} key={line} className={!r && f.earlierReview ? styles.earlier : undefined}>
          {line}
        </Text>
      ))}
      {onReview && f.fingerprint && f.status !== "not-checked" && (
        <Button
          className={styles.action}
          size="small"
          appearance="transparent"
          icon={<CommentEdit16Regular />}
          onClick={() => onReview(f)}
          aria-label={s.review.actionLabel(
            r ? s.review.actionEdit : s.review.action,
            f.rule,
            placeOf(f)
          )}
          data-testid="review-action"
        >
          {r ? s.review.actionEdit : s.review.action}
        </Button>
      )}
    </div>
  );
}

/** Today as YYYY-MM-DD, in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The reviewer last named in this pane: a person reviewing many findings types it once. */
let lastReviewer = "";

interface Draft {
  explanation: string;
  decision: ReviewDecision | "";
  reason: string;
  reviewer: string;
  date: string;
}

function draftOf(existing: ReviewRow | undefined): Draft {
  return {
    explanation: existing?.explanation ?? "",
    decision: existing?.decision ?? "",
    reason: existing?.reason ?? "",
    reviewer: existing?.reviewer ?? lastReviewer,
    date: existing?.decidedOn != null ? formatSerial(existing.decidedOn) : today(),
  };
}

/** What the form sends: a date only with a decision (or when the row had one). */
function inputOf(d: Draft, existing: ReviewRow | undefined): ReviewInput {
  const dated = d.decision !== "" || existing?.decidedOn != null;
  return {
    explanation: d.explanation,
    decision: d.decision === "" ? null : d.decision,
    reason: d.reason,
    reviewer: d.reviewer,
    date: dated && d.date ? d.date : null,
  };
}

export interface ReviewDialogProps {
  /** The finding being reviewed; null: closed. */
  finding: UiFinding | null;
  /** The row 审核意见 holds for it (by fingerprint), if any: the form starts from it. */
  existing?: ReviewRow;
  lang: Lang;
  s: Strings;
  /** The standalone page: the row goes into the downloaded copy. */
  page?: boolean;
  /** Writes the row; rejects with a bilingual `text` when it cannot. */
  onSave(f: UiFinding, input: ReviewInput): Promise<void>;
  onClose(): void;
}

function errorText(e: unknown, lang: Lang): string {
  const text = (e as { text?: Bilingual } | null)?.text;
  if (text && typeof text.zh === "string") return text[lang];
  return e instanceof Error ? e.message : String(e);
}

export function ReviewDialog(props: ReviewDialogProps) {
  const { finding } = props;
  if (!finding) return null;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <ReviewSurface key={finding.fingerprint} {...props} finding={finding} />
    </Dialog>
  );
}

function ReviewSurface({
  finding: f,
  existing,
  lang,
  s,
  page,
  onSave,
  onClose,
}: ReviewDialogProps & { finding: UiFinding }) {
  const styles = useStyles();
  const t = s.review;
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(existing));
  /** Saving was tried: from then on what is missing is said as the user types. */
  const [tried, setTried] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const decided = draft.decision !== "";

  const validate = (d: Draft) => {
    const { values } = reviewValues(f, inputOf(d, existing), existing);
    const found = reviewProblems(values).map((p) => p[lang]);
    if (!values.explanation && !values.decision) found.unshift(t.nothing);
    return { values, found };
  };
  const problems = tried ? validate(draft).found : [];

  const save = async () => {
    const { values, found } = validate(draft);
    setTried(true);
    setFailure(null);
    if (found.length) return;
    const input = inputOf(draft, existing);
    setSaving(true);
    try {
      if (values.reviewer) lastReviewer = values.reviewer;
      await onSave(f, input);
      onClose();
    } catch (e) {
      setFailure(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  const missing = (empty: boolean) =>
    decided && empty && problems.length ? t.requiredWithDecision : undefined;
  return (
    <DialogSurface className={styles.surface} aria-describedby="review-intro">
      <DialogBody>
        <DialogTitle>{t.title}</DialogTitle>
        <DialogContent className={styles.form}>
          <Text size={200} id="review-intro">
            {page ? t.introPage : t.intro}
          </Text>
          <Text size={200} className={styles.finding} data-testid="review-finding">
            {[f.rule, placeOf(f)].filter(Boolean).join(" · ")}：{f.message[lang]}
          </Text>
          {!f.review && f.earlierReview && (
            <MessageBar intent="warning">
              <MessageBarBody>{t.earlierNote}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t.explanation} hint={t.explanationHint}>
            <Textarea
              value={draft.explanation}
              onChange={(_, d) => set({ explanation: d.value })}
              resize="vertical"
              data-testid="review-explanation"
            />
          </Field>
          <Field label={t.decision} hint={t.decisionHint}>
            <Select
              value={draft.decision}
              onChange={(_, d) => set({ decision: d.value as Draft["decision"] })}
              data-testid="review-decision"
            >
              <option value="">{t.decisionNone}</option>
              {DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t.reason}
            required={decided}
            validationMessage={missing(!draft.reason.trim())}
          >
            <Textarea
              value={draft.reason}
              onChange={(_, d) => set({ reason: d.value })}
              resize="vertical"
              data-testid="review-reason"
            />
          </Field>
          <Field
            label={t.reviewer}
            required={decided}
            validationMessage={missing(!draft.reviewer.trim())}
          >
            <Input
              value={draft.reviewer}
              onChange={(_, d) => set({ reviewer: d.value })}
              data-testid="review-reviewer"
            />
          </Field>
          <Field label={t.date} required={decided} validationMessage={missing(!draft.date)}>
            <Input
              type="date"
              value={draft.date}
              onChange={(_, d) => set({ date: d.value })}
              data-testid="review-date"
            />
          </Field>
          {problems.length > 0 && (
            <MessageBar intent="error" data-testid="review-problems">
              <MessageBarBody>
                {t.problemsTitle}
                <ul className={styles.problems}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {failure && (
            <MessageBar intent="error" data-testid="review-failure">
              <MessageBarBody>
                {t.failed}：{failure}
              </MessageBarBody>
            </MessageBar>
          )}
        </DialogContent>
        <DialogActions>
          <Button
            appearance="primary"
            onClick={() => void save()}
            disabled={saving}
            data-testid="review-save"
          >
            {saving ? t.saving : t.save}
          </Button>
          <Button onClick={onClose} disabled={saving}>
            {t.cancel}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
