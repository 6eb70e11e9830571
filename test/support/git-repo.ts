/**
 * Git repositories built by the tests with the git binary: fixed identities and dates, so commit
 * ids are the same on every run; no global or system git configuration is read.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Commit dates advance a day per commit from this one. */
const EPOCH = Date.UTC(2024, 0, 1, 12, 0, 0) / 1000;

export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.test",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "author@example.test",
};

export class GitRepo {
  private commits = 0;

  private constructor(readonly path: string) {}

  /** A new repository (branch main) in a fresh temporary directory, or in `path`. */
  static create(path?: string): GitRepo {
    const directory = path ?? realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-git-")));
    mkdirSync(directory, { recursive: true });
    const repo = new GitRepo(directory);
    repo.git("init", "-q", "-b", "main");
    return repo;
  }

  git(...args: string[]): string {
    const run = spawnSync("git", args, { cwd: this.path, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
    return run.stdout;
  }

  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.path, path)), { recursive: true });
      writeFileSync(join(this.path, path), text);
    }
    return this;
  }

  remove(...paths: string[]): this {
    for (const path of paths) rmSync(join(this.path, path));
    return this;
  }

  /** Stage everything and commit; returns the commit id. Date: a day after the previous commit. */
  commit(message: string): string {
    this.git("add", "-A");
    const date = `@${EPOCH + 86_400 * this.commits++} +0000`;
    const run = spawnSync("git", ["commit", "-q", "--allow-empty", "-m", message], {
      cwd: this.path,
      env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`git commit failed: ${run.stderr}`);
    return this.git("rev-parse", "HEAD").trim();
  }

  dispose(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
