/**
 * `--timing`: where a scan's time goes, so a user with a slow repository can tell which part is
 * slow. Each thread (the walking thread, each lint worker) has a `PhaseClock`: the phases are
 * synchronous spans of wall time on that thread (a thread waiting for workers or idle counts
 * nowhere), and garbage collection is V8's own account of its pauses (perf_hooks
 * PerformanceObserver `gc` entries). A pause is taken out of the span it happened in, found by its
 * start time (entries arrive late, after the event loop turns, so spans are kept until the clock is
 * read), so the phases and `gc` add up to the thread's measured time. Parse and rules split a lint
 * span with ESLint's own `stats` (`Linter#getTimes`): `parse` is ESLint's parse (the parser and the
 * source code object), `rules` the rest of `verify` (scope analysis, traversal, rule listeners).
 * Timing costs a little: ESLint times every listener call, and a worker lets its event loop turn
 * after each file so its GC entries arrive.
 */
import { performance, PerformanceObserver } from "node:perf_hooks";

export const TIMING_PHASES = ["load", "walk", "read", "parse", "rules", "findings", "report", "gc"] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];
export type PhaseTimes = Record<TimingPhase, number>;

/** What each phase covers, for the printed table and the documentation. */
export const PHASE_LABELS: Readonly<Record<TimingPhase, string>> = {
  load: "load ESLint, the plugin and the config",
  walk: "walk the tree",
  read: "read files and search them for keywords",
  parse: "parse (ESLint's parse of files with a keyword)",
  rules: "rules (scope analysis, traversal, rule listeners)",
  findings: "findings (masking, fingerprints, allowlist)",
  report: "render and write the reports",
  gc: "garbage collection",
};

export const noTimes = (): PhaseTimes => ({ load: 0, walk: 0, read: 0, parse: 0, rules: 0, findings: 0, report: 0, gc: 0 });

export function addTimes(into: PhaseTimes, from: PhaseTimes): void {
  for (const phase of TIMING_PHASES) into[phase] += from[phase];
}

/** One thread's phases. */
export class PhaseClock {
  private readonly times = noTimes();
  // Spans in the order they ran (chronological), as parallel arrays: start, end, the phase, and for
  // a lint span the share of it that was parsing (a GC pause in it is split the same way).
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly phases: TimingPhase[] = [];
  private readonly parseShares: number[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gcPause(entry.startTime, entry.duration);
  });

  constructor() {
    this.observer.observe({ entryTypes: ["gc"] });
  }

  /** Runs `work` as a span of `phase`. */
  time<T>(phase: TimingPhase, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.span(phase, start, performance.now());
    }
  }

  /** A span of `phase` that ran from `start` to `end` (performance.now()). */
  span(phase: TimingPhase, start: number, end: number): void {
    this.record(phase, start, end, 0);
    this.times[phase] += end - start;
  }

  /** A lint of one file: `parseMs` of the span was parsing, the rest rules. */
  lintSpan(start: number, end: number, parseMs: number): void {
    const total = end - start;
    const parse = Math.min(Math.max(parseMs, 0), total);
    this.record("parse", start, end, total > 0 ? parse / total : 0);
    this.times.parse += parse;
    this.times.rules += total - parse;
  }

  /** The times so far, every GC entry delivered until now taken into account. */
  read(): PhaseTimes {
    for (const entry of this.observer.takeRecords()) this.gcPause(entry.startTime, entry.duration);
    return { ...this.times };
  }

  /** Waits for the GC entries still queued, then reads the times and stops observing. */
  async stop(): Promise<PhaseTimes> {
    await new Promise((resolve) => setImmediate(resolve));
    const times = this.read();
    this.observer.disconnect();
    return times;
  }

  private record(phase: TimingPhase, start: number, end: number, parseShare: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.phases.push(phase);
    this.parseShares.push(parseShare);
  }

  /** A GC pause V8 reported (also called directly by tests). */
  gcPause(start: number, duration: number): void {
    this.times.gc += duration;
    // The last span that started at or before the pause.
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= start) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    // A pause outside every span (the thread was idle or between spans) is GC time only.
    if (found < 0 || start >= this.ends[found]!) return;
    const phase = this.phases[found]!;
    const taken = Math.min(duration, this.ends[found]! - start);
    if (phase === "parse") {
      const share = this.parseShares[found]!;
      this.times.parse -= taken * share;
      this.times.rules -= taken * (1 - share);
    } else {
      this.times[phase] -= taken;
    }
  }
}

export interface ScanTiming {
  /** Threads whose times are summed (the walking thread and the lint workers that warmed up or linted). */
  threads: number;
  /** Sum of the phases, milliseconds. */
  totalMs: number;
  phases: Record<TimingPhase, { ms: number; share: number }>;
}

export function summarizeTiming(times: PhaseTimes, threads: number): ScanTiming {
  const positive = (value: number): number => Math.max(0, value);
  const totalMs = TIMING_PHASES.reduce((sum, phase) => sum + positive(times[phase]), 0);
  const phases = Object.fromEntries(
    TIMING_PHASES.map((phase) => [phase, { ms: positive(times[phase]), share: totalMs > 0 ? positive(times[phase]) / totalMs : 0 }]),
  ) as ScanTiming["phases"];
  return { threads, totalMs, phases };
}

/** The table `--timing` prints on stderr. */
export function formatTiming(timing: ScanTiming, toolName: string): string {
  const ms = (value: number): string => `${Math.round(value).toLocaleString("en-US")} ms`;
  const lines = [`${toolName}: timing: ${ms(timing.totalMs)} summed over ${timing.threads} thread(s)`];
  const width = Math.max(...TIMING_PHASES.map((phase) => ms(timing.phases[phase].ms).length));
  for (const phase of TIMING_PHASES) {
    const { ms: value, share } = timing.phases[phase];
    lines.push(`${toolName}: timing: ${phase.padEnd(8)} ${ms(value).padStart(width)} ${(share * 100).toFixed(1).padStart(5)} %  ${PHASE_LABELS[phase]}`);
  }
  return `${lines.join("\n")}\n`;
}
