/**
 * The SARIF output checked by Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, a
 * self-contained .NET program shipped per platform) with GitHub's rule set (`--rule-kind Gh`,
 * the GH10xx/GH20xx rules GitHub code scanning applies on upload) and the SARIF spec rules.
 * The tool's own output is a SARIF log: every result in it is a rule violation in ours.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSarif } from "../../src/report/sarif.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";
import { SAMPLE } from "./sample-result.js";

const require = createRequire(import.meta.url);

/** The platform package's executable, or why there is none. */
function multitool(): { path: string } | { missing: string } {
  const name = `@microsoft/sarif-multitool-${process.platform}`;
  let directory: string;
  try {
    directory = dirname(require.resolve(`${name}/package.json`));
  } catch {
    return { missing: `${name} is not installed (npm installs it as an optional dependency of @microsoft/sarif-multitool on darwin, linux and win32)` };
  }
  const path = join(directory, process.platform === "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool");
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { missing: `${path} is not executable (its postinstall script, chmod u+x, did not run)` };
  }
  return { path };
}

const tool = multitool();
const reason = "missing" in tool ? tool.missing : undefined;
const work = mkdtempSync(join(tmpdir(), "campaign-ims-multitool-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Violation {
  ruleId: string;
  level: string;
  /** The message id, and the JSON path it is about. */
  message: string;
  where: string;
}

function validate(name: string, sarif: string): Violation[] {
  if (!("path" in tool)) throw new Error(reason);
  const input = join(work, `${name}.sarif`);
  const output = join(work, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const run = spawnSync(tool.path, ["validate", "--rule-kind", "Gh;Sarif", "--output", output, input], {
    encoding: "utf8",
    timeout: 120_000,
    // .NET without ICU data on minimal images: invariant globalization is enough for validation.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  expect(run.error).toBeUndefined();
  expect(run.stdout).toContain("Analysis completed successfully.");
  const log = JSON.parse(readFileSync(output, "utf8"));
  return (log.runs[0].results ?? []).map((result: any) => ({
    ruleId: result.ruleId,
    level: result.level ?? "warning",
    message: result.message.id ?? result.message.text,
    where: result.message.arguments?.[0] ?? "",
  }));
}

// A .NET program that starts in seconds on an idle machine, far slower on a loaded one.
describe.skipIf(reason !== undefined)(`SARIF Multitool validation with GitHub's rules${reason === undefined ? "" : ` (skipped: ${reason})`}`, { timeout: 300_000 }, () => {
  it("reports nothing for a real scan of the legacy demo repository, with a category", async () => {
    const result = await scanDirectory(join(FIXTURES, "legacy-repo"), { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
    expect(result.findings.length).toBeGreaterThan(50);
    expect(validate("legacy-repo", renderSarif(result, { category: "campaign-ims/pull-request" }))).toEqual([]);
  });

  it("reports nothing for skipped files, problems and fallback rules", () => {
    expect(validate("sample", renderSarif(SAMPLE))).toEqual([]);
  });

  it("does report GitHub's GH2012 when a rule lacks help and fullDescription (the check is live)", () => {
    const log = JSON.parse(renderSarif(SAMPLE));
    for (const rule of log.runs[0].tool.driver.rules) {
      delete rule.help;
      delete rule.fullDescription;
    }
    const violations = validate("without-help", JSON.stringify(log, null, 2));
    expect(violations.map((violation) => [violation.ruleId, violation.level, violation.message, violation.where])).toEqual([
      ["GH2012", "error", "Error_MissingFullDescription", "runs[0].tool.driver.rules[0]"],
      ["GH2012", "error", "Error_MissingHelp", "runs[0].tool.driver.rules[0]"],
      ["GH2012", "error", "Error_MissingFullDescription", "runs[0].tool.driver.rules[1]"],
      ["GH2012", "error", "Error_MissingHelp", "runs[0].tool.driver.rules[1]"],
    ]);
  });
});
