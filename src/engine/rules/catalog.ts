/** The rule catalog: every rule file under this folder, ordered by area and ID. */
import { ALL_RULES } from "./index.generated";
import type { CrossRule, ProjectRule, Rule, SubmissionRule } from "./types";
import { AREA_ORDER } from "./types";

const ordered = [...ALL_RULES].sort(
  (a, b) => AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area) || a.id.localeCompare(b.id)
);

export const RULES: readonly Rule[] = ordered;
export const PROJECT_RULES: readonly ProjectRule[] = ordered.filter(
  (r): r is ProjectRule => r.scope === "project"
);
export const CROSS_RULES: readonly CrossRule[] = ordered.filter(
  (r): r is CrossRule => r.scope === "cross"
);
/** Rules over two submissions of a project: run by the comparison only. */
export const SUBMISSION_RULES: readonly SubmissionRule[] = ordered.filter(
  (r): r is SubmissionRule => r.scope === "submissions"
);

const byId = new Map(ordered.map((r) => [r.id, r] as const));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
