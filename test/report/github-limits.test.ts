/** --format github stays within what GitHub shows per step: 10 errors, 10 warnings, 10 notices. */
import { describe, expect, it } from "vitest";
import { renderGithub } from "../../src/report/github.js";
import type { ScannedFinding, ScanResult, Severity } from "../../src/scanner/types.js";
import { SAMPLE } from "./sample-result.js";

const finding = (severity: Severity, index: number): ScannedFinding => ({
  ...SAMPLE.findings[0]!,
  severity,
  path: `src/${severity}-${String(index).padStart(2, "0")}.ts`,
});
const result = (counts: Record<Severity, number>, extra: Partial<ScanResult> = {}): ScanResult => ({
  ...SAMPLE,
  skipped: [],
  errors: [],
  findings: (["error", "warn", "info"] as const).flatMap((severity) => Array.from({ length: counts[severity] }, (_, index) => finding(severity, index))),
  ...extra,
});
const commands = (output: string): string[] => output.split("\n").filter(Boolean).map((line) => /^::(\w+) (?:file=([^,]+))?/.exec(line)!.slice(1, 3).filter(Boolean).join(" "));

describe("github annotations within GitHub's limits", () => {
  it("under the limits: everything, errors first, then warnings, then notices", () => {
    const output = renderGithub(result({ error: 2, warn: 2, info: 2 }));
    expect(commands(output)).toEqual([
      "error src/error-00.ts",
      "error src/error-01.ts",
      "warning src/warn-00.ts",
      "warning src/warn-01.ts",
      "notice src/info-00.ts",
      "notice src/info-01.ts",
      "notice",
    ]);
    expect(output).not.toContain("not shown");
  });

  it("over the limits: 10 errors, 10 warnings (findings before skipped files and problems), 9 notices and the summary counting the rest", () => {
    const output = renderGithub(
      result(
        { error: 12, warn: 9, info: 11 },
        {
          skipped: [{ path: "big.json", reason: "too-large", detail: "6 MiB" }],
          errors: [
            { path: "bad.xml", line: 1, column: 1, kind: "parse-error", message: "broken" },
            { path: "worse.xml", line: 1, column: 1, kind: "parse-error", message: "broken" },
          ],
        },
      ),
    );
    const shown = commands(output);
    expect(shown.filter((line) => line.startsWith("error "))).toEqual(Array.from({ length: 10 }, (_, index) => `error src/error-${String(index).padStart(2, "0")}.ts`));
    expect(shown.filter((line) => line.startsWith("warning "))).toEqual([...Array.from({ length: 9 }, (_, index) => `warning src/warn-${String(index).padStart(2, "0")}.ts`), "warning big.json"]);
    expect(shown.filter((line) => line.startsWith("notice"))).toEqual([...Array.from({ length: 9 }, (_, index) => `notice src/info-${String(index).padStart(2, "0")}.ts`), "notice"]);
    expect(output.split("\n").at(-2)).toBe(
      "::notice title=campaign-ims::32 finding(s) (12 error, 9 warn, 11 info) in 32 file(s); 11 file(s) scanned, 1 skipped, 2 problem(s) " +
        "6 more annotation(s) not shown: GitHub shows 10 errors, 10 warnings and 10 notices per step; the json, sarif and markdown formats list every finding.",
    );
  });

  it("the demo repository's 58-annotation shape: never more than 10 of a kind", () => {
    const output = renderGithub(result({ error: 40, warn: 15, info: 3 }));
    const kinds = commands(output).map((line) => line.split(" ")[0]);
    expect(kinds.filter((kind) => kind === "error")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "warning")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "notice")).toHaveLength(4);
    expect(output).toContain(" 35 more annotation(s) not shown:");
  });
});
