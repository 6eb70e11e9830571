/**
 * The live progress line on stderr: only on an interactive terminal (stdout and stderr both TTYs,
 * not in CI), redrawn at most every 100 ms, erased before anything else is printed. It shows files
 * done of the total (counted before the scan starts), findings, and the time left, estimated from
 * the pace so far once a second has passed.
 */
import type { ScanProgress } from "../scanner/scan.js";

interface TerminalStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const REDRAW_INTERVAL_MS = 100;
const ERASE_LINE = "\r\u001b[2K";
/** No estimate before this much time has passed: the first files say little about the pace. */
const MIN_ESTIMATE_MS = 1000;

/** `~8s`, `~2m 05s`, `~1h 04m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `~${seconds}s`;
  if (seconds < 3600) return `~${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `~${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

export function progressAllowed(options: { stdout: TerminalStream; stderr: TerminalStream; env: NodeJS.ProcessEnv; quiet: boolean }): boolean {
  const ci = options.env.CI;
  const inCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
  return !options.quiet && !inCi && options.stdout.isTTY === true && options.stderr.isTTY === true;
}

export class ProgressLine {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private started: number | undefined;

  constructor(
    private readonly stream: TerminalStream,
    private readonly now: () => number = Date.now,
  ) {}

  /** The line; with `elapsedMs` (time since the first update) and a known total, the time left. */
  static describe(progress: ScanProgress, elapsedMs?: number): string {
    const total = progress.total ?? progress.found;
    const counted = `${progress.done}/${total}${progress.total === undefined && progress.walking ? "+" : ""}`;
    let line = `campaign-ims: ${counted} files, ${progress.findings} finding${progress.findings === 1 ? "" : "s"}`;
    if (progress.total !== undefined && elapsedMs !== undefined && progress.done < total) {
      line += progress.done === 0 || elapsedMs < MIN_ESTIMATE_MS ? ", estimating time left" : `, ${formatDuration((elapsedMs / progress.done) * (total - progress.done))} left`;
    }
    return line;
  }

  update(progress: ScanProgress): void {
    const time = this.now();
    this.started ??= time;
    if (time - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.lastDraw = time;
    this.stream.write(`${ERASE_LINE}${ProgressLine.describe(progress, time - this.started)}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write(ERASE_LINE);
    this.drawn = false;
  }
}
