import { watchChanges } from "./live";
import { FakeExcel, type FakeExcelOptions } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

/** Let queued promises (the fake's syncs and event dispatches) run; timers stay fake. */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i += 1) await Promise.resolve();
}

describe("watchChanges", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function workbook(options: FakeExcelOptions = {}) {
    const model = toModel(compliantFixture());
    model.sheets.push({ name: "备注", rows: [[{ v: "x" }]] });
    return FakeExcel.fromModel(model, options);
  }

  async function pause(ms: number) {
    jest.advanceTimersByTime(ms);
    await flush();
  }

  it("calls back once edits pause, with the sheets concerned", async () => {
    const fake = workbook();
    const calls: string[][] = [];
    const stop = await watchChanges(fake.host, (sheets) => calls.push(sheets), 500);
    expect(fake.stats.syncs).toBe(2);
    await fake.emitChanged("支出台账", "A2");
    await pause(300);
    await fake.emitChanged("支出台账", "B3:C900");
    await fake.emitChanged("人员", "A1");
    await fake.emitChanged("备注", "A1");
    await pause(499);
    expect(calls).toEqual([]);
    await pause(1);
    expect(calls.map((c) => [...c].sort())).toEqual([["人员", "支出台账"]]);
    await fake.emitChanged("预算", "B2");
    await pause(500);
    expect(calls.slice(1)).toEqual([["预算"]]);
    // An edit of a sheet the check does not read calls nothing.
    await fake.emitChanged("备注", "A1");
    await pause(500);
    expect(calls).toHaveLength(2);
    await stop();
  });

  it("unsubscribes: handlers removed, a pending call dropped", async () => {
    const fake = workbook();
    const onChange = jest.fn();
    const stop = await watchChanges(fake.host, onChange, 200);
    await fake.emitChanged("支出台账", "A2");
    await stop();
    await pause(1000);
    await fake.emitChanged("支出台账", "A3");
    await pause(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(fake.doc.sheets.every((s) => s.changed.size === 0)).toBe(true);
    expect(Object.values(fake.doc.handlers).every((h) => h.size === 0)).toBe(true);
  });

  it("sees sheets added or renamed after it started", async () => {
    const model = toModel(compliantFixture());
    model.sheets.find((s) => s.name === "督导")!.name = "督导（旧）";
    const fake = FakeExcel.fromModel(model);
    const calls: string[][] = [];
    const stop = await watchChanges(fake.host, (sheets) => calls.push(sheets), 200);
    // The user renames the old sheet back to the template's name, then edits it.
    await fake.userRenamesSheet("督导（旧）", "督导");
    await pause(200);
    expect(calls).toEqual([["督导"]]);
    await fake.emitChanged("督导", "B2");
    await pause(200);
    expect(calls).toEqual([["督导"], ["督导"]]);
    // A sheet added now and named as a contract sheet is watched too.
    fake.doc.sheets = fake.doc.sheets.filter((s) => s.name !== "典型案例");
    await fake.userAddsSheet("典型案例");
    await pause(200);
    await fake.emitChanged("典型案例", "A2");
    await pause(200);
    expect(calls.slice(2)).toEqual([["典型案例"], ["典型案例"]]);
    await stop();
  });

  it("ignores what the add-in itself writes", async () => {
    const fake = workbook();
    const onChange = jest.fn();
    const stop = await watchChanges(fake.host, onChange, 200);
    // The add-in writes cells of a contract sheet (Excel raises onChanged for it).
    const context = fake.context() as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("备注").getRange("A1").values = [["x"]];
    context.workbook.worksheets.getItem("支出台账").getRange("K1").values = [["ours"]];
    await context.sync();
    await flush();
    await pause(500);
    expect(onChange).not.toHaveBeenCalled();
    await stop();
  });

  it("with ExcelApi 1.8, watches every sheet and each sheet added later", async () => {
    const fake = workbook({ apiVersion: "1.8" });
    const calls: string[][] = [];
    const stop = await watchChanges(fake.host, (sheets) => calls.push(sheets), 200);
    expect(fake.doc.handlers.changed.size).toBe(0);
    expect(fake.doc.sheets.every((s) => s.changed.size === 1)).toBe(true);
    await fake.emitChanged("人员", "A2");
    await pause(200);
    expect(calls).toEqual([["人员"]]);
    fake.doc.sheets = fake.doc.sheets.filter((s) => s.name !== "大赛");
    const added = await fake.userAddsSheet("大赛");
    await flush();
    expect(added.changed.size).toBe(1);
    await fake.emitChanged("大赛", "A2");
    await pause(200);
    expect(calls.slice(1)).toEqual([["大赛"]]);
    await stop();
    expect(fake.doc.sheets.every((s) => s.changed.size === 0)).toBe(true);
  });
});
