import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

function fake(options: FakeExcelOptions = {}) {
  return FakeExcel.fromModel(
    {
      source: "x",
      sheets: [
        {
          name: "S",
          rows: [
            [{ v: 1 }, { v: "a" }],
            [{ v: 2, f: "1+1", fmt: "0.0" }, { v: { error: "#N/A" } }],
          ],
        },
        { name: "T", rows: [] },
      ],
      tables: [
        {
          name: "Tab",
          sheet: "S",
          ref: "A1:B2",
          headerRowCount: 1,
          totalsRowCount: 0,
          columns: ["c1", "c2"],
        },
      ],
      names: [
        { name: "N", sheet: "S", ref: "A1", formula: "S!$A$1" },
        { name: "Local", sheet: "S", ref: "B1", formula: "S!$B$1", scope: "S" },
      ],
    },
    options
  );
}

const ctx = (f: FakeExcel) => f.context() as unknown as Excel.RequestContext;

// Some tests below read proxies before load or sync on purpose, to prove the fake refuses it
// the way Office.js does; the Office lint rules flag exactly those reads.

describe("the Excel fake", () => {
  it("refuses to read a property before load and sync, like Office.js", async () => {
    const f = fake();
    const context = ctx(f);
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- deliberate
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- deliberate
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(range.values).toEqual([
      [1, "a"],
      [2, "#N/A"],
    ]);
    // eslint-disable-next-line office-addins/load-object-before-read -- deliberate
    expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
    expect(() => context.workbook.worksheets.items).toThrow(/PropertyNotLoaded/);
  });

  it("reports formulas, formats and value types as Office.js does", async () => {
    const f = fake();
    const context = ctx(f);
    const range = context.workbook.worksheets
      .getItem("S")
      .getRange("A1:B2")
      .load("formulas,numberFormat,valueTypes,address");
    await context.sync();
    expect(range.formulas).toEqual([
      [1, "a"],
      ["=1+1", "#N/A"],
    ]);
    expect(range.numberFormat).toEqual([
      ["General", "General"],
      ["0.0", "General"],
    ]);
    expect(range.valueTypes).toEqual([
      ["Double", "String"],
      ["Double", "Error"],
    ]);
    expect(range.address).toBe("S!A1:B2");
  });

  it("applies writes only at the sync, in order", async () => {
    const f = fake();
    const context = ctx(f);
    const range = context.workbook.worksheets.getItem("T").getRange("A1");
    range.values = [[5]];
    expect(f.doc.peek(f.sheet("T"), 0, 0)).toBeUndefined();
    const read = context.workbook.worksheets.getItem("T").getRange("A1").load("values");
    range.values = [[6]];
    await context.sync();
    expect(read.values).toEqual([[5]]);
    expect(f.doc.peek(f.sheet("T"), 0, 0)!.value).toBe(6);
  });

  it("knows null objects only after a sync, and fails a method called on one", async () => {
    const f = fake();
    const context = ctx(f);
    const missing = context.workbook.worksheets.getItemOrNullObject("nope");
    // eslint-disable-next-line office-addins/call-sync-before-read -- deliberate
    expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    missing.getRange("A1").load("values");
    await expect(context.sync()).rejects.toThrow(/null object/);
    const gone = ctx(f).workbook.worksheets.getItem("nope");
    gone.load("name");
    await expect(gone.context.sync()).rejects.toThrow(/ItemNotFound/);
  });

  it("takes typed input the way Excel does", async () => {
    const f = fake();
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("T");
    const r = sheet.getRange("A1:F1");
    r.numberFormat = [["General", "General", "@", "General", "@", "General"]];
    r.values = [["=1+2", "'=x", "=y", "001", "001", "-3"]];
    sheet.getRange("G1").values = [[null]];
    await context.sync();
    const cell = (c: number) => f.doc.peek(f.sheet("T"), 0, c)!;
    expect(cell(0)).toMatchObject({ formula: "1+2", value: null });
    expect(cell(1)).toMatchObject({ value: "=x", quotePrefix: true });
    expect(cell(1).formula).toBeUndefined();
    expect(cell(2)).toMatchObject({ value: "=y" });
    expect(cell(3).value).toBe(1);
    expect(cell(4).value).toBe("001");
    expect(cell(5).value).toBe(-3);
  });

  it("reads a mixed fill as null and a missing fill as white with no pattern", async () => {
    const f = fake();
    f.doc.cell(f.sheet("S"), 0, 0).fill = {
      color: "#FF0000",
      pattern: "Solid",
      patternColor: null,
      tintAndShade: 0,
      patternTintAndShade: 0,
    };
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("S");
    const mixed = sheet.getRange("A1:B1").format.fill.load("color");
    const none = sheet.getRange("B1").format.fill.load("color,pattern");
    await context.sync();
    expect(mixed.color).toBeNull();
    expect([none.color, none.pattern]).toEqual(["#FFFFFF", "None"]);
  });

  it("counts syncs and cells per sync, and fails a sync over the cell limit", async () => {
    const f = fake({ maxCellsPerSync: 3 });
    const context = ctx(f);
    context.workbook.worksheets.getItem("S").getRange("A1:C1").load("values,formulas");
    await context.sync();
    expect(f.stats).toMatchObject({ syncs: 1, cellsPerSync: [3], maxCellsPerSync: 3 });
    context.workbook.worksheets.getItem("S").getRange("A1:B2").load("values");
    await expect(context.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });

  it("loads collections through paths, and settles ClientResults at the sync", async () => {
    const f = fake();
    const context = ctx(f);
    const tables = context.workbook.tables.load(
      "items/name,items/worksheet/name,items/rows/count,items/columns/items/name"
    );
    const names = context.workbook.names.load("items/name,items/formula");
    const sheets = context.workbook.worksheets.load("items/name,items/position");
    await context.sync();
    const t = tables.items[0];
    expect([t.name, t.worksheet.name, t.rows.count, t.columns.items.map((c) => c.name)]).toEqual([
      "Tab",
      "S",
      1,
      ["c1", "c2"],
    ]);
    expect(names.items.map((n) => n.formula)).toEqual(["=S!$A$1"]);
    expect(sheets.items.map((s) => `${s.name}@${s.position}`)).toEqual(["S@0", "T@1"]);
  });

  it("lists sheet-scoped names under their worksheet only, as Office.js does", async () => {
    const f = fake();
    const context = ctx(f);
    const book = context.workbook.names.load("items/name");
    const onS = context.workbook.worksheets.getItem("S").names.load("items/name,items/formula");
    const onT = context.workbook.worksheets.getItem("T").names.load("items/name");
    await context.sync();
    expect(book.items.map((n) => n.name)).toEqual(["N"]);
    expect(onS.items.map((n) => `${n.name}=${n.formula}`)).toEqual(["Local==S!$B$1"]);
    expect(onT.items).toEqual([]);
  });

  it("flushes queued work when a run's batch returns, as Excel.run does", async () => {
    const f = fake();
    await f.host.run(async (context) => {
      context.workbook.worksheets.getItem("T").getRange("B2").values = [["x"]];
    });
    expect(f.stats.syncs).toBe(1);
    expect(f.doc.peek(f.sheet("T"), 1, 1)!.value).toBe("x");
  });
  it("has print setup only from ExcelApi 1.9, and refuses what Excel refuses", async () => {
    const old = fake({ apiVersion: "1.8" });
    const c1 = ctx(old);
    c1.workbook.worksheets.getItem("S").pageLayout.orientation = "Landscape";
    await expect(c1.sync()).rejects.toThrow(/ApiNotFound/);

    const f = fake();
    const c2 = ctx(f);
    const page = c2.workbook.worksheets.getItem("S").pageLayout;
    page.orientation = "Landscape";
    page.paperSize = "A4";
    page.zoom = { horizontalFitToPages: 1 };
    page.setPrintTitleRows("$2:$2");
    page.headersFooters.defaultForAllPages.leftFooter = "&A";
    await c2.sync();
    expect(f.sheet("S").pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$2:$2",
      footer: { left: "&A" },
    });
    const refused: [string, (p: Excel.PageLayout) => void][] = [
      ["title rows that are not whole rows", (p) => p.setPrintTitleRows("A2:B2")],
      ["a scale under 10", (p) => (p.zoom = { scale: 5 })],
      ["an unknown paper", (p) => (p.paperSize = "A7" as Excel.PageLayout["paperSize"])],
      [
        "a footer over 255 characters",
        (p) => (p.headersFooters.defaultForAllPages.rightFooter = "x".repeat(256)),
      ],
    ];
    for (const [, act] of refused) {
      const c = ctx(f);
      act(c.workbook.worksheets.getItem("S").pageLayout);
      await expect(c.sync()).rejects.toThrow(/InvalidArgument/);
    }
  });

  it("freezes top rows from ExcelApi 1.7, a whole number of them", async () => {
    const old = fake({ apiVersion: "1.6" });
    const c1 = ctx(old);
    c1.workbook.worksheets.getItem("S").freezePanes.freezeRows(1);
    await expect(c1.sync()).rejects.toThrow(/ApiNotFound/);

    const f = fake();
    const c2 = ctx(f);
    c2.workbook.worksheets.getItem("S").freezePanes.freezeRows(2);
    await c2.sync();
    expect(f.sheet("S").frozenRows).toBe(2);
    for (const bad of [-1, 1.5]) {
      const c = ctx(f);
      c.workbook.worksheets.getItem("S").freezePanes.freezeRows(bad);
      await expect(c.sync()).rejects.toThrow(/InvalidArgument/);
    }
    const c3 = ctx(f);
    c3.workbook.worksheets.getItem("S").freezePanes.unfreeze();
    await c3.sync();
    expect(f.sheet("S").frozenRows).toBe(0);
  });

  it("merges keeping the upper-left value, sets row heights up to 409 points", async () => {
    const f = fake();
    const c = ctx(f);
    const sheet = c.workbook.worksheets.getItem("S");
    sheet.getRange("A1:B1").merge(false);
    sheet.getRange("2:2").format.rowHeight = 45;
    await c.sync();
    expect(f.sheet("S").merges).toHaveLength(1);
    expect(f.doc.peek(f.sheet("S"), 0, 0)?.value).toBe(1);
    expect(f.doc.peek(f.sheet("S"), 0, 1)?.value).toBeNull();
    expect(f.sheet("S").rowHeights.get(1)).toBe(45);
    const again = ctx(f);
    again.workbook.worksheets.getItem("S").getRange("B1:C1").merge(false);
    await expect(again.sync()).rejects.toThrow(/overlaps/);
    const tall = ctx(f);
    tall.workbook.worksheets.getItem("S").getRange("3:3").format.rowHeight = 410;
    await expect(tall.sync()).rejects.toThrow(/409/);
  });
});

