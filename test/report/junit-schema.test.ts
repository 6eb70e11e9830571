/**
 * The JUnit report validates against the Jenkins xUnit JUnit schema (fixtures/jenkins-junit.xsd),
 * checked by a real XSD validator: `xmllint --schema` (Debian's libxml2-utils; .ci/run installs it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { renderJunit } from "../../src/report/junit.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { SAMPLE } from "./sample-result.js";

const SCHEMA = fileURLToPath(new URL("./fixtures/jenkins-junit.xsd", import.meta.url));
const XMLLINT = spawnSync("xmllint", ["--version"], { encoding: "utf8" }).error === undefined;
const scratch = mkdtempSync(join(tmpdir(), "campaign-ims-junit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(xml: string): { code: number | null; stderr: string } {
  const file = join(scratch, `report-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  return { code: run.status, stderr: run.stderr.replaceAll(file, "report.xml") };
}

describe.skipIf(!XMLLINT)("junit against the Jenkins xUnit schema (xmllint)", () => {
  it("validates: findings, problems, skipped files and the summary case", () => {
    expect(validate(renderJunit(SAMPLE))).toEqual({ code: 0, stderr: "report.xml validates\n" });
  });

  it("validates an empty scan", () => {
    const empty: ScanResult = { ...SAMPLE, findings: [], skipped: [], errors: [] };
    expect(validate(renderJunit(empty))).toEqual({ code: 0, stderr: "report.xml validates\n" });
  });

  it("the schema rejects what the Jenkins schema rejects: skipped on <testsuites>", () => {
    const withSkipped = renderJunit(SAMPLE).replace('<testsuites name="campaign-ims"', '<testsuites skipped="1" name="campaign-ims"');
    const run = validate(withSkipped);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("The attribute 'skipped' is not allowed.");
  });
});

it.runIf(!XMLLINT)("junit schema validation: SKIPPED because xmllint is not installed (apt-get install -y libxml2-utils)", () => {
  expect(XMLLINT).toBe(false);
});
