import { describe, expect, it } from "vitest";
import { formatDuration, progressAllowed, ProgressLine } from "../../src/cli/progress.js";

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

  it("with a total counted up front: files done of total, findings and the time left at the pace so far", () => {
    const written: string[] = [];
    let now = 10_000;
    const line = new ProgressLine({ isTTY: true, write: (text: string) => written.push(text) }, () => now);
    line.update({ found: 0, done: 0, findings: 0, walking: true, total: 400 });
    now += 500;
    line.update({ found: 40, done: 20, findings: 1, walking: true, total: 400 });
    now += 1500;
    line.update({ found: 120, done: 100, findings: 3, walking: true, total: 400 });
    now += 58_000;
    line.update({ found: 400, done: 399, findings: 9, walking: false, total: 400 });
    now += 100;
    line.update({ found: 400, done: 400, findings: 9, walking: false, total: 400 });
    expect(written).toEqual([
      "\r\u001b[2Kcampaign-ims: 0/400 files, 0 findings, estimating time left",
      "\r\u001b[2Kcampaign-ims: 20/400 files, 1 finding, estimating time left",
      // 2 s for 100 files: 300 more take 6 s.
      "\r\u001b[2Kcampaign-ims: 100/400 files, 3 findings, ~6s left",
      "\r\u001b[2Kcampaign-ims: 399/400 files, 9 findings, ~1s left",
      "\r\u001b[2Kcampaign-ims: 400/400 files, 9 findings",
    ]);
  });

  it("formats durations", () => {
    expect([400, 8_400, 125_000, 3_840_000].map(formatDuration)).toEqual(["~1s", "~8s", "~2m 05s", "~1h 04m"]);
  });
});
