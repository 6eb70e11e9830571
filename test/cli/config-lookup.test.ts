/** The configuration file is looked for from the scan root up to the repository root. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConfigFile } from "../../src/scanner/config-file.js";
import { GitRepo } from "../support/git-repo.js";
import { assertBuilt, runCli } from "./support/run-cli.js";

const LOGON = `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "ops", process.env.PW);\n`;

let outer: string;
let repo: GitRepo;
beforeAll(() => {
  assertBuilt();
  outer = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-config-")));
  // Above the repository: never used by a scan inside it.
  writeFileSync(join(outer, "campaign-ims.config.json"), JSON.stringify({ failOn: "none" }));
  repo = GitRepo.create(join(outer, "repo"));
  repo.write({ "src/app/logon.ts": LOGON });
  mkdirSync(join(outer, "plain/src"), { recursive: true });
  writeFileSync(join(outer, "plain/src/logon.ts"), LOGON);
}, 120_000);
afterAll(() => rmSync(outer, { recursive: true, force: true }));

const configLine = (stderr: string): string | undefined => /^campaign-ims: configuration (.*)$/m.exec(stderr)?.[1];

/** With configuration files written (path in the repository → content), a scan from src/: the file it used and its exit code. */
function scanFromSrc(files: Record<string, object>): { config: string | undefined; code: number | null } {
  for (const [path, content] of Object.entries(files)) writeFileSync(join(repo.path, path), JSON.stringify(content));
  try {
    const run = runCli(["scan", "--verbose", "-f", "json", "-o", "/dev/null"], { cwd: join(repo.path, "src") });
    return { config: configLine(run.stderr), code: run.code };
  } finally {
    for (const path of Object.keys(files)) rmSync(join(repo.path, path));
  }
}

describe("configuration lookup", { timeout: 300_000 }, () => {
  it("finds the repository's file from a scan root below it", () => {
    // The rule runs at warn: nothing at or above error, exit 0.
    expect(scanFromSrc({ "campaign-ims.config.json": { rules: { "no-password-logon": "warn" } } })).toEqual({ config: join(repo.path, "campaign-ims.config.json"), code: 0 });
  });

  it("takes the nearest file: one in the scan root wins over the repository's", () => {
    writeFileSync(join(repo.path, "src/campaign-ims.config.json"), "{}");
    writeFileSync(join(repo.path, "campaign-ims.config.json"), "{}");
    expect(findConfigFile(join(repo.path, "src/app"))).toBe(join(repo.path, "src/campaign-ims.config.json"));
    expect(findConfigFile(join(repo.path, "nowhere"))).toBe(join(repo.path, "campaign-ims.config.json"));
    expect(scanFromSrc({ "campaign-ims.config.json": { failOn: "none" }, "src/campaign-ims.config.json": { failOn: "error" } })).toEqual({
      config: join(repo.path, "src/campaign-ims.config.json"),
      code: 1,
    });
  });

  it("stops at the repository root: a file above it is not used", () => {
    expect(findConfigFile(join(repo.path, "src"))).toBeUndefined();
    const run = runCli(["scan", "--verbose", "-f", "json", "-o", "/dev/null"], { cwd: join(repo.path, "src") });
    expect(configLine(run.stderr)).toBeUndefined();
    expect(run.code).toBe(1);
  });

  it("outside a repository looks only in the scan root", () => {
    expect(findConfigFile(join(outer, "plain/src"))).toBeUndefined();
    expect(findConfigFile(outer)).toBe(join(outer, "campaign-ims.config.json"));
    expect(runCli(["scan", "-q"], { cwd: join(outer, "plain/src") }).code).toBe(1);
  });
});
