/** `-o FILE` without `--format`: the format follows the file's extension. */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatForFile } from "../../src/report/index.js";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

let repo: string;
beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("formatForFile", () => {
  it("maps extensions to formats, case ignored", () => {
    expect(formatForFile("out.json")).toBe("json");
    expect(formatForFile("out/Report.SARIF")).toBe("sarif");
    expect(formatForFile("out.sarif.json")).toBe("sarif");
    expect(formatForFile("out.csv")).toBe("csv");
    expect(formatForFile("out.md")).toBe("markdown");
    expect(formatForFile("out.xml")).toBe("junit");
    expect(formatForFile("out.txt")).toBe("text");
  });

  it("has no format for other or missing extensions", () => {
    expect(formatForFile("out.log")).toBeUndefined();
    expect(formatForFile("report")).toBeUndefined();
    expect(formatForFile("dir.json/report")).toBeUndefined();
  });
});

describe("-o without --format", { timeout: 300_000 }, () => {
  it("writes each file in its extension's format; an explicit --format still wins", () => {
    const text = runCli(["scan"], { cwd: repo }).stdout;
    const run = runCli(["scan", "-o", "r/a.json", "-o", "r/a.sarif", "-o", "r/a.xml", "-o", "r/a.md", "-f", "csv", "-o", "r/data.txt", "-o", "r/a.log"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "campaign-ims: 5 finding(s) (3 error, 2 warn, 0 info) in 4 file(s); 6 scanned, 1 skipped, 0 problem(s); " +
        "wrote r/a.json (json), r/a.sarif (sarif), r/a.xml (junit), r/a.md (markdown), r/data.txt (csv), r/a.log (text)\n" +
        "campaign-ims: failed: 3 finding(s) at or above --fail-on error\n",
    );
    const read = (name: string): string => readFileSync(join(repo, "r", name), "utf8");
    expect((JSON.parse(read("a.json")) as { version: number }).version).toBe(1);
    expect((JSON.parse(read("a.sarif")) as { version: string }).version).toBe("2.1.0");
    expect(read("a.xml")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="campaign-ims" tests="/);
    expect(read("a.md")).toMatch(/^# Legacy Adobe Campaign authentication: inventory\n/);
    expect(read("data.txt")).toMatch(/^ruleId,severity,category,path,/);
    expect(read("a.log")).toBe(text);
  });
});

describe("merge -o without --format", { timeout: 300_000 }, () => {
  it("writes the format of the extension when the merged result allows it, else the inputs' format", () => {
    expect(runCli(["scan", "-q", "-o", "m/whole.json"], { cwd: repo }).code).toBe(1);
    expect(runCli(["merge", "-q", "m/whole.json", "-o", "m/inventory.md"], { cwd: repo }).code).toBe(0);
    expect(readFileSync(join(repo, "m/inventory.md"), "utf8")).toMatch(/^# Legacy Adobe Campaign authentication: inventory\n/);
    expect(runCli(["merge", "-q", "m/whole.json", "-o", "m/merged.txt"], { cwd: repo }).code).toBe(0);
    expect((JSON.parse(readFileSync(join(repo, "m/merged.txt"), "utf8")) as { version: number }).version).toBe(1);
  });
});
