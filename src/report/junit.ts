/**
 * `--format junit`: JUnit XML for CI test reporters. One test suite per file with something to
 * say, one test case per finding (error and warn findings are failures, info findings pass with
 * their message in system-out), parse problems as errors and skipped files as skipped cases; and
 * a first suite whose single case carries the summary, so a clean scan still reports a test.
 * The document follows the Jenkins xUnit JUnit schema (test/report/fixtures/jenkins-junit.xsd
 * checks it): `<testsuites>` has no `skipped` attribute there, only each `<testsuite>` does.
 */
import type { FileProblem, ScannedFinding, ScanResult, SkippedFile } from "../scanner/types.js";
import { scopeNotes } from "../scanner/scope-notes.js";
import { buildSummary } from "./summary.js";

const escapeXml = (text: string): string =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");

interface Suite {
  name: string;
  findings: ScannedFinding[];
  problems: FileProblem[];
  skipped: SkippedFile[];
}

function testCase(finding: ScannedFinding): string {
  const name = escapeXml(`${finding.ruleId} at ${finding.line}:${finding.column}`);
  const classname = escapeXml(finding.path);
  const body = escapeXml(`${finding.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}\n${finding.evidence}`);
  if (finding.severity === "info") {
    return `    <testcase name="${name}" classname="${classname}">\n      <system-out>${body}</system-out>\n    </testcase>\n`;
  }
  return (
    `    <testcase name="${name}" classname="${classname}">\n` +
    `      <failure message="${escapeXml(finding.message)}" type="${escapeXml(finding.ruleId)}">${body}</failure>\n` +
    `    </testcase>\n`
  );
}

export function renderJunit(result: ScanResult): string {
  const suites = new Map<string, Suite>();
  const suite = (path: string): Suite => {
    let entry = suites.get(path);
    if (entry === undefined) suites.set(path, (entry = { name: path, findings: [], problems: [], skipped: [] }));
    return entry;
  };
  for (const finding of result.findings) suite(finding.path).findings.push(finding);
  for (const problem of result.errors) suite(problem.path).problems.push(problem);
  for (const file of result.skipped) suite(file.path).skipped.push(file);

  const summary = buildSummary(result);
  const overview =
    `${summary.findings.total} finding(s) (${summary.findings.error} error, ${summary.findings.warn} warn, ${summary.findings.info} info) ` +
    `in ${summary.files.withFindings} file(s); ${summary.files.scanned} file(s) scanned, ${summary.files.linted} parsed, ` +
    `${summary.files.skipped} skipped, ${summary.errors} problem(s)` +
    scopeNotes(result).map((note) => ` ${note}`).join("");
  let tests = 1;
  let failures = 0;
  let errors = 0;
  let body =
    `  <testsuite name="${escapeXml(result.tool.name)}" tests="1" failures="0" errors="0" skipped="0">\n` +
    `    <testcase name="scan" classname="${escapeXml(result.tool.name)}">\n      <system-out>${escapeXml(overview)}</system-out>\n    </testcase>\n` +
    `  </testsuite>\n`;
  for (const entry of [...suites.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const suiteFailures = entry.findings.filter((finding) => finding.severity !== "info").length;
    const cases = entry.findings.length + entry.problems.length + entry.skipped.length;
    tests += cases;
    failures += suiteFailures;
    errors += entry.problems.length;
    body += `  <testsuite name="${escapeXml(entry.name)}" tests="${cases}" failures="${suiteFailures}" errors="${entry.problems.length}" skipped="${entry.skipped.length}">\n`;
    for (const finding of entry.findings) body += testCase(finding);
    for (const problem of entry.problems) {
      body +=
        `    <testcase name="${escapeXml(`${problem.kind} at ${problem.line}:${problem.column}`)}" classname="${escapeXml(problem.path)}">\n` +
        `      <error message="${escapeXml(problem.message)}" type="${problem.kind}"/>\n    </testcase>\n`;
    }
    for (const file of entry.skipped) {
      body +=
        `    <testcase name="${escapeXml(`skipped: ${file.reason}`)}" classname="${escapeXml(file.path)}">\n` +
        `      <skipped message="${escapeXml(file.detail)}"/>\n    </testcase>\n`;
    }
    body += "  </testsuite>\n";
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${escapeXml(result.tool.name)}" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    body +
    `</testsuites>\n`
  );
}
