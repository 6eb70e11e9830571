/**
 * The live progress line on stderr: only on an interactive terminal (stdout and stderr both TTYs,
 * not in CI), redrawn at most every 100 ms, erased before anything else is printed.
 */
import type { ScanProgress } from "./scan.js";

interface TerminalStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const REDRAW_INTERVAL_MS = 100;
const ERASE_LINE = "\r\u001b[2K";

export function progressAllowed(options: { stdout: TerminalStream; stderr: TerminalStream; env: NodeJS.ProcessEnv; quiet: boolean }): boolean {
  const ci = options.env.CI;
  const inCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
  return !options.quiet && !inCi && options.stdout.isTTY === true && options.stderr.isTTY === true;
}

export class ProgressLine {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: TerminalStream,
    private readonly now: () => number = Date.now,
  ) {}

  static describe(progress: ScanProgress): string {
    const total = `${progress.found}${progress.walking ? "+" : ""}`;
    return `campaign-ims: ${progress.done}/${total} files, ${progress.findings} finding${progress.findings === 1 ? "" : "s"}`;
  }

  update(progress: ScanProgress): void {
    const time = this.now();
    if (time - this.lastDraw < REDRAW_INTERVAL_MS) return;
    this.lastDraw = time;
    this.stream.write(`${ERASE_LINE}${ProgressLine.describe(progress)}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write(ERASE_LINE);
    this.drawn = false;
  }
}
