import { compareFixtures, twoSubmissions } from "../testing/submissions";
import type { Comparison, TableComparison } from "./types";
import type { TableName } from "../contract/tables";
import type { FixtureRow } from "../testing/fixture";
import { maskId } from "../util/text";

function table(c: Comparison, name: TableName): TableComparison {
  return c.tables.find((t) => t.table === name)!;
}

/** "+12", "-5", "~7 amount,summary": what happened to which row, compactly. */
function changes(t: TableComparison): string[] {
  return t.rows.map((r) =>
    r.change === "added"
      ? `+${r.laterRow}`
      : r.change === "removed"
        ? `-${r.earlierRow}`
        : `~${r.laterRow} ${r.fields.map((f) => f.field).join(",")}`
  );
}

describe("matching rows of two submissions", () => {
  it("finds nothing changed between identical submissions", () => {
    const { earlier, later } = twoSubmissions();
    const c = compareFixtures(earlier, later);
    for (const t of c.tables) expect([t.table, changes(t)]).toEqual([t.table, []]);
    expect(c.notes).toEqual([]);
    expect(c.findings).toEqual([]);
  });

  it("matches ledger rows by voucher wherever they moved, and names the changed fields", () => {
    const { earlier, later } = twoSubmissions();
    const rows = later.tables.Ledger!;
    // Sorted the other way round, and one amount changed after the reporting date.
    rows.reverse();
    const p9 = rows.find((r) => r.voucher === "P-9")!;
    p9.amount = 10500;
    const c = compareFixtures(earlier, later);
    const t = table(c, "Ledger");
    expect(changes(t)).toEqual([`~${rows.indexOf(p9) + 2} amount`]);
    expect(t.rows[0].fields).toEqual([
      { field: "amount", header: { zh: "金额", en: "Amount" }, old: 10000, new: 10500 },
    ]);
    expect(t.rows[0].cell).toBe(`F${rows.indexOf(p9) + 2}`);
    expect(t.unchanged).toBe(earlier.tables.Ledger!.length - 1);
  });

  it("matches ledger rows without a voucher by date, category, amount and description", () => {
    const { earlier, later } = twoSubmissions();
    for (const fx of [earlier, later]) fx.tables.Ledger![9].voucher = null; // P-10
    later.tables.Ledger!.unshift({ ...later.tables.Ledger![3], voucher: "P-X" });
    // Its payee changes: the row is the same row (the payee is not part of the key).
    later.tables.Ledger![10].payee = "另一收款方";
    let c = compareFixtures(earlier, later);
    expect(changes(table(c, "Ledger"))).toEqual(["+2", "~12 payee"]);
    // Its amount is part of the key: another row.
    later.tables.Ledger![10].amount = 9000;
    c = compareFixtures(earlier, later);
    expect(changes(table(c, "Ledger"))).toEqual(["+2", "-11", "+12"]);
  });

  it("matches duplicate keys in row order and notes each side's duplicates once", () => {
    const { earlier, later } = twoSubmissions();
    const twin: FixtureRow = { ...earlier.tables.Ledger![0], voucher: null };
    earlier.tables.Ledger!.push({ ...twin }, { ...twin }, { ...twin });
    later.tables.Ledger!.push({ ...twin }, { ...twin, summary: "工资（补）" });
    const c = compareFixtures(earlier, later);
    // Two of the three twins are matched (the first with the first), one is gone, and the
    // changed description makes another row.
    expect(changes(table(c, "Ledger"))).toEqual(["-19", "+19", "-20"]);
    expect(c.notes.map((n) => n.kind)).toEqual(["duplicate-keys"]);
    expect(c.notes[0].message.zh).toMatch(
      /^较早报送的「支出台账」表中有 1 组行的凭证号（无凭证号时按日期、类别、金额、摘要）相同（第 18 行），已按行序逐一对应比较。$/
    );
    expect(c.notes[0].message.en).toContain("earlier submission's expenditure ledger (支出台账)");
  });

  it("notes a voucher used twice in the later submission, matching its first use", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Ledger!.push({ ...later.tables.Ledger![12], summary: "重复录入" });
    const c = compareFixtures(earlier, later);
    expect(changes(table(c, "Ledger"))).toEqual([`+${later.tables.Ledger!.length + 1}`]);
    expect(c.notes.map((n) => n.message.zh)).toEqual([
      expect.stringMatching(/^较晚报送的「支出台账」表中有 1 组行.*（第 14 行）/),
    ]);
  });

  // Each table's key (review-cycle.md section 1): a change elsewhere in the row changes the
  // row; a change of the key makes another row.
  const KEYS: [TableName, number, string, string | number, string, string | number][] = [
    ["Staff", 0, "post", "副主任", "idNumber", "65312119880512011X"],
    ["Supervisors", 1, "employer", "喀什大学社工系", "idNumber", "653121198204160448"],
    ["CommunityOrgs", 2, "leader", "新负责人", "name", "另一组织"],
    ["Activities", 3, "beneficiaries", 25, "title", "改名的活动"],
    ["Contests", 0, "participants", 12, "title", "公益创投大赛"],
    ["Trainings", 0, "personTimes", 35, "topic", "志愿者培训"],
    ["CharityResources", 0, "value", 6000, "source", "爱心企业"],
    ["Cases", 1, "orgs", "测试社区组织1", "title", "另一案例"],
    ["FamilyFiles", 4, "content", "回访", "number", "HJ-99"],
    ["MonthlyReports", 5, "submittedOn", "2024-09-07", "month", "2025-06"],
  ];
  it.each(KEYS)("keys %s rows by their key", (name, index, field, value, key, other) => {
    const { earlier, later } = twoSubmissions();
    const rows = later.tables[name as Exclude<TableName, "Budget">]!;
    rows[index][field] = value;
    expect(changes(table(compareFixtures(earlier, later), name))).toEqual([
      `~${index + 2} ${field}`,
    ]);
    rows[index][key] = other;
    expect(changes(table(compareFixtures(earlier, later), name))).toEqual([
      `-${index + 2}`,
      `+${index + 2}`,
    ]);
  });

  it("keys budget rows by category and leaves the formula columns to the ledger", () => {
    const { earlier, later } = twoSubmissions();
    later.budget.服务性支出 = 45000;
    later.tables.Ledger![0].amount = 9000; // changes the budget's actual, a formula
    const c = compareFixtures(earlier, later);
    expect(changes(table(c, "Budget"))).toEqual(["~3 planned"]);
  });

  it("keys a row without its key fields by all its values", () => {
    const { earlier, later } = twoSubmissions();
    for (const fx of [earlier, later]) fx.tables.Cases![2].title = null;
    let c = compareFixtures(earlier, later);
    expect(changes(table(c, "Cases"))).toEqual([]);
    later.tables.Cases![2].orgs = "测试社区组织2";
    c = compareFixtures(earlier, later);
    expect(changes(table(c, "Cases"))).toEqual(["-4", "+4"]);
  });

  it("masks ID numbers in every row it describes", () => {
    const { earlier, later } = twoSubmissions();
    later.tables.Staff![0].idNumber = "653121199001011234";
    later.tables.Staff![1].post = "督导助理";
    const c = compareFixtures(earlier, later);
    const staff = table(c, "Staff");
    expect(changes(staff)).toEqual(["-2", "+2", "~3 post"]);
    const text = JSON.stringify(c);
    for (const id of [earlier.tables.Staff![0].idNumber, "653121199001011234"])
      expect(text).not.toContain(String(id));
    expect(staff.rows[0].label.zh).toBe(
      `姓名 甲，身份证号 ${maskId(String(earlier.tables.Staff![0].idNumber))}`
    );
    expect(staff.rows[0].label.zh).toMatch(/^姓名 甲，身份证号 653121\*{8}011[0-9X]$/);
  });
});
