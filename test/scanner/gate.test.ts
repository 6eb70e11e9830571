import { describe, expect, it } from "vitest";
import { evaluateGate } from "../../src/scanner/gate.js";
import type { FileProblem, ScannedFinding, Severity, SkippedFile } from "../../src/scanner/types.js";

const finding = (severity: Severity) => ({ severity }) as ScannedFinding;
const result = (severities: Severity[], errors: FileProblem[] = [], skipped: SkippedFile[] = []) => ({
  findings: severities.map(finding),
  errors,
  skipped,
});
const problem: FileProblem = { path: "a.xml", line: 1, column: 1, kind: "parse-problem", message: "x" };

describe("evaluateGate", () => {
  it("fails on findings at or above --fail-on", () => {
    expect(evaluateGate(result(["warn", "info"]), { failOn: "error", strict: false })).toEqual({ exitCode: 0, reasons: [] });
    expect(evaluateGate(result(["error", "warn"]), { failOn: "error", strict: false })).toEqual({
      exitCode: 1,
      reasons: ["1 finding(s) at or above --fail-on error"],
    });
    expect(evaluateGate(result(["warn", "info"]), { failOn: "warn", strict: false }).exitCode).toBe(1);
    expect(evaluateGate(result(["info"]), { failOn: "warn", strict: false }).exitCode).toBe(0);
    expect(evaluateGate(result(["info"]), { failOn: "info", strict: false }).exitCode).toBe(1);
    expect(evaluateGate(result(["error"]), { failOn: "none", strict: false }).exitCode).toBe(0);
  });

  it("fails on more warn findings than --max-warnings, whatever --fail-on says", () => {
    expect(evaluateGate(result(["warn", "warn"]), { failOn: "none", maxWarnings: 1, strict: false })).toEqual({
      exitCode: 1,
      reasons: ["2 warn finding(s), more than --max-warnings 1"],
    });
    expect(evaluateGate(result(["warn", "warn"]), { failOn: "none", maxWarnings: 2, strict: false }).exitCode).toBe(0);
  });

  it("ignores parse problems and unreadable files unless --strict, which makes them exit code 2", () => {
    const unreadable: SkippedFile = { path: "b.ts", reason: "unreadable", detail: "EACCES" };
    const binary: SkippedFile = { path: "c.js", reason: "binary", detail: "NUL byte" };
    expect(evaluateGate(result([], [problem], [unreadable]), { failOn: "error", strict: false }).exitCode).toBe(0);
    expect(evaluateGate(result(["error"], [problem], [unreadable]), { failOn: "error", strict: true })).toEqual({
      exitCode: 2,
      reasons: ["--strict: 1 problem(s) while parsing or linting, 1 unreadable file(s)"],
    });
    // Skipping binary or oversized files is policy, not an incomplete scan.
    expect(evaluateGate(result([], [], [binary]), { failOn: "error", strict: true }).exitCode).toBe(0);
  });
});
