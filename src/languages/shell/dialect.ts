/**
 * Dialect detection from a file name (the language's `parse` gets `file.path`). The
 * `languageOptions.dialect` option overrides it.
 */
import type { ShellDialect } from "./ast.js";

export const SHELL_DIALECTS: readonly ShellDialect[] = [
  "sh",
  "dockerfile",
  "makefile",
  "github-actions",
  "gitlab-ci",
  "yaml",
  "env",
  "properties",
  "batch",
  "powershell",
  "jenkinsfile",
  "hcl",
];

const EXTENSIONS: Record<string, ShellDialect> = {
  dockerfile: "dockerfile",
  containerfile: "dockerfile",
  mk: "makefile",
  make: "makefile",
  makefile: "makefile",
  env: "env",
  dotenv: "env",
  properties: "properties",
  bat: "batch",
  cmd: "batch",
  ps1: "powershell",
  psm1: "powershell",
  powershell: "powershell",
  pwsh: "powershell",
  jenkinsfile: "jenkinsfile",
  groovy: "jenkinsfile",
  tf: "hcl",
  tfvars: "hcl",
  hcl: "hcl",
};

/**
 * The dialect for a path (POSIX or Windows separators; virtual paths such as
 * `README.md/0.dockerfile` from a Markdown processor work too):
 *
 * - `Dockerfile`, `Containerfile`, `Dockerfile.*`, `*.dockerfile` → `dockerfile`
 * - `Makefile`, `GNUmakefile`, `*.mk`, `*.make` → `makefile`
 * - `.github/workflows/*.yml|yaml`, `action.yml|yaml` → `github-actions` (shell in `run:`)
 * - `.gitlab-ci.yml`, `*.gitlab-ci.yml`, `.gitlab/**.yml` → `gitlab-ci` (`script:`, `before_script:`, `after_script:`)
 * - any other `*.yml|yaml` → `yaml` (every CI system, compose, Kubernetes, Ansible: see parse-yaml.ts)
 * - `.env`, `.env.*`, `*.env` → `env`; `*.properties` → `properties`
 * - `*.bat`, `*.cmd` → `batch`; `*.ps1`, `*.psm1` → `powershell`
 * - `Jenkinsfile`, `Jenkinsfile.*`, `*.jenkinsfile`, `*.groovy` → `jenkinsfile`
 * - `*.tf`, `*.tfvars`, `*.hcl` → `hcl`
 * - anything else (`*.sh`, `*.bash`, `.envrc`, no extension …) → `sh`
 */
export function detectShellDialect(filePath: string): ShellDialect {
  const path = filePath.replace(/\\/gu, "/");
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const lowerPath = `/${path.toLowerCase()}`;
  if (base === "dockerfile" || base === "containerfile" || base.startsWith("dockerfile.") || base.startsWith("containerfile.")) {
    return "dockerfile";
  }
  if (base === "makefile" || base === "gnumakefile") return "makefile";
  if (base === "jenkinsfile" || base.startsWith("jenkinsfile.")) return "jenkinsfile";
  if (base === ".env" || base.startsWith(".env.")) return "env";
  const dot = base.lastIndexOf(".");
  const extension = dot === -1 ? "" : base.slice(dot + 1);
  if (extension === "yml" || extension === "yaml") {
    if (lowerPath.includes("/.github/workflows/") || base === "action.yml" || base === "action.yaml") return "github-actions";
    if (base === ".gitlab-ci.yml" || base === ".gitlab-ci.yaml" || base.endsWith(".gitlab-ci.yml") || base.endsWith(".gitlab-ci.yaml") || lowerPath.includes("/.gitlab/")) {
      return "gitlab-ci";
    }
    return "yaml";
  }
  return EXTENSIONS[extension] ?? "sh";
}
