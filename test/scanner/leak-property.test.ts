/**
 * No planted secret leaks, and the evidence stays readable (issue 11, "Fails 1." and "2.").
 *
 * Generated secrets (fixed seed, lengths 8–64, alphabets with `$`, quotes, `/`, `=`, `+`, `<`,
 * `>`, `&` and non-ASCII where the position allows them) are planted in every credential position
 * the rules know and the fallback masker covers, one file per case, in every language the plugin
 * reads. One in-process scan with the real plugin (strict profile) per run; then every output
 * format, the masked `--fix-dry-run` diff of each file and the messages are searched for the
 * secret and for every 6-character fragment of it. Beside it, each position's findings keep their
 * identifying text readable. `npm run fuzz` raises the case count (FUZZ_RUNS) and draws new seeds.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES, renderReport } from "../../src/report/index.js";
import { maskedDiff } from "../../src/scanner/fix/fix-diff.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { propertySeed } from "../support/properties.js";
import { REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ENDPOINT = "https://acme-mkt.campaign.adobe.com";
const ROUTER = `${ENDPOINT}/nl/jsp/soaprouter.jsp`;

interface Position {
  /** A name for the position (and the file's directory). */
  name: string;
  file: string;
  /** Characters a secret may hold in this position (besides letters and digits). */
  extra: string;
  text: (secret: string) => string;
  /** Text the evidence of this file's findings shows (names, methods, headers, hosts). */
  shows: readonly string[];
}

const logonEnvelope = (password: string): string =>
  [
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:xtk:session">`,
    `  <soapenv:Body>`,
    `    <urn:Logon>`,
    `      <urn:sessiontoken/>`,
    `      <urn:strLogin>svc_batch</urn:strLogin>`,
    `      <urn:strPassword>${password}</urn:strPassword>`,
    `    </urn:Logon>`,
    `  </soapenv:Body>`,
    `</soapenv:Envelope>`,
    ``,
  ].join("\n");

