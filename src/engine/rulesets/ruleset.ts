/**
 * A rule set holds every number of one program year. Rules read it; nothing in code
 * carries these numbers. New years are new JSON files (bundled here, or given by path).
 */
import type { Text } from "../i18n";
import shufu2024 from "./shufu-2024.json";

export interface RuleSet {
  id: string;
  title: Text;
  source: Text;
  program: {
    totalFund: number;
    sites: string[];
    maxProjectsPerSite: number;
    maxProjectsPerContractor: number;
  };
  project: { grant: number; termMonths: number };
  budget: { personnelMax: number; serviceMin: number; evaluationMax: number };
  staff: {
    minFullTime: number;
    minQualified: number;
    qualifiedCertLevel: string;
    qualifiedYears: number;
  };
  supervision: {
    minInternal: number;
    minExternal: number;
    externalCertLevel: string;
    externalYears: number;
  };
  targets: {
    orgs: number;
    orgActivities: number;
    focusFields: string[];
    services: number;
    beneficiaries: number;
    contests: number;
    contestOrgs: number;
    trainings: number;
    trainingPersonTimes: number;
    marriageFiles: number;
    familyFiles: number;
    charityYuan: number;
    cases: number;
  };
  reporting: { monthlyDueDay: number };
  uscc: { socialOrgAuthority: string };
}

export const BUNDLED_RULESETS: Readonly<Record<string, unknown>> = {
  "shufu-2024": shufu2024,
};

export const DEFAULT_RULESET = "shufu-2024";

/** Shape of RuleSet as data: every leaf's kind, used to validate a rule set file. */
const SHAPE = {
  id: "s",
  title: { zh: "s", en: "s" },
  source: { zh: "s", en: "s" },
  program: { totalFund: "n", sites: "s[]", maxProjectsPerSite: "n", maxProjectsPerContractor: "n" },
  project: { grant: "n", termMonths: "n" },
  budget: { personnelMax: "n", serviceMin: "n", evaluationMax: "n" },
  staff: { minFullTime: "n", minQualified: "n", qualifiedCertLevel: "s", qualifiedYears: "n" },
  supervision: { minInternal: "n", minExternal: "n", externalCertLevel: "s", externalYears: "n" },
  targets: {
    orgs: "n",
    orgActivities: "n",
    focusFields: "s[]",
    services: "n",
    beneficiaries: "n",
    contests: "n",
    contestOrgs: "n",
    trainings: "n",
    trainingPersonTimes: "n",
    marriageFiles: "n",
    familyFiles: "n",
    charityYuan: "n",
    cases: "n",
  },
  reporting: { monthlyDueDay: "n" },
  uscc: { socialOrgAuthority: "s" },
} as const;

type Shape = string | { readonly [k: string]: Shape };

function validate(data: unknown, shape: Shape, path: string, problems: string[]): void {
  if (typeof shape === "string") {
    const ok =
      shape === "n"
        ? typeof data === "number" && Number.isFinite(data) && data >= 0
        : shape === "s"
          ? typeof data === "string" && data.length > 0
          : Array.isArray(data) &&
            data.length > 0 &&
            data.every((x) => typeof x === "string" && x.length > 0);
    if (!ok)
      problems.push(
        `${path}: expected ${shape === "n" ? "a number ≥ 0" : shape === "s" ? "text" : "a list of text"}`
      );
    return;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    problems.push(`${path || "(root)"}: expected an object`);
    return;
  }
  for (const key of Object.keys(shape)) {
    validate(
      (data as Record<string, unknown>)[key],
      shape[key],
      path ? `${path}.${key}` : key,
      problems
    );
  }
}

export class RuleSetError extends Error {}

/** Check that data is a complete rule set; throws RuleSetError listing every problem. */
export function parseRuleSet(data: unknown, origin: string): RuleSet {
  const problems: string[] = [];
  validate(data, SHAPE, "", problems);
  if (problems.length) {
    throw new RuleSetError(`${origin}: ${problems.join("; ")}`);
  }
  return data as RuleSet;
}

export function bundledRuleSet(id: string = DEFAULT_RULESET): RuleSet {
  // Own keys only: "__proto__" or "toString" is no rule set of ours.
  const data = Object.hasOwn(BUNDLED_RULESETS, id) ? BUNDLED_RULESETS[id] : undefined;
  if (!data) {
    throw new RuleSetError(
      `unknown rule set "${id}" (bundled: ${Object.keys(BUNDLED_RULESETS).join(", ")})`
    );
  }
  return parseRuleSet(data, id);
}
