/**
 * The pre-commit hook (.pre-commit-hooks.yaml) run by the real `pre-commit` tool (Debian package
 * pre-commit; .ci/run installs it). The hook repository is this package as npm packs it (dist
 * built, development dependencies left out, so pre-commit's `npm install` fetches only what the
 * command needs) plus the repository's .pre-commit-hooks.yaml, committed in a git repository made
 * here; a project repository then commits through the installed hook.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GIT_ENV, GitRepo } from "../support/git-repo.js";
import { assertBuilt } from "./support/run-cli.js";

const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PRE_COMMIT = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const TOOL = PRE_COMMIT.error === undefined && PRE_COMMIT.status === 0;
// pre-commit installs the hook's runtime dependencies from the npm registry.
const REGISTRY = TOOL && spawnSync("npm", ["ping"], { encoding: "utf8", timeout: 60_000 }).status === 0;
const AVAILABLE = TOOL && REGISTRY;

const LOGON = `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "ops", "Winter-2024-pass");\n`;

let scratch: string;
let hookRepo: GitRepo;
let project: GitRepo;
const env = (): NodeJS.ProcessEnv => {
  const { CI: _ci, GITHUB_ACTIONS: _actions, ...base } = process.env;
  return { ...base, ...GIT_ENV, PRE_COMMIT_HOME: join(scratch, "pre-commit-home") };
};
const inProject = (command: string, args: string[]) => {
  const run = spawnSync(command, args, { cwd: project.path, env: env(), encoding: "utf8", timeout: 540_000 });
  if (run.error !== undefined) throw run.error;
  // git runs hooks with their output on stderr.
  return { status: run.status, stdout: run.stdout, output: run.stdout + run.stderr };
};

describe.skipIf(!AVAILABLE)("pre-commit hook (real pre-commit)", { timeout: 600_000 }, () => {
  beforeAll(() => {
    assertBuilt();
    scratch = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-pre-commit-")));
    const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", scratch], { cwd: PACKAGE_ROOT, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const hookPath = join(scratch, "hook");
    mkdirSync(hookPath);
    const untar = spawnSync("tar", ["xzf", join(scratch, pack.stdout.trim()), "--strip-components", "1", "-C", hookPath]);
    expect(untar.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(hookPath, "package.json"), "utf8")) as Record<string, unknown>;
    delete manifest.devDependencies;
    delete manifest.scripts;
    writeFileSync(join(hookPath, "package.json"), JSON.stringify(manifest, null, 2));
    copyFileSync(join(PACKAGE_ROOT, ".pre-commit-hooks.yaml"), join(hookPath, ".pre-commit-hooks.yaml"));
    hookRepo = GitRepo.create(hookPath);
    const rev = hookRepo.commit("hook");

    project = GitRepo.create(join(scratch, "project"));
    project.write({ ".pre-commit-config.yaml": `repos:\n  - repo: ${hookPath}\n    rev: ${rev}\n    hooks:\n      - id: campaign-ims\n`, "README.md": "project\n" }).commit("start");
    const install = inProject("pre-commit", ["install"]);
    expect(install.status, install.output).toBe(0);
  }, 300_000);
  // PRE_COMMIT_HOME holds the hook's installed environment: a node_modules tree.
  afterAll(() => rmSync(scratch, { recursive: true, force: true }), 300_000);

  it("blocks a commit that stages a hard-coded Campaign password, printing it masked", () => {
    project.write({ "src/connect.ts": LOGON, "src/clean.ts": "export const x = 1;\n" });
    inProject("git", ["add", "-A"]);
    const commit = inProject("git", ["commit", "-m", "add connect"]);
    expect(commit.status).toBe(1);
    expect(commit.output).toMatch(/campaign-ims \(legacy Adobe Campaign authentication\)\.+Failed\n- hook id: campaign-ims\n- exit code: 1\n/);
    expect(commit.output).toContain("src/connect.ts\n  2:45  error  Native login/password via ofUserAndPassword");
    expect(commit.output).toContain("campaign-ims/no-hardcoded-campaign-secret");
    expect(commit.output).not.toContain("Winter-2024-pass");
    expect(commit.output).toContain("Only the files of --staged: 2 paths listed.");
    // Nothing was committed.
    expect(inProject("git", ["rev-list", "--count", "HEAD"]).stdout).toBe("1\n");
  });

  it("lets a commit through once the staged files are clean; unstaged legacy code does not block it", () => {
    inProject("git", ["reset", "-q"]);
    inProject("git", ["add", "src/clean.ts"]);
    const commit = inProject("git", ["commit", "-m", "add clean"]);
    expect(commit.status, commit.output).toBe(0);
    expect(commit.output).toMatch(/campaign-ims \(legacy Adobe Campaign authentication\)\.+Passed\n/);
    expect(inProject("git", ["rev-list", "--count", "HEAD"]).stdout).toBe("2\n");
  });
});

it.runIf(!TOOL)("pre-commit hook: SKIPPED because the pre-commit tool is not installed (apt-get install -y pre-commit)", () => {
  expect(TOOL).toBe(false);
});

it.runIf(TOOL && !REGISTRY)("pre-commit hook: SKIPPED because the npm registry is not reachable (npm ping failed)", () => {
  expect(REGISTRY).toBe(false);
});
