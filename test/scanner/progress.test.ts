import { describe, expect, it } from "vitest";
import { progressAllowed, ProgressLine } from "../../src/scanner/progress.js";

const tty = { isTTY: true, write: () => true };
const pipe = { isTTY: false, write: () => true };

describe("progress line", () => {
  it("is drawn only when stdout and stderr are terminals, outside CI and without --quiet", () => {
    const allowed = (stdout: typeof tty, stderr: typeof tty, env: NodeJS.ProcessEnv, quiet = false) => progressAllowed({ stdout, stderr, env, quiet });
    expect(allowed(tty, tty, {})).toBe(true);
    expect(allowed(pipe, tty, {})).toBe(false);
    expect(allowed(tty, pipe, {})).toBe(false);
    expect(allowed(tty, tty, { CI: "true" })).toBe(false);
    expect(allowed(tty, tty, { CI: "1" })).toBe(false);
    expect(allowed(tty, tty, { CI: "false" })).toBe(true);
    expect(allowed(tty, tty, {}, true)).toBe(false);
  });

  it("redraws at most every 100 ms and erases itself", () => {
    const written: string[] = [];
    let now = 0;
    const line = new ProgressLine({ isTTY: true, write: (text: string) => written.push(text) }, () => now);
    line.update({ found: 10, done: 3, findings: 1, walking: true });
    now = 50;
    line.update({ found: 20, done: 9, findings: 2, walking: true });
    now = 150;
    line.update({ found: 25, done: 25, findings: 4, walking: false });
    line.clear();
    expect(written).toEqual([
      "\r\u001b[2Kcampaign-ims: 3/10+ files, 1 finding",
      "\r\u001b[2Kcampaign-ims: 25/25 files, 4 findings",
      "\r\u001b[2K",
    ]);
  });
});
