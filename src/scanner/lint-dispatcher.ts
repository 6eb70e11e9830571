/**
 * Where files get linted: in the walking thread, or in a pool of worker threads (tinypool) when
 * the tree has many files to parse. With `concurrency: "auto"` the pool gets one thread per core
 * but one (the walking thread keeps a core) and is used only with at least two such threads: on
 * a 2-core machine a single worker only adds its start-up (each worker loads ESLint, the parsers
 * and the plugin; measured: 80 copies of fixtures/legacy-repo took 11.7 s in-process and 13.5 s
 * with a pool, on a loaded 2-core machine). The first files are held back (a bounded number and
 * size) and linted in-process if the walk ends before the pool would pay for its start-up. An
 * explicit concurrency above 1 always uses the pool, started before the walk (`startEarly`); a
 * starting pool sends each worker a warm-up (engine, plugin, TypeScript) so that loading overlaps
 * the walk instead of delaying the first files. At most a few tasks per thread are in flight, so memory stays bounded
 * while the walk runs ahead. Results are sorted afterwards, so the order of completion never
 * shows in the output.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";
import type { FileResult } from "./file-findings.js";
import type { LintEngine } from "./lint-engine.js";
import type { LintTask, WarmUpResult } from "./lint-worker.js";
import type { ScanSettings } from "./scan-settings.js";
import { addTimes, noTimes, type PhaseTimes } from "./timing.js";

/** With "auto", files to parse before a pool is worth starting, and the most text held meanwhile. */
export const AUTO_POOL_THRESHOLD = 200;
const AUTO_POOL_HELD_CHARACTERS = 32 * 1024 * 1024;
const MAX_AUTO_THREADS = 8;
const TASKS_IN_FLIGHT_PER_THREAD = 4;

const WORKER_FILE = new URL("./lint-worker.js", import.meta.url);

export class LintDispatcher {
  private readonly results: FileResult[] = [];
  private readonly held: Array<{ path: string; text: string }> = [];
  private heldCharacters = 0;
  private pool: Tinypool | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  private readonly settingsKey: string;
  /** With `--timing`: each worker's latest phase times (cumulative), by thread id. */
  private readonly workerTimes = new Map<number, PhaseTimes>();
  /** `--timing`: workers report their phase times with each result. */
  timing = false;

  constructor(
    private readonly engine: LintEngine,
    private readonly settings: ScanSettings,
    private readonly onResult: (result: FileResult) => void = () => {},
    private readonly onPoolStart: (threads: number) => void = () => {},
  ) {
    this.settingsKey = JSON.stringify([settings.root, settings.profile, settings.rules, settings.markdown, settings.allowlist, settings.pluginModule, settings.fix, settings.reportUnusedDisableDirectives]);
  }

  /**
   * An explicit `--concurrency` above 1: start the pool now, before the walk, so the workers load
   * ESLint, the plugin and TypeScript while the walk and the reading run (their start-up is then
   * hidden, not waited for when the first file with a keyword comes).
   */
  startEarly(): void {
    const { concurrency } = this.settings;
    if (typeof concurrency === "number" && concurrency > 1) this.pool ??= this.startPool();
  }

  /** Threads the pool would use (with "auto", fewer than 2 means no pool). */
  get threads(): number {
    const { concurrency } = this.settings;
    return concurrency === "auto" ? Math.max(1, Math.min(availableParallelism() - 1, MAX_AUTO_THREADS)) : concurrency;
  }

  async submit(path: string, text: string): Promise<void> {
    const { concurrency } = this.settings;
    if (concurrency === 1 || (concurrency === "auto" && this.threads < 2)) return this.lintHere(path, text);
    if (
      this.pool === undefined &&
      concurrency === "auto" &&
      this.held.length < AUTO_POOL_THRESHOLD &&
      this.heldCharacters + text.length <= AUTO_POOL_HELD_CHARACTERS
    ) {
      this.held.push({ path, text });
      this.heldCharacters += text.length;
      return;
    }
    this.pool ??= this.startPool();
    this.heldCharacters = 0;
    for (const file of this.held.splice(0)) await this.dispatch(file.path, file.text);
    await this.dispatch(path, text);
  }

  /** With `--timing`, after `finish`: the workers' phase times, summed, and how many workers linted. */
  workerTiming(): { times: PhaseTimes; workers: number } {
    const times = noTimes();
    for (const workerTimes of this.workerTimes.values()) addTimes(times, workerTimes);
    return { times, workers: this.workerTimes.size };
  }

  /** After a failure outside the lint: stop the pool (if one started), results or not. */
  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  /** Every result, once all submitted files are linted. */
  async finish(): Promise<FileResult[]> {
    if (this.pool === undefined) {
      for (const file of this.held.splice(0)) this.lintHere(file.path, file.text);
    }
    await Promise.all(this.inFlight);
    await this.pool?.destroy();
    if (this.failure !== undefined) throw this.failure;
    return this.results;
  }

  private lintHere(path: string, text: string): void {
    const result = this.engine.lintFile(path, text);
    this.results.push(result);
    this.onResult(result);
  }

  private startPool(): Tinypool {
    const filename = fileURLToPath(WORKER_FILE);
    if (!existsSync(filename)) {
      throw new Error(`the lint worker ${filename} is missing: worker threads need the built package (npm run build)`);
    }
    this.onPoolStart(this.threads);
    const pool = new Tinypool({ filename, minThreads: this.threads, maxThreads: this.threads, idleTimeout: 1000 });
    // One warm-up per thread: each idle worker takes one and builds its engine now.
    for (let thread = 0; thread < this.threads; thread++) {
      const warm: LintTask = { settingsKey: this.settingsKey, settings: this.settings, path: "", text: "", warm: true, ...(this.timing ? { timing: true } : {}) };
      this.track(pool.run(warm).then(
        (result: WarmUpResult) => {
          if (result?.timing !== undefined) this.workerTimes.set(result.timing.thread, result.timing.times);
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      ));
    }
    return pool;
  }

  private track(running: Promise<void>): void {
    const tracked = running.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async dispatch(path: string, text: string): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    while (this.inFlight.size >= this.threads * TASKS_IN_FLIGHT_PER_THREAD) await Promise.race(this.inFlight);
    const task: LintTask = { settingsKey: this.settingsKey, settings: this.settings, path, text, ...(this.timing ? { timing: true } : {}) };
    this.track(this.pool!.run(task).then(
      ({ timing, ...result }: FileResult) => {
        if (timing !== undefined) this.workerTimes.set(timing.thread, timing.times);
        this.results.push(result);
        this.onResult(result);
      },
      (error: unknown) => {
        // Per-file problems come back as results; a rejection means the worker itself failed.
        this.failure ??= error;
      },
    ));
  }
}
