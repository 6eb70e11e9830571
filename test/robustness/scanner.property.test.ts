/**
 * Property: the scanner's in-process API on small trees of hostile files (mutated fixtures,
 * random texts in UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM and Latin-1, random bytes), under
 * every profile, run twice with --fix: the scan completes within its time budget (watchdog.ts),
 * no rule crashes, every finding and problem lies inside the file as the scanner decodes it, a
 * file the report does not call fixed keeps its bytes, and the second run fixes nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText } from "../../src/scanner/read-file.js";
import { tree, type TreeFile } from "./support/trees.js";
import { linesOf, spanProblem } from "./support/locations.js";
import { isReplay, propertyOptions } from "../support/properties.js";
import { Watchdog, type ScanAnswer } from "./support/watchdog.js";

let watchdog: Watchdog;
beforeAll(async () => {
  watchdog = await Watchdog.start();
}, 120_000);
afterAll(async () => watchdog?.close());

/** Every finding or problem of a run that is not inside its file as it is on disk after the run. */
function locationProblems(answer: ScanAnswer): string[] {
  const lines = new Map(answer.files.map((file) => [file.path, linesOf(file.path, decodeText(Buffer.from(file.bytes)) ?? "")]));
  const problems: string[] = [];
  for (const finding of answer.findings) {
    const problem = spanProblem(lines.get(finding.path) ?? [], finding);
    if (problem !== undefined) problems.push(`${finding.path}: ${finding.ruleId}: ${problem}`);
  }
  for (const error of answer.errors) {
    const problem = spanProblem(lines.get(error.path) ?? [], error);
    if (problem !== undefined) problems.push(`${error.path}: ${error.kind} "${error.message}": ${problem}`);
  }
  return problems;
}

const fixed = (answer: ScanAnswer): string[] => answer.fixes.filter((file) => file.status === "fixed").map((file) => file.path);

describe("the scanner on trees of hostile files", { timeout: 900_000 }, () => {
  it("completes, locates everything inside the files, writes only what it fixed, and a second --fix changes nothing", async () => {
    let fixedFiles = 0;
    await fc.assert(
      fc.asyncProperty(tree, fc.constantFrom("recommended", "strict", "v8"), async (files: TreeFile[], profile) => {
        const [first, second] = await watchdog.scan(
          files.map(({ path, bytes }) => ({ path, bytes })),
          [{ profile, fix: true }, { profile, fix: true }],
        );
        expect([...locationProblems(first!), ...locationProblems(second!)]).toEqual([]);
        expect(first!.errors.filter((error) => error.kind === "rule-error")).toEqual([]);
        const written = fixed(first!);
        fixedFiles += written.length;
        for (const [index, file] of files.entries()) {
          if (!written.includes(file.path)) expect({ path: file.path, bytes: Buffer.from(first!.files[index]!.bytes) }).toEqual({ path: file.path, bytes: file.bytes });
        }
        expect(fixed(second!)).toEqual([]);
        expect(second!.files).toEqual(first!.files);
      }),
      propertyOptions(150),
    );
    // The trees have fixable findings: the fix path was exercised, not only the scan.
    if (!isReplay()) expect(fixedFiles).toBeGreaterThan(0);
  });
});
