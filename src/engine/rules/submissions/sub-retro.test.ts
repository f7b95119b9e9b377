import { compareFixtures, twoSubmissions } from "../../testing/submissions";
import { checkFixture, compliantFixture, type Fixture } from "../../testing/fixture";
import { PROJECT_RULES, CROSS_RULES, SUBMISSION_RULES } from "../catalog";
import type { Finding } from "../../findings";
import type { TableName } from "../../contract/tables";

type Rows = Exclude<TableName, "Budget">;

function retro(earlier: Fixture, later: Fixture): Finding[] {
  const c = compareFixtures(earlier, later);
  for (const f of c.findings) expect(f.rule).toBe("SUB-RETRO");
  return c.findings;
}

/** "warning 支出台账!F3" or "warning 支出台账!-": compact assertions. */
const at = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.sheet}!${f.cell ?? "-"}`);

// The earlier submission reports up to 2024-09-05. Ledger P-1..P-6 are dated before it
// (2024-03-15 … 2024-08-12), P-7 after it (2024-09-11).
describe("SUB-RETRO: reported history changed in a later submission", () => {
  it("flags a changed ledger row of the reported period on the later workbook's cell, with old and new values", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger![2].amount = 12000; // P-3, 2024-05-14
    later.tables.Ledger![2].summary = "工资（补发）";
    const fs = retro(earlier, later);
    expect(at(fs)).toEqual(["warning 支出台账!E4"]);
    expect(fs[0].message.zh).toBe(
      "「支出台账」表第 4 行（凭证号 P-3，日期 2024-05-14，类别 人力成本，金额 12,000，摘要 工资（补发））属于已报送的内容，本次报送作了修改：摘要 工资 → 工资（补发）；金额 10,000 → 12,000（上次报送截止日期为 2024-09-05）。"
    );
    expect(fs[0].message.en).toContain(
      "changed: Description 工资 → 工资（补发）; Amount 10,000 → 12,000"
    );
    expect(fs[0].figures).toMatchObject({ "amount.old": 10000, "amount.new": 12000 });
    expect(fs[0].title?.zh).toBe("已报送数据被追溯修改");
  });

  it("leaves changes after the reported period alone", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger![6].amount = 12000; // P-7, 2024-09-11
    later.tables.Ledger!.push({ ...later.tables.Ledger![6], voucher: "P-11", date: "2024-09-30" });
    const c = compareFixtures(earlier, later);
    expect(c.tables.find((t) => t.table === "Ledger")).toMatchObject({ changed: 1, added: 1 });
    expect(c.findings).toEqual([]);
  });

  it("flags a row added with a date in the reported period, on its date cell", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger!.push({ ...later.tables.Ledger![0], voucher: "P-11", date: "2024-09-05" });
    const fs = retro(earlier, later);
    expect(at(fs)).toEqual(["warning 支出台账!A18"]);
    expect(fs[0].message.zh).toMatch(
      /^「支出台账」表第 18 行（凭证号 P-11，日期 2024-09-05，.*）是新增的行/
    );
  });

  it("flags a removed row of the reported period on the table, naming the earlier file's row", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger!.splice(1, 1); // P-2, 2024-04-14, row 3
    const fs = retro(earlier, later);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ sheet: "支出台账", target: "Ledger", severity: "warning" });
    // Gone from the later workbook: on the table's header, not on a row or on A1.
    expect(fs[0].cell).toBe("A1:G1");
    expect(fs[0].message.zh).toBe(
      "上次报送（earlier.xlsx）「支出台账」表第 3 行（凭证号 P-2，日期 2024-04-14，类别 人力成本，金额 10,000，摘要 工资）属于已报送期间，本次报送中已删除（上次报送截止日期为 2024-09-05）。"
    );
    expect(fs[0].figures).toMatchObject({ change: "removed", earlierRow: 3 });
  });

  it("flags a date moved across the earlier reporting date, either way", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger![6].date = "2024-08-30"; // P-7 from 2024-09-11 into the reported period
    later.tables.Ledger![5].date = "2024-09-20"; // P-6 from 2024-08-12 out of it
    const fs = retro(earlier, later);
    expect(at(fs)).toEqual(["warning 支出台账!A7", "warning 支出台账!A8"]);
    expect(fs[1].message.zh).toContain("日期 2024-09-11 → 2024-08-30");
  });

  // Every dated table, by its own date field.
  const DATED: [Rows, number, string, string | number, string][] = [
    ["Activities", 0, "beneficiaries", 30, "F2"],
    ["Contests", 0, "participants", 11, "D2"],
    ["Trainings", 0, "personTimes", 31, "D2"],
    ["CharityResources", 0, "value", 5100, "D2"],
    ["FamilyFiles", 0, "content", "补记", "D2"],
  ];
  it.each(DATED)(
    "flags a changed %s row dated in the reported period",
    (name, i, field, v, cell) => {
      const { earlier, later } = twoSubmissions();
      later.tables[name]![i][field] = v;
      expect(at(retro(earlier, later))).toEqual([`warning ${cellSheet(name)}!${cell}`]);
    }
  );

  it("dates typical cases by 完成日期 and organisations by 乡镇备案日期", () => {
    const { earlier, later } = twoSubmissions();
    // Cases complete after 2024-09-05: a change is news; moved into the period it is history.
    later.tables.Cases![0].orgs = "测试社区组织1";
    expect(retro(earlier, later)).toEqual([]);
    later.tables.Cases![1].completedOn = "2024-09-01";
    expect(at(retro(earlier, later))).toEqual(["warning 典型案例!C3"]);
    const again = twoSubmissions();
    again.later.tables.CommunityOrgs![0].leader = "新负责人"; // filed 2024-04-01
    expect(at(retro(again.earlier, again.later))).toEqual(["warning 社区社会组织!D2"]);
    // Filed after the earlier reporting date (blank before): progress, not history.
    again.earlier.tables.CommunityOrgs![0].filedOn = null;
    again.earlier.tables.CommunityOrgs![0].filingNumber = null;
    again.later.tables.CommunityOrgs![0].leader = "负责人1";
    again.later.tables.CommunityOrgs![0].filedOn = "2024-09-20";
    expect(retro(again.earlier, again.later)).toEqual([]);
    again.later.tables.CommunityOrgs![0].filedOn = "2024-08-20";
    expect(at(retro(again.earlier, again.later))).toEqual(["warning 社区社会组织!G2"]);
  });

  it("flags staff and supervisor dates changed in the reported period, not a later leaving date", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Staff![1].left = "2024-09-30"; // left after the earlier reporting date: news
    later.tables.Staff![0].post = "项目主管"; // not a date
    expect(retro(earlier, later)).toEqual([]);
    later.tables.Staff![1].left = "2024-08-31"; // had already left when the earlier one was sent
    later.tables.Staff![0].joined = "2024-04-01";
    later.tables.Supervisors![0].careerStart = "2016-01-01";
    const fs = retro(earlier, later);
    expect(at(fs)).toEqual(["warning 人员!H2", "warning 人员!I3", "warning 督导!F2"]);
    expect(fs[0].message.zh).toMatch(
      /^「人员」表第 2 行（姓名 甲，身份证号 653121\*{8}\d{3}[\dX]）属于已报送的内容，本次报送作了修改：岗位 主管 → 项目主管；到岗日期 2024-03-01 → 2024-04-01/
    );
  });

  it("says everything in plain words: no internal keys, ID numbers masked", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Staff![0].joined = "2024-04-01";
    later.tables.Ledger!.splice(0, 1);
    later.tables.Activities![0].beneficiaries = 19;
    const fs = retro(earlier, later);
    expect(fs).toHaveLength(3);
    for (const f of fs) {
      expect(f.message.zh).toMatch(/^[「上]/);
      expect(f.message.zh).not.toMatch(/Ledger|Staff|Activities|idNumber|joined|amount|SUB-RETRO/);
      expect(f.message.en).not.toMatch(/idNumber|careerStart|\bLedger\b|\.old|SUB-RETRO/);
      expect(JSON.stringify(f)).not.toContain(String(earlier.tables.Staff![0].idNumber));
    }
  });

  it("is a rule over two submissions, never run by the check of one workbook or across projects", () => {
    expect(SUBMISSION_RULES.map((r) => r.id)).toContain("SUB-RETRO");
    expect(PROJECT_RULES.map((r) => r.id)).not.toContain("SUB-RETRO");
    expect(CROSS_RULES.map((r) => r.id)).not.toContain("SUB-RETRO");
    const report = checkFixture(compliantFixture(), { asOf: "2024-10-08" });
    expect(report.findings.filter((f) => f.rule.startsWith("SUB-"))).toEqual([]);
  });
});

function cellSheet(name: Rows): string {
  return {
    Activities: "服务活动",
    Contests: "大赛",
    Trainings: "培训",
    CharityResources: "慈善资源",
    FamilyFiles: "婚姻家庭档案",
  }[name as string]!;
}