describe("the fake refuses what Excel refuses", () => {
  it("protected sheets: AccessDenied for cells, formats, notes and comments; reading is fine", async () => {
    const f = fake();
    f.sheet("S").protected = true;
    const writes: ((s: Excel.Worksheet, c: Excel.RequestContext) => void)[] = [
      (s) => (s.getRange("A1").values = [[9]]),
      (s) => (s.getRange("A1").format.fill.color = "#FF0000"),
      (s) => s.getRange("A1").format.fill.clear(),
      (s, c) => c.workbook.notes.add(s.getRange("B1"), "n"),
      (s, c) => c.workbook.comments.add(s.getRange("B1"), "c"),
    ];
    for (const write of writes) {
      const context = ctx(f);
      write(context.workbook.worksheets.getItem("S"), context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per case
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    const context = ctx(f);
    const sheet = context.workbook.worksheets.getItem("S").load("protection/protected");
    const range = sheet.getRange("A1").load("values");
    await context.sync();
    expect(sheet.protection.protected).toBe(true);
    expect(range.values).toEqual([[1]]);
  });

  it("a protected structure: no sheet added, deleted, renamed or inserted", async () => {
    const f = fake();
    f.doc.structureProtected = true;
    const changes: ((c: Excel.RequestContext) => void)[] = [
      (c) => c.workbook.worksheets.add("New"),
      (c) => c.workbook.worksheets.getItem("T").delete(),
      (c) => (c.workbook.worksheets.getItem("T").name = "U"),
    ];
    for (const change of changes) {
      const context = ctx(f);
      change(context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per case
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    const context = ctx(f);
    const protection = context.workbook.protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    expect(f.doc.sheets.map((s) => s.name)).toEqual(["S", "T"]);
  });

  it("cell edit mode: a batch fails, unless run with delayForCellEdit, which waits", async () => {
    const f = fake();
    f.beginCellEdit();
    const plain = ctx(f);
    plain.workbook.worksheets.load("items/name");
    await expect(plain.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let done = false;
    const waiting = f.host
      .run(
        async (context) => {
          context.workbook.worksheets.getItem("T").getRange("A1").values = [[1]];
          await context.sync();
          done = true;
        },
        { delayForCellEdit: true }
      )
      .then(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    f.endCellEdit();
    await waiting;
    expect(done).toBe(true);
  });

  it("the add-in's own writes raise onChanged, marked ThisLocalAddin from ExcelApi 1.14", async () => {
    for (const [apiVersion, trigger] of [
      ["1.18", "ThisLocalAddin"],
      ["1.13", "Unknown"],
    ]) {
      const f = fake({ apiVersion });
      const seen: Record<string, unknown>[] = [];
      const context = ctx(f);
      context.workbook.worksheets.onChanged.add(async (e) => void seen.push({ ...e }));
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per case
      await context.sync();
      context.workbook.worksheets.getItem("T").getRange("B2").values = [[1]];
      context.workbook.worksheets.getItem("T").getRange("C3").format.fill.color = "#FF0000";
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per case
      await context.sync();
      await f.settled();
      expect(seen).toEqual([
        expect.objectContaining({
          worksheetId: f.sheet("T").id,
          address: "B2",
          triggerSource: trigger,
        }),
      ]);
    }
  });

  it("events need their requirement sets: worksheets.onChanged is ExcelApi 1.9", async () => {
    const f = fake({ apiVersion: "1.8" });
    const context = ctx(f);
    context.workbook.worksheets.onChanged.add(async () => undefined);
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("a hidden sheet cannot be activated, nor a cell on it selected", async () => {
    const f = fake();
    f.sheet("T").visibility = "Hidden";
    for (const show of [
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("T").activate(),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("T").getRange("A1").select(),
    ]) {
      const context = ctx(f);
      show(context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per case
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    }
  });

  it("notes and comments go on one cell: notes.add and comments.add refuse a range", async () => {
    const f = fake();
    const notes = ctx(f);
    notes.workbook.notes.add(notes.workbook.worksheets.getItem("T").getRange("A1:B2"), "n");
    await expect(notes.sync()).rejects.toMatchObject({ code: "InvalidCellAddress" });
    const comments = ctx(f);
    comments.workbook.comments.add("T!A1:A3", "c");
    await expect(comments.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(f.doc.notes).toHaveLength(0);
    expect(f.doc.comments).toHaveLength(0);
  });

  it("settings belong to one add-in Id; custom XML parts to the file", async () => {
    const f = fake({ addinId: "dev" });
    const context = ctx(f);
    context.workbook.settings.add("k", "v");
    context.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
    await context.sync();
    const other = new FakeExcel(f.doc, { addinId: "prod" });
    const c2 = other.context() as unknown as Excel.RequestContext;
    const setting = c2.workbook.settings.getItemOrNullObject("k").load("value");
    const parts = c2.workbook.customXmlParts.getByNamespace("urn:x").load("items/id");
    await c2.sync();
    expect(setting.isNullObject).toBe(true);
    expect(parts.items).toHaveLength(1);
    const xml = parts.items[0].getXml();
    await c2.sync();
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a ClientResult, synced above
    expect(xml.value).toBe('<a xmlns="urn:x">1</a>');
  });

  it("DATE answers in the workbook's date system", async () => {
    const f = fake();
    f.doc.date1904 = true;
    const context = ctx(f);
    const d = context.workbook.functions.date(2000, 1, 1).load("value");
    await context.sync();
    expect(d.value).toBe(36526 - 1462);
  });
});
