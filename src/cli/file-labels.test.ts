import { join, resolve } from "path";
import { fileLabels } from "./file-labels";

describe("fileLabels", () => {
  it("names the files of one folder by their names", () => {
    const dir = resolve("/srv/报送/2024-10");
    const files = [join(dir, "01.xlsx"), join(dir, "02.xlsx")];
    expect([...fileLabels(files).values()]).toEqual(["01.xlsx", "02.xlsx"]);
  });

  it("keeps the subfolders below the folder the files share", () => {
    const files = [resolve("/srv/报送/九月/02.xlsx"), resolve("/srv/报送/十月/02.xlsx")];
    expect([...fileLabels(files).values()]).toEqual([
      join("九月", "02.xlsx"),
      join("十月", "02.xlsx"),
    ]);
  });

  it("reads relative paths from the working folder", () => {
    const labels = fileLabels(["a/x.xlsx", "a/b/y.xlsx"]);
    expect(labels.get("a/x.xlsx")).toBe("x.xlsx");
    expect(labels.get("a/b/y.xlsx")).toBe(join("b", "y.xlsx"));
  });

  it("gives nothing for no files", () => {
    expect(fileLabels([]).size).toBe(0);
  });
});
