/**
 * Configuration wherever it lives (fixtures/config-repo): CI pipelines of every common system,
 * docker-compose, Kubernetes, Helm values, Ansible playbooks, Jenkinsfiles and Terraform, linted through the plugin's own
 * configs (`eslint` route) and scanned (`campaign-ims scan` route) with the same findings.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";

const REPO = join(FIXTURES, "config-repo");

const EXPECTED: Record<string, string[]> = {
  ".circleci/config.yml": [
    // `environment:` of a CircleCI job; the value holds `$$`, which names no variable.
    "7:27-7:40 no-hardcoded-campaign-secret password",
    // `run: { command: … }`.
    "11:36-11:50 no-jwt-service-account setImsJwtAuth",
  ],
  ".gitlab-ci.yml": [
    // `variables: NAME: { value: … }`.
    "6:3-6:18 no-session-token sessionTokenSetting",
    "7:13-7:33 no-hardcoded-campaign-secret loginPassword",
    "11:22-11:36 no-session-token sessionTokenCookie",
  ],
  // Files `include:`d from .gitlab-ci.yml: any YAML name is read with the CI script keys
  // (`.gitlab/**` as GitLab CI by its path).
  ".gitlab/ci/import.yml": ["4:23-4:37 no-jwt-service-account setImsJwtAuth"],
  "ci/templates/campaign-export.yml": [
    "5:29-5:43 no-hardcoded-campaign-secret password",
    // An unquoted script item with `: ` (YAML reads a one-pair map): the line is still the command.
    "9:20-9:35 no-session-token sessionTokenHeader",
  ],
  "ansible/campaign.yml": [
    // `vars:` in lower case with the product's former name.
    "3:18-3:33 no-hardcoded-campaign-secret password",
    "6:46-6:60 no-jwt-service-account setImsJwtAuth",
    "8:23-8:38 no-hardcoded-campaign-secret password",
    // `win_shell` is PowerShell.
    "10:125-10:141 no-session-token securityTokenHeader",
    // `command: { cmd: … }`.
    "13:23-13:37 no-session-token sessionTokenCookie",
    "13:38-13:58 no-hardcoded-campaign-secret loginPassword",
  ],
  "azure-pipelines.yml": [
    // `variables:` as a list of name/value entries.
    "4:12-4:27 no-hardcoded-campaign-secret password",
    "7:23-7:37 no-jwt-service-account setImsJwtAuth",
    // A `PowerShell@2` task's inline script.
    "13:117-13:134 no-password-logon soapLogonAction",
  ],
  // A hard-coded default of a shell parameter expansion.
  // An unquoted `after-script` item with `: ` in it (YAML reads a one-pair map): still a command.
  "bitbucket-pipelines.yml": ["6:49-6:61 no-hardcoded-campaign-secret password", "9:22-9:37 no-session-token sessionTokenHeader"],
  "ci/actions/campaign-deploy/action.yml": [
    "10:11-10:25 no-jwt-service-account setImsJwtAuth",
    // `shell: pwsh`.
    "14:82-14:98 no-session-token securityTokenHeader",
  ],
  "ci/release-pipeline.yml": [
    "8:26-8:40 no-hardcoded-campaign-secret password",
    // Inside a double-quoted scalar with `\"` escapes: the position is the source's.
    "11:29-11:45 no-session-token securityTokenHeader",
  ],
  "docker-compose.yml": [
    // The script after `sh -c` in an exec-form entrypoint.
    "4:47-4:61 no-jwt-service-account setImsJwtAuth",
    "5:23-5:37 no-session-token sessionTokenCookie",
    // `environment:` list items `NAME=value`.
    "7:9-7:25 no-session-token sessionTokenSetting",
    "7:26-7:51 no-hardcoded-campaign-secret loginPassword",
    // `environment:` map with `${VAR:-default}`.
    "12:37-12:49 no-hardcoded-campaign-secret password",
  ],
  // `campaign: password:`: a bare key qualified by the key above it; `database.password` is not Campaign's.
  "helm/campaign-sync/values.yaml": ["5:13-5:28 no-hardcoded-campaign-secret password"],
  // A Helm template (`{{ … }}` directives break the YAML): read with the directives blanked, positions
  // exact; values a directive builds are no literals.
  "helm/campaign-sync/templates/worker.yaml": [
    "23:23-23:37 no-hardcoded-campaign-secret password",
    "28:27-28:41 no-session-token sessionTokenCookie",
  ],
  "k8s/worker.yaml": [
    // `command: ["/bin/sh", "-c"]` + `args: [script]`.
    "12:28-12:44 no-session-token securityTokenHeader",
    // `env:` name/value entries; a `valueFrom` entry holds nothing.
    "15:23-15:38 no-hardcoded-campaign-secret password",
    // A Secret's `stringData`.
    "26:3-26:20 no-session-token sessionTokenSetting",
    "26:22-26:45 no-hardcoded-campaign-secret loginPassword",
  ],
  Jenkinsfile: [
    // `environment { }`; `credentials('id')` is no literal.
    "6:16-6:31 no-hardcoded-campaign-secret password",
    // `sh '''…'''`.
    "13:46-13:60 no-jwt-service-account setImsJwtAuth",
    // `sh(script: "…")` with Groovy `\"` escapes.
    "15:31-15:47 no-session-token securityTokenHeader",
    // `bat` is batch, `powershell` PowerShell.
    "16:23-16:37 no-session-token sessionTokenCookie",
    "17:94-17:110 no-session-token securityTokenHeader",
    // `withEnv(['NAME=value'])`.
    "18:31-18:44 no-hardcoded-campaign-secret password",
  ],
  // `$(LOGON) …`: the variable is read as the command it runs (its Logon password is found);
  // `NOTE` runs nothing.
  Makefile: ["2:34-2:52 no-password-logon soapLogonAction", "2:127-2:141 no-hardcoded-campaign-secret password"],
  "infra/campaign.tf": [
    // A `variable` block's default, named by the variable.
    "4:14-4:27 no-hardcoded-campaign-secret password",
    // `locals`.
    "8:3-8:20 no-session-token sessionTokenSetting",
    "8:24-8:44 no-hardcoded-campaign-secret loginPassword",
    // `provider "campaign" { password = … }`; the database's password is not Campaign's.
    "14:15-14:28 no-hardcoded-campaign-secret password",
  ],
  // A tfvars value; an interpolation is not a literal.
  "infra/prod.tfvars": ["1:22-1:34 no-hardcoded-campaign-secret password"],
  // Other products' passwords, `${{ secrets.X }}` and `${X}` references, `MY_ACC_…`, a github-script input.
  "negative/unrelated.yml": [],
};

// Every secret the fixtures hard-code: no message may show any of them.
const SECRETS = [
  "Pa$$w0rd-Tide",
  "Harb0ur-Light",
  "Velvet-Orbit-23",
  "Marble-Crane-90",
  "Lunar-Fox-12",
  "Gl4cier-Path-19",
  "Qu1et-Harbor",
  "Tr4de-Winds-77",
  "Ember-Stone-42",
  "Night-Owl-88",
  "Amber-Quartz-64",
  "Silver-Fjord-31",
  "Copper-Kettle-5",
  "Granite-Peak-58",
  "Drift-Wood-73",
  "Coral-Reef-26",
  "Maple-Leaf-14",
  "Frost-Line-39",
  "Iron-Gate-47",
  "Cedar-Smoke-61",
  "Slate-Rover-35",
  "Pine-Needle-52",
];

function files(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? files(path) : [relative(REPO, path).split("\\").join("/")];
    });
}

const short = (m: { line: number; column: number; endLine?: number; endColumn?: number; ruleId: string | null; messageId?: string }): string =>
  `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId?.replace("campaign-ims/", "")} ${m.messageId}`;

describe("configuration files through eslint with the plugin's recommended-all-languages config", () => {
  const linter = new Linter({ configType: "flat" });
  it("lints every fixture, and only them", () => {
    expect(files(REPO).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))("%s", (path, expected) => {
    const text = readFileSync(join(REPO, path), "utf8");
    const messages = linter.verify(text, plugin.configs["recommended-all-languages"], { filename: join(REPO, path) });
    expect(messages.map(short)).toEqual(expected);
    for (const message of messages) for (const secret of SECRETS) expect(message.message).not.toContain(secret);
  });
});

describe("configuration files through the scanner", () => {
  it("finds the same, masked", async () => {
    const result = await scanDirectory(REPO, { pluginModule: REAL_PLUGIN_MODULE });
    const found = result.findings.map((f) => `${f.path} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId.replace("campaign-ims/", "")}`);
    const expected = Object.entries(EXPECTED).flatMap(([path, list]) => list.map((entry) => `${path} ${entry.slice(0, entry.lastIndexOf(" "))}`));
    expect(found.sort()).toEqual(expected.sort());
    const serialised = JSON.stringify(result);
    for (const secret of SECRETS) expect(serialised).not.toContain(secret);
  });
});

describe("example-looking values are graded below real-looking ones", () => {
  const linter = new Linter({ configType: "flat" });
  const code = "ACC_PASSWORD=asdf1234\nACC_PWD=Zq7-Adm1n!Pw\nACC_SESSIONTOKEN=svc/test123\n";
  it("eslint: an exampleSecret message for keyboard runs and sample words, still masked", () => {
    const messages = linter.verify(code, plugin.configs["recommended-all-languages"], { filename: join(REPO, ".env") });
    for (const message of messages) for (const secret of ["asdf1234", "Zq7-Adm1n!Pw", "test123"]) expect(message.message).not.toContain(secret);
    expect(messages.map((m) => [short(m), m.message.slice(0, m.message.indexOf(":"))])).toEqual([
      ["1:14-1:22 no-hardcoded-campaign-secret exampleSecret", "Example-looking password (****) in the ACC_PASSWORD setting"],
      ["2:9-2:21 no-hardcoded-campaign-secret password", "Hard-coded Campaign password (****) in the ACC_PWD setting"],
      ["3:1-3:17 no-session-token sessionTokenSetting", "Campaign session token in configuration (ACC_SESSIONTOKEN)"],
      ["3:18-3:29 no-hardcoded-campaign-secret exampleSecret", "Example-looking login/password session token (svc/****) in the ACC_SESSIONTOKEN setting"],
    ]);
  });
});

describe("the migrated state scans clean", () => {
  it("an authIMSTAClientSecret encrypted by nlserver config -setimsoauth is not a hard-coded secret", async () => {
    const result = await scanDirectory(join(FIXTURES, "migrated-repo"), { pluginModule: REAL_PLUGIN_MODULE });
    expect(result.findings).toEqual([]);
    expect(result.stats.filesLinted).toBeGreaterThan(0);
    const linter = new Linter({ configType: "flat" });
    const xml = readFileSync(join(FIXTURES, "migrated-repo/config/config-stage.xml"), "utf8");
    expect(linter.verify(xml, plugin.configs["recommended-all-languages"], { filename: join(FIXTURES, "migrated-repo/config/config-stage.xml") })).toEqual([]);
    // The same attribute with a clear-text client secret is still reported.
    const clear = xml.replace(/authIMSTAClientSecret="[^"]*"/u, 'authIMSTAClientSecret="p8e-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLz"');
    expect(linter.verify(clear, plugin.configs["recommended-all-languages"], { filename: join(FIXTURES, "migrated-repo/config/config-stage.xml") }).map(short)).toEqual([
      "6:33-6:67 no-hardcoded-campaign-secret clientSecret",
    ]);
  });
});
