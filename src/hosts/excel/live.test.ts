import { watchChanges } from "./live";
import { FakeExcel } from "./testing/fake-excel";
import { compliantFixture, toModel } from "./testing/fixtures";

describe("watchChanges", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function workbook() {
    const model = toModel(compliantFixture());
    model.sheets.push({ name: "备注", rows: [[{ v: "x" }]] });
    return FakeExcel.fromModel(model);
  }

  it("calls back once edits pause, with the sheets concerned", async () => {
    const fake = workbook();
    const calls: string[][] = [];
    const stop = await watchChanges(fake.host, (sheets) => calls.push(sheets), 500);
    expect(fake.stats.syncs).toBe(2);
    await fake.emitChanged("支出台账", "A2");
    jest.advanceTimersByTime(300);
    await fake.emitChanged("支出台账", "B3:C900");
    await fake.emitChanged("人员", "A1");
    await fake.emitChanged("备注", "A1");
    jest.advanceTimersByTime(499);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([["支出台账", "人员"]]);
    await fake.emitChanged("预算", "B2");
    jest.advanceTimersByTime(500);
    expect(calls).toEqual([["支出台账", "人员"], ["预算"]]);
    await stop();
  });

  it("unsubscribes: handlers removed, a pending call dropped", async () => {
    const fake = workbook();
    const onChange = jest.fn();
    const stop = await watchChanges(fake.host, onChange, 200);
    expect(fake.sheet("支出台账").changed.size).toBe(1);
    expect(fake.sheet("备注").changed.size).toBe(0);
    await fake.emitChanged("支出台账", "A2");
    await stop();
    jest.advanceTimersByTime(1000);
    await fake.emitChanged("支出台账", "A3");
    jest.advanceTimersByTime(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(fake.doc.sheets.every((s) => s.changed.size === 0)).toBe(true);
  });
});
