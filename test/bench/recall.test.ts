import { describe, expect, it } from "vitest";
import { computeRecall } from "../../bench/recall.js";

const planted = (path: string, line: number, column = 1, rule = "campaign-ims/no-password-logon") => ({ path, rule, line, column });
const reported = (path: string, line: number, column = 1, ruleId = "campaign-ims/no-password-logon") => ({ path, ruleId, line, column });

describe("recall against the ground truth", () => {
  it("counts a planted finding as found only at its path, rule, line and column", () => {
    const result = computeRecall(
      [planted("a.ts", 3), planted("a.ts", 5), planted("b.xml", 2)],
      [reported("a.ts", 3), reported("a.ts", 5, 2), reported("b.xml", 2, 1, "campaign-ims/no-session-token")],
    );
    expect(result.found).toBe(1);
    expect(result.recall).toBeCloseTo(1 / 3);
    expect(result.missing).toEqual([planted("a.ts", 5), planted("b.xml", 2)]);
    expect(result.unexpected).toEqual([reported("a.ts", 5, 2), reported("b.xml", 2, 1, "campaign-ims/no-session-token")]);
  });

  it("matches duplicates one to one (the same rule twice at one place)", () => {
    expect(computeRecall([planted("a.ts", 3), planted("a.ts", 3)], [reported("a.ts", 3)]).missing).toEqual([planted("a.ts", 3)]);
    expect(computeRecall([planted("a.ts", 3)], [reported("a.ts", 3), reported("a.ts", 3)]).unexpected).toEqual([reported("a.ts", 3)]);
    expect(computeRecall([], []).recall).toBe(1);
  });
});
