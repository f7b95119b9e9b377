/**
 * LibreOffice as an independent spreadsheet program for tests: converts xlsx files headless
 * with a throw-away profile that recalculates every formula on load, so what comes back holds
 * LibreOffice's own results, not the cached values we wrote. The profile also converts text
 * to numbers in arithmetic the way Excel does ("100,000.00" / 2), which LibreOffice does only
 * when told (Tools ▸ Options ▸ Calc ▸ Formula ▸ Detailed calculation settings: conversion from
 * text to number, "convert also locale dependent", StringConversion = 3).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Syntax"><prop oor:name="StringConversion" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
`;

export function sofficePath(): string {
  for (const p of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ])
    if (existsSync(p)) return p;
  throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
}

/** Recalculate and save each file as xlsx with LibreOffice; returns the converted paths in order. */
export function recalcWithLibreOffice(files: string[]): string[] {
  const work = mkdtempSync(join(tmpdir(), "fucai-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const inDir = join(work, "in");
  const outDir = join(work, "out");
  mkdirSync(inDir);
  // Copies with ASCII names: the inputs are never touched and names never confuse the converter.
  const copies = files.map((f, i) => {
    const copy = join(inDir, `f${i}.xlsx`);
    copyFileSync(f, copy);
    return copy;
  });
  execFileSync(
    sofficePath(),
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--calc",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...copies,
    ],
    { stdio: "pipe", timeout: 180_000 }
  );
  return copies.map((c) => {
    const out = join(outDir, basename(c));
    if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${c}`);
    return out;
  });
}
