/**
 * Runs robustness cases in a worker thread with a budget per case (tinypool: aborting a running
 * task terminates its worker), so a hang fails the property with its input, which fast-check then
 * shrinks, instead of freezing the test run.
 *
 * The budget is CPU time, not wall-clock time: on Linux the watchdog reads the worker thread's own
 * CPU time (`/proc/self/task/<tid>/stat`, utime + stime) while the case runs, so a machine busy
 * with other work (other test files, other users, `stress-ng`) slows a case down without failing
 * it. A wall-clock limit stays as a safety net for a case that waits without computing; it is
 * far above the CPU budget. Where the thread's CPU time cannot be read (not Linux), the wall-clock
 * limit is the budget.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";

const WORKER = fileURLToPath(new URL("./case-worker.mjs", import.meta.url));
const BUILT_PLUGIN = fileURLToPath(new URL("../../../dist/src/index.js", import.meta.url));

/**
 * CPU time one small case may take. Cases take milliseconds (the largest, a 200 KB Markdown manual
 * linted twice, about 2 s); a hang, or a quadratic blow-up on a few KB, exceeds any budget.
 */
export const CASE_CPU_BUDGET_MS = 10_000;
/** Wall-clock time one case may take whatever the load: only a case that waits without computing reaches it. */
export const CASE_WALL_LIMIT_MS = 180_000;
/** The budget where CPU time cannot be read: wall-clock time, generous for a loaded machine. */
export const CASE_WALL_BUDGET_MS = 60_000;
/** How often the worker's CPU time is read while a case runs. */
const POLL_MS = 50;
/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux architecture). */
const USER_HZ = 100;

/** CPU time (ms) of one thread of this process, from `/proc/self/task/<tid>/stat`; undefined if unreadable. */
function threadCpuMs(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, "latin1");
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

export interface LocatedMessage {
  ruleId: string | null;
  message: string;
  fatal: boolean;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: [number, number];
  suggestions: Array<[number, number]>;
}

export interface LintAnswer {
  messages: LocatedMessage[];
  fixed: { output: string; messages: LocatedMessage[] };
}

export interface CaseFile {
  path: string;
  bytes: Uint8Array;
}

/** One scan of a case's tree: the profile, and whether fixes are written. */
export interface ScanRun {
  profile?: "recommended" | "strict" | "v8";
  fix?: boolean;
}

export interface ScanAnswer {
  findings: Array<{ path: string; ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
  errors: Array<{ path: string; line: number; column: number; kind: string; message: string }>;
  skipped: Array<{ path: string; reason: string; detail: string }>;
  fixes: Array<{ path: string; status: "fixed" | "would-fix" | "refused"; reason?: string }>;
  /** Every file's bytes after the run. */
  files: CaseFile[];
}

export class CaseTimeout extends Error {
  override name = "CaseTimeout";
}

export class Watchdog {
  private readonly pool: Tinypool;
  /** `/proc/<pid>/task/<tid>/stat` of the worker thread once it answered a ping; null where there is none (not Linux). */
  private statPath: string | null | undefined;

  private constructor() {
    this.pool = new Tinypool({ filename: WORKER, minThreads: 1, maxThreads: 1, isolateWorkers: false });
  }

  /** A watchdog whose worker has loaded ESLint and the plugin (start-up is not charged to a case). */
  static async start(): Promise<Watchdog> {
    if (!existsSync(BUILT_PLUGIN)) throw new Error(`${BUILT_PLUGIN} is missing: run "npm run build" before the robustness tests`);
    const watchdog = new Watchdog();
    await watchdog.ping();
    return watchdog;
  }

  lint(path: string, text: string): Promise<LintAnswer> {
    return this.run({ kind: "lint", path, text });
  }

  /** Scans a tree of files once per run, in a row, in a temporary directory; one answer per run. */
  async scan(files: CaseFile[], runs: ScanRun[]): Promise<ScanAnswer[]> {
    const root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-robustness-")));
    try {
      return await this.run({ kind: "scan", root, files, runs });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  /** Spends `ms` of CPU time in the worker (`busy`), or waits `ms` without computing (`idle`): tests of the watchdog itself. */
  spend(kind: "busy" | "idle", ms: number, budget?: { cpuMs?: number; wallMs?: number }): Promise<{ cpuMs: number | null }> {
    return this.run({ kind, ms }, budget);
  }

  /** Whether the worker thread's CPU time can be read here (Linux): otherwise the wall-clock limit is the budget. */
  get measuresCpuTime(): boolean {
    return typeof this.statPath === "string" && threadCpuMs(this.statPath) !== undefined;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  /** Waits for a worker that has loaded everything, and learns its thread's /proc entry. */
  private async ping(): Promise<void> {
    const answer = (await this.pool.run({ kind: "ping" })) as { thread: string | null };
    this.statPath = answer.thread === null ? null : `/proc/${answer.thread}/stat`;
  }

  private async run<T>(task: object, budget: { cpuMs?: number; wallMs?: number } = {}): Promise<T> {
    const cpuBudgetMs = budget.cpuMs ?? CASE_CPU_BUDGET_MS;
    // A worker that tinypool replaced (after a crash) has another thread: ask it.
    if (this.statPath === undefined || (this.statPath !== null && threadCpuMs(this.statPath) === undefined)) await this.ping();
    const statPath = this.statPath ?? null;
    const cpuAtStart = statPath === null ? undefined : threadCpuMs(statPath);
    const controller = new AbortController();
    let reason = "";
    const stop = (why: string): void => {
      reason = why;
      controller.abort();
    };
    const wallLimitMs = budget.wallMs ?? (cpuAtStart === undefined ? CASE_WALL_BUDGET_MS : CASE_WALL_LIMIT_MS);
    const wallTimer = setTimeout(() => stop(`no answer within ${wallLimitMs} ms of wall-clock time`), wallLimitMs);
    const cpuTimer =
      cpuAtStart === undefined || statPath === null
        ? undefined
        : setInterval(() => {
            const used = (threadCpuMs(statPath) ?? cpuAtStart) - cpuAtStart;
            if (used > cpuBudgetMs) stop(`no answer within ${cpuBudgetMs} ms of CPU time`);
          }, POLL_MS);
    try {
      return (await this.pool.run(task, { signal: controller.signal })) as T;
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
      // The worker was terminated; wait for its replacement to load before the next case.
      await this.ping();
      throw new CaseTimeout(`${reason} (a hang, or time that grows too fast with the input)`);
    } finally {
      clearTimeout(wallTimer);
      if (cpuTimer !== undefined) clearInterval(cpuTimer);
    }
  }
}
