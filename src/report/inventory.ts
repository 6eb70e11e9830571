/**
 * The inventory: findings grouped by rule, credential kind, operator login, Campaign endpoint and
 * folder, with the migration checklist. Groups that name operators or endpoints list their
 * findings' fingerprints, so merged results (issue 5) can be regrouped without the sources.
 */
import { posix } from "node:path";
import type { CredentialKind } from "../campaign/credential-kinds.js";
import type { ScannedFinding, ScanResult } from "../scanner/types.js";
import { KIND_LABELS, KIND_ORDER, MIGRATION_STEPS, ROTATE_STEP, stepForKind, type MigrationStepId } from "./migration-steps.js";

export interface RuleGroup {
  ruleId: string;
  kind: CredentialKind;
  findings: number;
  files: number;
  migrationStep: MigrationStepId;
}

export interface KindGroup {
  kind: CredentialKind;
  label: string;
  findings: number;
  files: number;
  migrationStep: MigrationStepId;
}

export interface NamedGroup {
  findings: number;
  files: number;
  kinds: CredentialKind[];
  fingerprints: string[];
}

export interface OperatorGroup extends NamedGroup {
  operator: string;
}

export interface EndpointGroup extends NamedGroup {
  endpoint: string;
}

export interface FolderGroup {
  folder: string;
  findings: number;
  files: number;
  kinds: CredentialKind[];
}

export interface ChecklistItem {
  step: MigrationStepId;
  title: string;
  action: string;
  kinds: CredentialKind[];
  findings: number;
  files: number;
}

/** A credential a history scan found in a commit: it must be rotated, even when removed since. */
export interface RotateItem {
  ruleId: string;
  path: string;
  line: number;
  commit: string;
  date: string;
  atHead: boolean;
  fingerprint: string;
  /** The masked source line. */
  evidence: string;
}

export interface Inventory {
  byRule: RuleGroup[];
  byKind: KindGroup[];
  byOperator: OperatorGroup[];
  byEndpoint: EndpointGroup[];
  byFolder: FolderGroup[];
  checklist: ChecklistItem[];
  /** History scans only: every credential that was ever committed, oldest first. */
  rotate?: RotateItem[];
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupBy(findings: readonly ScannedFinding[], key: (finding: ScannedFinding) => string | undefined): Map<string, ScannedFinding[]> {
  const groups = new Map<string, ScannedFinding[]>();
  for (const finding of findings) {
    const name = key(finding);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [finding]);
    else group.push(finding);
  }
  return groups;
}

const fileCount = (findings: readonly ScannedFinding[]): number => new Set(findings.map((finding) => finding.path)).size;

const kindsOf = (findings: readonly ScannedFinding[]): CredentialKind[] => {
  const present = new Set(findings.map((finding) => finding.category));
  return KIND_ORDER.filter((kind) => present.has(kind));
};

/** Most findings first, then by name. */
const byWeight = <T extends { findings: number }>(name: (group: T) => string) => (a: T, b: T): number =>
  b.findings - a.findings || compareStrings(name(a), name(b));

function namedGroups(findings: readonly ScannedFinding[], key: (finding: ScannedFinding) => string | undefined): Array<[string, NamedGroup]> {
  return [...groupBy(findings, key)].map(([name, members]) => [
    name,
    {
      findings: members.length,
      files: fileCount(members),
      kinds: kindsOf(members),
      fingerprints: members.map((finding) => finding.fingerprint).sort(),
    },
  ]);
}

/** Committed credentials (the kinds whose migration step is rotating them), oldest commit first. */
function rotateList(findings: readonly ScannedFinding[]): RotateItem[] {
  return findings
    .filter((finding) => finding.history !== undefined && stepForKind(finding.category).id === ROTATE_STEP)
    .map((finding): RotateItem => ({
      ruleId: finding.ruleId,
      path: finding.path,
      line: finding.line,
      commit: finding.history!.commit,
      date: finding.history!.date,
      atHead: finding.history!.atHead,
      fingerprint: finding.fingerprint,
      evidence: finding.evidence,
    }))
    .sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.path, b.path) || a.line - b.line);
}

export function buildInventory(result: Pick<ScanResult, "findings">): Inventory {
  const { findings } = result;
  const byRule = [...groupBy(findings, (finding) => finding.ruleId)]
    .map(([ruleId, members]): RuleGroup => ({
      ruleId,
      kind: members[0]!.category,
      findings: members.length,
      files: fileCount(members),
      migrationStep: stepForKind(members[0]!.category).id,
    }))
    .sort(byWeight((group) => group.ruleId));

  const kinds = groupBy(findings, (finding) => finding.category);
  const byKind = KIND_ORDER.filter((kind) => kinds.has(kind)).map((kind): KindGroup => ({
    kind,
    label: KIND_LABELS[kind],
    findings: kinds.get(kind)!.length,
    files: fileCount(kinds.get(kind)!),
    migrationStep: stepForKind(kind).id,
  }));

  const byOperator = namedGroups(findings, (finding) => finding.operator)
    .map(([operator, group]): OperatorGroup => ({ operator, ...group }))
    .sort(byWeight((group) => group.operator));
  const byEndpoint = namedGroups(findings, (finding) => finding.endpoint)
    .map(([endpoint, group]): EndpointGroup => ({ endpoint, ...group }))
    .sort(byWeight((group) => group.endpoint));

  const byFolder = [...groupBy(findings, (finding) => posix.dirname(finding.path))]
    .map(([folder, members]): FolderGroup => ({ folder, findings: members.length, files: fileCount(members), kinds: kindsOf(members) }))
    .sort((a, b) => compareStrings(a.folder, b.folder));

  const checklist = MIGRATION_STEPS.flatMap((step): ChecklistItem[] => {
    const members = findings.filter((finding) => step.kinds.includes(finding.category));
    if (members.length === 0) return [];
    return [{ step: step.id, title: step.title, action: step.action, kinds: kindsOf(members), findings: members.length, files: fileCount(members) }];
  });

  const inventory: Inventory = { byRule, byKind, byOperator, byEndpoint, byFolder, checklist };
  if (findings.some((finding) => finding.history !== undefined)) inventory.rotate = rotateList(findings);
  return inventory;
}