const POSITIONS: readonly Position[] = [
  { name: "env-spaces", file: ".env", extra: "$/=+<>&'\"é€", text: (s) => `ACC_ENDPOINT=${ENDPOINT}\nACC_USER=svc_batch\nACC_PASSWORD = ${s}\n`, shows: ["ACC_PASSWORD"] },
  { name: "env-session", file: ".env", extra: "$/=+<>&é", text: (s) => `ACC_ENDPOINT=${ENDPOINT}\nACC_SESSIONTOKEN=mc/${s}\n`, shows: ["ACC_SESSIONTOKEN"] },
  { name: "properties-colon", file: "campaign.properties", extra: "$/=+<>&'\"é€", text: (s) => `campaign.endpoint=${ENDPOINT}\ncampaign.login=svc_batch\ncampaign.password:${s}\n`, shows: ["campaign.password"] },
  { name: "properties-space", file: "campaign.properties", extra: "$/=+<>&'\"é€", text: (s) => `campaign.endpoint=${ENDPOINT}\ncampaign.login=svc_batch\ncampaign.password ${s}\n`, shows: ["campaign.password"] },
  { name: "make-colon-equals", file: "Makefile", extra: "/=+<>&'\"é", text: (s) => `ACC_ENDPOINT := ${ENDPOINT}\nACC_PASSWORD := ${s}\n\nlogon:\n\tcurl -X POST $(ACC_ENDPOINT)/nl/jsp/soaprouter.jsp -H "SOAPAction: xtk:session#Logon"\n`, shows: [] },
  { name: "make-question-equals", file: "Makefile", extra: "/=+<>&'\"é", text: (s) => `ACC_ENDPOINT ?= ${ENDPOINT}\nACC_PASSWORD ?= ${s}\n`, shows: [] },
  { name: "dockerfile-env", file: "Dockerfile", extra: "$/=+<>&é€", text: (s) => `FROM node:20\nENV ACC_ENDPOINT ${ENDPOINT}\nENV ACC_PASSWORD ${s}\nCMD ["node", "sync.js"]\n`, shows: ["ACC_PASSWORD"] },
  { name: "powershell-env", file: "deploy.ps1", extra: "/=+é", text: (s) => `$env:ACC_ENDPOINT = "${ENDPOINT}"\n$env:ACC_PASSWORD = ${s}\n`, shows: [] },
  {
    name: "http-variable",
    file: "logon.http",
    extra: "$/=+<>&'\"é€",
    text: (s) => `@password = ${s}\n\nPOST ${ROUTER}\nContent-Type: text/xml\nSOAPAction: xtk:session#Logon\n\n${logonEnvelope("{{password}}")}`,
    shows: ["xtk:session#Logon"],
  },
  { name: "http-security-token", file: "token.http", extra: "/=+é", text: (s) => `POST ${ROUTER}\nX-Security-Token: @${s}\nSOAPAction: xtk:queryDef#ExecuteQuery\n\n<q/>\n`, shows: ["X-Security-Token"] },
  { name: "xml-cdata", file: "logon-cdata.xml", extra: "$/=+<>&'\"é€", text: (s) => logonEnvelope(`<![CDATA[${s}]]>`), shows: ["Logon"] },
  { name: "xml-own-line", file: "logon-lines.xml", extra: "$/=+>'\"é€", text: (s) => logonEnvelope(`\n        ${s}\n      `), shows: ["Logon"] },
  { name: "xml-text", file: "logon.xml", extra: "$/=+>'\"é€", text: (s) => logonEnvelope(s), shows: ["Logon"] },
  {
    name: "js-sdk-password",
    file: "client.js",
    extra: "$/=+<>&'é€",
    text: (s) =>
      `const sdk = require("@adobe/acc-js-sdk");\nconst params = sdk.ConnectionParameters.ofUserAndPassword("${ENDPOINT}", "svc_batch", "${s}"); // was ${s}\nmodule.exports = params;\n`,
    shows: ["ofUserAndPassword"],
  },
  {
    name: "js-security-token-header",
    file: "query.js",
    extra: "/=+é",
    text: (s) => `export async function query(body) {\n  return fetch("${ROUTER}", { method: "POST", headers: { "X-Security-Token": "@${s}", SOAPAction: "xtk:queryDef#ExecuteQuery" }, body });\n}\n`,
    shows: ["X-Security-Token"],
  },
  { name: "shell-curl-user", file: "logon.sh", extra: "/=+._~%@!é", text: (s) => `#!/bin/sh\ncurl -u svc_batch:${s} "${ROUTER}" -H "SOAPAction: xtk:session#Logon"\n`, shows: ["curl"] },
  { name: "shell-curl-user-equals", file: "logon.sh", extra: "/=+._~%@!é", text: (s) => `#!/bin/sh\ncurl --user=svc_batch:${s} "${ROUTER}" -H "SOAPAction: xtk:session#Logon"\n`, shows: ["curl"] },
  { name: "shell-curl-token", file: "logon.sh", extra: "/=+._~%!é", text: (s) => `#!/bin/sh\ncurl -u ${s}: "${ROUTER}" -H "SOAPAction: xtk:session#Logon"\n`, shows: ["curl"] },
  { name: "shell-default", file: "env.sh", extra: "/=+._~%@!é", text: (s) => `#!/bin/sh\nexport ACC_ENDPOINT="${ENDPOINT}"\nexport ACC_PASSWORD="\${ACC_PASSWORD:-${s}}"\n`, shows: ["ACC_PASSWORD"] },
  {
    name: "shell-setimsjwtauth",
    file: "setup.sh",
    extra: "/=+_~!é",
    text: (s) => `#!/bin/sh\nnlserver config -instance:acme -setimsjwtauth::0A1B2C3D@AdobeOrg/c0ffee12/TECH1@techacct.adobe.com/p8e-${s.replace(/[^A-Za-z0-9]/g, "")}x/${s}\n`,
    shows: ["-setimsjwtauth"],
  },
  { name: "yaml-password", file: "campaign.yml", extra: "$/=+<>&'\"é€", text: (s) => `campaign:\n  endpoint: ${ENDPOINT}\n  login: svc_batch\n  password: ${s}\n`, shows: [] },
];

