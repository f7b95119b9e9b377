import { capabilities, describeCapabilities } from "./capabilities";
import { FakeExcel } from "./testing/fake-excel";

const host = (apiVersion: string) =>
  FakeExcel.fromModel(
    { source: "x", sheets: [{ name: "S", rows: [] }], tables: [], names: [] },
    { apiVersion }
  ).host;

describe("capabilities", () => {
  it.each([
    [
      "1.18",
      {
        check: true,
        notes: true,
        comments: true,
        insertTemplate: true,
        marks: true,
        summarySheet: true,
      },
    ],
    [
      "1.13",
      {
        check: true,
        notes: false,
        comments: true,
        insertTemplate: true,
        marks: true,
        summarySheet: true,
      },
    ],
    [
      "1.10",
      {
        check: true,
        notes: false,
        comments: true,
        insertTemplate: false,
        marks: true,
        summarySheet: true,
      },
    ],
    [
      "1.8",
      {
        check: true,
        notes: false,
        comments: false,
        insertTemplate: false,
        marks: false,
        summarySheet: true,
      },
    ],
    [
      "1.4",
      {
        check: false,
        notes: false,
        comments: false,
        insertTemplate: false,
        marks: false,
        summarySheet: false,
      },
    ],
  ])("ExcelApi %s", (version, expected) => {
    expect(capabilities(host(version))).toEqual(expected);
  });

  it("describes each capability with its requirement set and fallback", () => {
    const lines = describeCapabilities(capabilities(host("1.10")), "en");
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes("notes"))).toMatch(/^✖ .*ExcelApi 1\.18.*Comments instead/);
    expect(
      describeCapabilities(capabilities(host("1.18")), "zh").every((l) => l.startsWith("✔"))
    ).toBe(true);
  });
});
