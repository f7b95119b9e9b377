import { defineRule, type RuleContext, type RuleFinding } from "../types";
import { atTable } from "../_shared/where";
import { inPeriod } from "../_shared/period";
import { targetVerdict } from "../_shared/target";
import { judgeRecord, tableEvidence } from "../_shared/evidence";
import { REASONS } from "../../evidence";

function trainings(ctx: RuleContext) {
  const { counted, excluded } = inPeriod(ctx, ctx.table("Trainings").rows, "date");
  let personTimes = 0;
  for (const r of counted) if (typeof r.v.personTimes === "number") personTimes += r.v.personTimes;
  return { sessions: counted.length, personTimes, excluded };
}

export default defineRule({
  id: "KPI-TRAINING",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 5",
  title: { zh: "人才培训", en: "Trainings" },
  fix: {
    zh: "组织社区志愿者或社区社会组织人才培训，并登记参训人次。",
    en: "Hold trainings for volunteers or organisation talent and record the person-times.",
  },
  describe: (rs) => ({
    zh: `开展社区志愿者、社区社会组织人才培训不少于 ${rs.targets.trainings} 场次，培训不少于 ${rs.targets.trainingPersonTimes} 人次。`,
    en: `At least ${rs.targets.trainings} training for community volunteers or organisation talent, ${rs.targets.trainingPersonTimes}+ person-times in total.`,
  }),
  needs: ["Trainings.date", "Trainings.personTimes"],
  check(ctx) {
    const { sessions, personTimes, excluded } = trainings(ctx);
    const at = atTable(ctx, "Trainings");
    const findings: RuleFinding[] = [
      ...targetVerdict(ctx, {
        actual: sessions,
        target: ctx.ruleset.targets.trainings,
        what: { zh: "培训场次", en: "training sessions" },
        unit: { zh: "场", en: "" },
        at,
        excluded,
        evidence: tableEvidence(ctx.table("Trainings"), (row) =>
          judgeRecord(ctx, row, { dateKey: "date" })
        ),
      }),
      ...targetVerdict(ctx, {
        actual: personTimes,
        target: ctx.ruleset.targets.trainingPersonTimes,
        what: { zh: "培训人次", en: "training person-times" },
        unit: { zh: "人次", en: "" },
        at,
        evidence: tableEvidence(
          ctx.table("Trainings"),
          (row) =>
            judgeRecord(ctx, row, {
              dateKey: "date",
              sumKey: "personTimes",
              noValue: REASONS.noPersonTimes,
            }),
          "personTimes"
        ),
      }),
    ];
    return findings;
  },
  measure(ctx) {
    const { sessions, personTimes } = trainings(ctx);
    return [
      {
        label: { zh: "培训场次", en: "Trainings" },
        unit: { zh: "场", en: "" },
        actual: sessions,
        target: ctx.ruleset.targets.trainings,
      },
      {
        label: { zh: "培训人次", en: "Person-times trained" },
        unit: { zh: "人次", en: "" },
        actual: personTimes,
        target: ctx.ruleset.targets.trainingPersonTimes,
      },
    ];
  },
});