/** Secrets for a position: a letter and a digit first (so no placeholder), then its alphabet. */
function secretsFor(position: Position, index: number, count: number): string[] {
  const characters = fc.constantFrom(...(LETTERS + position.extra));
  return fc.sample(
    fc.array(characters, { minLength: 6, maxLength: 62 }).map((chars) => `k7${chars.join("")}`.replace(/\$(?=[A-Za-z_{(]|$)/g, "$9")),
    { seed: propertySeed() + index, numRuns: count },
  );
}

/** Secrets per position: 4 in `npm test` (84 in all); `npm run fuzz` with FUZZ_RUNS=n plants about n. */
const PER_POSITION = Math.max(4, Math.ceil(Number(process.env.FUZZ_RUNS ?? 0) / POSITIONS.length) || 4);
const CASES = POSITIONS.length * PER_POSITION;
let root: string;
let result: ScanResult;
const planted: { position: Position; secret: string; path: string; text: string }[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "campaign-ims-leak-"));
  POSITIONS.flatMap((position, index) => secretsFor(position, index, PER_POSITION).map((secret) => ({ position, secret }))).forEach(({ position, secret }, index) => {
    const path = `${position.name}-${index}/${position.file}`;
    const text = position.text(secret);
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    planted.push({ position, secret, path, text });
  });
  result = await scanDirectory(root, { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The first fragment (6 characters or the whole secret) of `secret` that `output` holds. */
function leakedFragment(output: string, secret: string): string | undefined {
  for (let start = 0; start + 6 <= secret.length; start++) {
    const fragment = secret.slice(start, start + 6);
    // Fragments made only of characters a report writes anyway say nothing.
    if (!/[A-Za-z0-9].*[A-Za-z0-9].*[A-Za-z0-9]/.test(fragment)) continue;
    if (output.includes(fragment)) return fragment;
  }
  return undefined;
}

/** The line of `output` that holds `fragment` (cut to 200 characters), to say where a leak is. */
function lineWith(output: string, fragment: string): string {
  const index = output.indexOf(fragment);
  const start = output.lastIndexOf("\n", index) + 1;
  const end = output.indexOf("\n", index);
  return output.slice(Math.max(start, index - 100), Math.min(end === -1 ? output.length : end, index + 100));
}

describe("planted secrets never leak", () => {
  it("from any report format", () => {
    expect(planted).toHaveLength(CASES);
    const outputs = FORMAT_NAMES.map((format) => [format, renderReport(format, result)] as const);
    const leaks: string[] = [];
    for (const { secret, path } of planted) {
      for (const [format, output] of outputs) {
        const fragment = leakedFragment(output, secret);
        if (fragment !== undefined) leaks.push(`${path} in ${format}: ${lineWith(output, fragment)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("from the findings' messages, evidence and problems", () => {
    const leaks: string[] = [];
    for (const { secret, path } of planted) {
      const mine = JSON.stringify([...result.findings.filter((finding) => finding.path === path), ...result.errors.filter((problem) => problem.path === path)]);
      const fragment = leakedFragment(mine, secret);
      if (fragment !== undefined) leaks.push(`${path}: ${lineWith(mine.replaceAll('{"', '\n{"').replaceAll(',"', '\n"'), fragment)}`);
    }
    expect(leaks).toEqual([]);
  });

  it("from a --fix-dry-run diff whose context shows the planted line", () => {
    const leaks: string[] = [];
    for (const { secret, path, text } of planted) {
      // A change on the first line puts every planted line (within three lines) in the context.
      const diff = maskedDiff(path, text, `# changed\n${text}`);
      const fragment = leakedFragment(diff, secret);
      if (fragment !== undefined) leaks.push(`${path}: ${lineWith(diff, fragment)}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe("the evidence stays readable", () => {
  it("every position gives findings, and their evidence shows what identifies them", () => {
    for (const position of POSITIONS) {
      const findings = result.findings.filter((finding) => finding.path.startsWith(`${position.name}-`));
      for (const shown of position.shows) {
        expect(findings.map((finding) => finding.evidence).find((evidence) => evidence.includes(shown)), `${position.name}: ${shown} in ${JSON.stringify(findings.map((finding) => finding.evidence))}`).toBeDefined();
      }
    }
  });
});
