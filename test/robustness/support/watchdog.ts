/**
 * Runs robustness cases in a worker thread with a time budget per case (tinypool: aborting a
 * running task terminates its worker), so a hang fails the property with its input, which
 * fast-check then shrinks, instead of freezing the test run.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";

const WORKER = fileURLToPath(new URL("./case-worker.mjs", import.meta.url));
const BUILT_PLUGIN = fileURLToPath(new URL("../../../dist/src/index.js", import.meta.url));

/**
 * Time one small case may take. Cases take milliseconds; the budget is generous because the
 * machine is shared, and a hang (or a quadratic blow-up on a few KB) exceeds any budget.
 */
export const CASE_BUDGET_MS = 10_000;

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

  private constructor() {
    this.pool = new Tinypool({ filename: WORKER, minThreads: 1, maxThreads: 1, isolateWorkers: false });
  }

  /** A watchdog whose worker has loaded ESLint and the plugin (start-up is not charged to a case). */
  static async start(): Promise<Watchdog> {
    if (!existsSync(BUILT_PLUGIN)) throw new Error(`${BUILT_PLUGIN} is missing: run "npm run build" before the robustness tests`);
    const watchdog = new Watchdog();
    await watchdog.pool.run({ kind: "ping" });
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

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run<T>(task: object): Promise<T> {
    try {
      return (await this.pool.run(task, { signal: AbortSignal.timeout(CASE_BUDGET_MS) })) as T;
    } catch (error) {
      if ((error as Error).name !== "AbortError") throw error;
      // The worker was terminated; wait for its replacement to load before the next case.
      await this.pool.run({ kind: "ping" });
      throw new CaseTimeout(`no answer within ${CASE_BUDGET_MS} ms (a hang, or time that grows too fast with the input)`);
    }
  }
}
