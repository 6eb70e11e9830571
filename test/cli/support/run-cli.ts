/**
 * Spawning the built `campaign-ims` command (dist/src/cli.js: run `npm run build` first, as
 * `npm test` does) and reading what it printed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../../../dist/src/cli.js", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../../../fixtures/", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to a copy of this process's environment without CI (tests set CI themselves). */
  env?: NodeJS.ProcessEnv;
  /**
   * Run without the capabilities that let root ignore file permissions (setpriv), so a file
   * with mode 000 is unreadable even when the tests run as root.
   */
  honourPermissions?: boolean;
  /** Standard input (default: none). */
  input?: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the CLI tests`);
}

export function runCli(args: string[], options: RunOptions): CliRun {
  const { CI: _ci, GITHUB_ACTIONS: _actions, ...env } = process.env;
  const asRoot = options.honourPermissions === true && process.getuid?.() === 0;
  const [command, prefix] = asRoot
    ? ["setpriv", ["--bounding-set", "-dac_override,-dac_read_search", "--", process.execPath]]
    : [process.execPath, []];
  const result = spawnSync(command, [...prefix, CLI, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    encoding: "utf8",
    timeout: 120_000,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A private copy of a fixture directory (outside this repository, so its .gitignore does not apply). */
export function copyFixture(name: string): string {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-cli-")));
  cpSync(join(FIXTURES, name), directory, { recursive: true });
  return directory;
}
