import type { Linter, Rule } from "eslint";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/scanner/fix/apply-fixes.js";
import { fixPasses, hashText } from "../../src/scanner/fix/fix-passes.js";

const message = (ruleId: string | null, fix?: Rule.Fix, extra: Partial<Linter.LintMessage> = {}): Linter.LintMessage =>
  ({ ruleId, message: "m", line: 1, column: 1, severity: 2, ...(fix === undefined ? {} : { fix }), ...extra }) as Linter.LintMessage;

const takeFix = (candidate: Linter.LintMessage): Rule.Fix | undefined => candidate.fix;

describe("applyFixes (SourceCodeFixer semantics)", () => {
  it("applies fixes in range order and leaves an overlapping one for the next pass", () => {
    const result = applyFixes("abcdef", [
      { ruleId: "r/b", fix: { range: [3, 4], text: "D" } },
      { ruleId: "r/a", fix: { range: [0, 2], text: "AB" } },
      { ruleId: "r/c", fix: { range: [1, 3], text: "xx" } },
    ]);
    expect(result).toEqual({ output: "ABcDef", applied: ["r/a", "r/b"] });
  });

  it("keeps the BOM (ranges do not count it) and never removes it", () => {
    expect(applyFixes("\uFEFFabc", [{ ruleId: "r", fix: { range: [0, 1], text: "A" } }]).output).toBe("\uFEFFAbc");
    expect(applyFixes("\uFEFFabc", [{ ruleId: "r", fix: { range: [-1, 1], text: "" } }])).toEqual({ output: "\uFEFFabc", applied: [] });
  });

  it("writes inserted line breaks as the file's own", () => {
    const crlf = "a\r\nb\r\n";
    expect(applyFixes(crlf, [{ ruleId: "r", fix: { range: [1, 1], text: "\nX: y" } }]).output).toBe("a\r\nX: y\r\nb\r\n");
    expect(applyFixes("a\nb", [{ ruleId: "r", fix: { range: [1, 1], text: "\r\nX" } }]).output).toBe("a\nX\nb");
    // A one-line file has no line break of its own: the fix's text is used as it is.
    expect(applyFixes("ab", [{ ruleId: "r", fix: { range: [1, 1], text: "\n" } }]).output).toBe("a\nb");
  });
});

describe("fixPasses", () => {
  it("repeats passes until nothing is left to fix, counting fixes by rule", () => {
    // Each pass can fix one "x" (the fixes overlap), so three passes are needed.
    const verify = (text: string): Linter.LintMessage[] =>
      [...text.matchAll(/x/g)].map((match) => message("campaign-ims/no-x", { range: [0, match.index + 1], text: text.slice(0, match.index) + "y" }));
    const result = fixPasses({ text: "xxx", verify, choose: takeFix });
    expect(result.text).toBe("yyy");
    expect(result.messages).toEqual([]);
    expect(result.fix).toEqual({ applied: { "campaign-ims/no-x": 3 }, output: "yyy", sourceHash: hashText("xxx") });
  });

  it("stops after ten passes and says that fixes are still pending", () => {
    const verify = (text: string): Linter.LintMessage[] => [message("campaign-ims/grow", { range: [text.length, text.length], text: "+" })];
    const result = fixPasses({ text: "", verify, choose: takeFix });
    expect(result.text).toBe("+".repeat(10));
    expect(result.fix.unsettled).toBe(true);
    expect(result.fix.applied).toEqual({ "campaign-ims/grow": 10 });
  });

  it("stops when fixes go round in a cycle", () => {
    const verify = (text: string): Linter.LintMessage[] => [message("campaign-ims/flip", { range: [0, 1], text: text === "a" ? "b" : "a" })];
    const result = fixPasses({ text: "a", verify, choose: takeFix });
    expect(result.text).toBe("b");
    expect(result.fix.unsettled).toBe(true);
  });

  it("only applies the fixes the chooser picks", () => {
    const verify = (text: string): Linter.LintMessage[] => (text.includes("x") ? [message("other/rule", { range: [0, 1], text: "y" })] : []);
    const result = fixPasses({ text: "x", verify, choose: (candidate) => (candidate.ruleId?.startsWith("campaign-ims/") ? candidate.fix : undefined) });
    expect(result).toEqual({ text: "x", messages: verify("x"), fix: { applied: {}, sourceHash: hashText("x") } });
  });

  it("refuses a fixed text that does not parse and keeps the original text and messages", () => {
    const verify = (text: string): Linter.LintMessage[] =>
      text.includes("<") ? [message(null, undefined, { fatal: true, message: "Parsing error" })] : [message("campaign-ims/r", { range: [0, 1], text: "<" })];
    const result = fixPasses({ text: "a", verify, choose: takeFix });
    expect(result.text).toBe("a");
    expect(result.messages).toEqual(verify("a"));
    expect(result.fix).toEqual({ applied: { "campaign-ims/r": 1 }, refused: "the fixed text does not parse", sourceHash: hashText("a") });
  });

  it("refuses a fixed text with more parse problems than the original", () => {
    const problem = message(null, undefined, { message: "not well-formed" });
    const verify = (text: string): Linter.LintMessage[] =>
      text === "a" ? [problem, message("campaign-ims/r", { range: [0, 1], text: "b" })] : [problem, problem];
    const result = fixPasses({ text: "a", verify, choose: takeFix });
    expect(result.fix.refused).toBe("the fixed text has more parse problems (2) than the original (1)");
    expect(result.text).toBe("a");
  });

  it("keeps a fixed text with as many parse problems as before, and ignores directive reports", () => {
    const problem = message(null, undefined, { message: "not well-formed" });
    const unused = message(null, undefined, { message: "Unused eslint-disable directive (no problems were reported from 'campaign-ims/r')." });
    const verify = (text: string): Linter.LintMessage[] => (text === "a" ? [problem, message("campaign-ims/r", { range: [0, 1], text: "b" })] : [problem, unused]);
    expect(fixPasses({ text: "a", verify, choose: takeFix }).fix.output).toBe("b");
  });

  it("refuses the fixed text when a rule fails on it, with the error's first line masked", () => {
    const verify = (text: string): Linter.LintMessage[] => {
      if (text !== "a") throw new Error("boom near p8e-AbCdEfGh12345678\nstack");
      return [message("campaign-ims/r", { range: [0, 1], text: "b" })];
    };
    const result = fixPasses({ text: "a", verify, choose: takeFix });
    expect(result.fix.refused).toBe("a rule failed on the fixed text (boom near p8e-****)");
    expect(result.text).toBe("a");
  });
});
