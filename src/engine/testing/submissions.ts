/** Two submissions of the compliant fixture's project, for comparison tests. */
import { checkWorkbook } from "../check";
import { bundledRuleSet } from "../rulesets/ruleset";
import { submissionOf, type Submission } from "../diff/snapshot";
import { compareSubmissions } from "../diff/compare";
import type { Comparison } from "../diff/types";
import { compliantFixture, toModel, type Fixture } from "./fixture";

export const EARLIER_AS_OF = "2024-09-05";
export const LATER_AS_OF = "2024-10-08";

/** The compliant project as submitted on 2024-09-05 and (unchanged, so far) on 2024-10-08. */
export function twoSubmissions(): { earlier: Fixture; later: Fixture } {
  const earlier = compliantFixture();
  earlier.info.AsOfDate = EARLIER_AS_OF;
  const later = structuredClone(earlier);
  later.info.AsOfDate = LATER_AS_OF;
  return { earlier, later };
}

export function submission(fx: Fixture, file: string, modified: number | null = null): Submission {
  const report = checkWorkbook(toModel(fx, {}, file), { ruleset: bundledRuleSet() });
  return submissionOf(report, modified);
}

/** Compare two fixtures; throws when the comparison is refused. */
export function compareFixtures(earlier: Fixture, later: Fixture): Comparison {
  const out = compareSubmissions(
    submission(earlier, "earlier.xlsx"),
    submission(later, "later.xlsx")
  );
  if (!out.ok) throw new Error(out.error.en);
  return out.comparison;
}
