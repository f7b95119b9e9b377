import { defineRule, type RuleContext } from "../types";
import { atTable } from "../_shared/where";
import { inPeriod } from "../_shared/period";
import { targetVerdict } from "../_shared/target";
import { judgeRecord, tableEvidence } from "../_shared/evidence";

const WHAT = { zh: "参赛组织达标的公益大赛", en: "qualifying contests" };
const UNIT = { zh: "次", en: "" };

function contests(ctx: RuleContext) {
  const { counted, excluded } = inPeriod(ctx, ctx.table("Contests").rows, "date");
  const min = ctx.ruleset.targets.contestOrgs;
  const qualifying = counted.filter(
    (r) => typeof r.v.participants === "number" && r.v.participants >= min
  );
  const best = Math.max(
    0,
    ...counted.map((r) => (typeof r.v.participants === "number" ? r.v.participants : 0))
  );
  return { actual: qualifying.length, held: counted.length, best, excluded };
}

export default defineRule({
  id: "KPI-CONTEST",
  area: "kpi",
  kind: "target",
  severities: ["error", "warning", "info"],
  clause: "特别提示 4",
  title: { zh: "公益大赛", en: "Micro-charity / venture contest" },
  fix: {
    zh: "举办微公益大赛或公益创投大赛，动员足够数量的社区社会组织参赛并登记。",
    en: "Hold a micro-charity or venture contest with enough organisations taking part, and record it.",
  },
  describe: (rs) => ({
    zh: `至少开展 ${rs.targets.contests} 次社区社会组织微公益大赛或公益创投大赛，参赛社区社会组织不少于 ${rs.targets.contestOrgs} 家。`,
    en: `At least ${rs.targets.contests} micro-charity or venture-philanthropy contest with ${rs.targets.contestOrgs}+ participating organisations.`,
  }),
  needs: ["Contests.date", "Contests.participants"],
  check(ctx) {
    const { actual, held, best, excluded } = contests(ctx);
    const min = ctx.ruleset.targets.contestOrgs;
    const fewer = {
      zh: `参赛社区社会组织不足 ${min} 家`,
      en: `Fewer than ${min} organisations took part`,
    };
    return targetVerdict(ctx, {
      actual,
      target: ctx.ruleset.targets.contests,
      what: {
        zh: `${WHAT.zh}（参赛不少于 ${ctx.ruleset.targets.contestOrgs} 家）`,
        en: `${WHAT.en} (${ctx.ruleset.targets.contestOrgs}+ organisations)`,
      },
      unit: UNIT,
      at: atTable(ctx, "Contests"),
      excluded,
      figures: { held, bestParticipants: best },
      evidence: tableEvidence(ctx.table("Contests"), (row) => {
        const v = judgeRecord(ctx, row, { dateKey: "date" });
        const enough = typeof row.v.participants === "number" && row.v.participants >= min;
        return v.counted && !enough ? { counted: false, reason: fewer } : v;
      }),
    });
  },
  measure: (ctx) => [
    {
      label: { zh: "公益大赛", en: "Contests" },
      unit: UNIT,
      actual: contests(ctx).actual,
      target: ctx.ruleset.targets.contests,
    },
  ],
});
