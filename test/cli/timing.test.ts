/**
 * `--timing`: the table's shape (every phase, in order, shares adding up to 100 %), the clock's
 * arithmetic (spans, the parse/rules split, GC pauses taken out of the span they fell in), and the
 * flag's refusal with --history. No assertion on how long anything took.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as runCliInProcess } from "../../src/cli.js";
import { formatTiming, noTimes, PhaseClock, summarizeTiming, TIMING_PHASES } from "../../src/scanner/timing.js";
import { assertBuilt, FIXTURES, runCli } from "./support/run-cli.js";

const LEGACY = join(FIXTURES, "legacy-repo");
const PHASE_LINE = /^campaign-ims: timing: (\w+) +([\d,]+) ms +(\d+\.\d) % {2}\S/;

async function runHere(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCliInProcess(args, {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((stderr += chunk), true) } as unknown as NodeJS.WritableStream,
    cwd: LEGACY,
    env: {},
    readStdin: () => "",
  });
  return { code, stdout, stderr };
}

/** The `--timing` lines of stderr: the header's thread count and each phase's milliseconds and share. */
function timingTable(stderr: string): { threads: number; totalMs: number; phases: Array<{ phase: string; ms: number; share: number }> } {
  const lines = stderr.split("\n").filter((line) => line.startsWith("campaign-ims: timing: "));
  const header = /^campaign-ims: timing: ([\d,]+) ms summed over (\d+) thread\(s\)$/.exec(lines[0] ?? "");
  expect(header, lines[0]).not.toBeNull();
  const phases = lines.slice(1).map((line) => {
    const match = PHASE_LINE.exec(line);
    expect(match, line).not.toBeNull();
    return { phase: match![1]!, ms: Number(match![2]!.replace(/,/g, "")), share: Number(match![3]) };
  });
  return { threads: Number(header![2]), totalMs: Number(header![1]!.replace(/,/g, "")), phases };
}

describe("--timing", { timeout: 120_000 }, () => {
  it("prints every phase in order on stderr, shares adding up to 100 %, with the scan's result unchanged", async () => {
    const plain = await runHere(["scan", "--concurrency", "1", "-q", "-f", "json"]);
    const timed = await runHere(["scan", "--concurrency", "1", "-q", "-f", "json", "--timing"]);
    expect(timed.code).toBe(1);
    expect(plain.code).toBe(1);
    expect(JSON.parse(timed.stdout).findings).toEqual(JSON.parse(plain.stdout).findings);
    expect(plain.stderr).toBe("");
    const table = timingTable(timed.stderr);
    expect(table.threads).toBe(1);
    expect(table.phases.map((row) => row.phase)).toEqual([...TIMING_PHASES]);
    const shares = table.phases.reduce((sum, row) => sum + row.share, 0);
    expect(shares).toBeGreaterThan(99.5);
    expect(shares).toBeLessThan(100.5);
    // Every phase ran: there was something to load, walk, read, parse, lint and report.
    for (const phase of ["load", "walk", "read", "parse", "rules"]) expect(table.phases.find((row) => row.phase === phase)!.ms, phase).toBeGreaterThan(0);
    expect(timed.stderr.split("\n").filter(Boolean)).toHaveLength(1 + TIMING_PHASES.length);
  });

  it("sums the lint workers' phases with the walking thread's (built command, --concurrency 2)", () => {
    assertBuilt();
    const run = runCli(["scan", "--concurrency", "2", "-q", "-f", "json", "--timing"], { cwd: LEGACY });
    expect(run.code).toBe(1);
    const table = timingTable(run.stderr);
    // The walking thread and the workers that warmed up or linted (both, or one when the other got no task).
    expect([2, 3]).toContain(table.threads);
    const shares = table.phases.reduce((sum, row) => sum + row.share, 0);
    expect(shares).toBeGreaterThan(99.5);
    expect(shares).toBeLessThan(100.5);
    expect(table.phases.map((row) => row.phase)).toEqual([...TIMING_PHASES]);
  });

  it("is refused with --history (it times a scan of files)", async () => {
    const run = await runHere(["scan", "--history", "--timing"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--timing works on files: it does not go with --history");
  });
});

describe("PhaseClock", () => {
  // Spans far in the past of performance.now(): no real GC pause of the test process falls in them.
  it("adds spans to their phase and splits a lint span into parse and rules", async () => {
    const clock = new PhaseClock();
    clock.span("walk", -10_000, -9_990);
    clock.span("walk", -9_990, -9_985);
    clock.lintSpan(-9_000, -8_900, 40);
    clock.span("findings", -8_900, -8_898);
    const times = await clock.stop();
    expect({ ...times, gc: 0 }).toEqual({ ...noTimes(), walk: 15, parse: 40, rules: 60, findings: 2 });
  });

  it("takes a GC pause out of the span it started in (a lint span's split kept), and counts one outside every span as GC only", async () => {
    const clock = new PhaseClock();
    clock.span("read", -10_000, -9_990);
    clock.lintSpan(-9_000, -8_900, 40);
    clock.gcPause(-9_995, 4);
    clock.gcPause(-8_950, 10);
    clock.gcPause(-8_000, 7);
    const times = clock.read();
    await clock.stop();
    expect(times.read).toBe(6);
    expect(times.parse).toBeCloseTo(36, 9);
    expect(times.rules).toBeCloseTo(54, 9);
    expect(times.gc).toBeGreaterThanOrEqual(21);
  });

  it("summarizes shares of the phases' sum and formats one line per phase", () => {
    const timing = summarizeTiming({ ...noTimes(), load: 500, walk: 250, read: 250, parse: 1000, rules: 500, findings: 100, report: 150, gc: 250 }, 2);
    expect(timing.totalMs).toBe(3000);
    expect(timing.phases.parse).toEqual({ ms: 1000, share: 1000 / 3000 });
    expect(formatTiming(timing, "campaign-ims")).toBe(
      [
        "campaign-ims: timing: 3,000 ms summed over 2 thread(s)",
        "campaign-ims: timing: load       500 ms  16.7 %  load ESLint, the plugin and the config",
        "campaign-ims: timing: walk       250 ms   8.3 %  walk the tree",
        "campaign-ims: timing: read       250 ms   8.3 %  read files and search them for keywords",
        "campaign-ims: timing: parse    1,000 ms  33.3 %  parse (ESLint's parse of files with a keyword)",
        "campaign-ims: timing: rules      500 ms  16.7 %  rules (scope analysis, traversal, rule listeners)",
        "campaign-ims: timing: findings   100 ms   3.3 %  findings (masking, fingerprints, allowlist)",
        "campaign-ims: timing: report     150 ms   5.0 %  render and write the reports",
        "campaign-ims: timing: gc         250 ms   8.3 %  garbage collection",
        "",
      ].join("\n"),
    );
  });
});
