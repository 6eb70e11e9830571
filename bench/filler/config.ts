/**
 * Filler configuration files: XML (application configs, Maven POMs, SOAP templates of ordinary
 * services), CI workflows and other YAML, JSON (package manifests, tsconfig, data), `.env`,
 * `.properties`, Dockerfiles and Makefiles.
 */
import type { Random } from "../random.js";
import { ADJECTIVES, camel, HOSTS, kebab, NOUNS, PACKAGES, SCRIPT_COMMANDS, snake, VERBS } from "../vocabulary.js";

const grow = (random: Random, targetBytes: number, head: string, unit: () => string, tail: string): string => {
  const parts = [head];
  let size = head.length + tail.length;
  do {
    const next = unit();
    parts.push(next);
    size += next.length;
  } while (size < targetBytes);
  parts.push(tail);
  return parts.join("");
};

export function xmlFile(random: Random, targetBytes: number): string {
  const kind = random.int(0, 2);
  if (kind === 0) {
    return grow(
      random,
      targetBytes,
      `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n`,
      () => {
        const noun = random.pick(NOUNS);
        return `  <!-- ${random.pick(ADJECTIVES)} ${noun} settings -->\n  <${noun} enabled="${random.chance(0.5)}" ${random.pick(NOUNS)}="${random.int(1, 500)}">\n    <url>https://${random.pick(HOSTS)}/${noun}</url>\n    <timeout>${random.int(1, 120)}</timeout>\n  </${noun}>\n`;
      },
      `</configuration>\n`,
    );
  }
  if (kind === 1) {
    return grow(
      random,
      targetBytes,
      `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example.${random.pick(NOUNS)}</groupId>\n  <artifactId>${kebab(random.pick(NOUNS), random.pick(NOUNS))}</artifactId>\n  <dependencies>\n`,
      () => `    <dependency>\n      <groupId>org.example.${random.pick(NOUNS)}</groupId>\n      <artifactId>${kebab(random.pick(NOUNS), "core")}</artifactId>\n      <version>${random.int(1, 9)}.${random.int(0, 20)}.${random.int(0, 9)}</version>\n    </dependency>\n`,
      `  </dependencies>\n</project>\n`,
    );
  }
  // A SOAP request of an ordinary web service.
  const noun = random.pick(NOUNS);
  const method = camel(random.pick(VERBS), noun);
  return grow(
    random,
    targetBytes,
    `<?xml version="1.0" encoding="utf-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:svc="urn:example:${noun}">\n  <soapenv:Body>\n    <svc:${method}>\n`,
    () => {
      const element = random.pick(NOUNS);
      return `      <svc:${element} id="${random.int(1, 99_999)}">${random.pick(ADJECTIVES)}</svc:${element}>\n`;
    },
    `    </svc:${method}>\n  </soapenv:Body>\n</soapenv:Envelope>\n`,
  );
}

/** A CI workflow (`.github/workflows/*.yml`: scanned as shell-like). */
export function workflowFile(random: Random, targetBytes: number): string {
  return grow(
    random,
    targetBytes,
    `name: ${random.pick(VERBS)}-${random.pick(NOUNS)}\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n`,
    () => {
      const steps = Array.from({ length: random.int(2, 6) }, () => `      - name: ${random.pick(VERBS)} ${random.pick(NOUNS)}\n        run: ${random.pick(SCRIPT_COMMANDS)}\n`).join("");
      return `  ${kebab(random.pick(VERBS), random.pick(NOUNS))}-${random.int(1, 999)}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: ${random.pick([18, 20, 22])}\n${steps}`;
    },
    "",
  );
}

/** Kubernetes manifests and compose files (not a scanned type: read by ripgrep only). */
export function manifestFile(random: Random, targetBytes: number): string {
  return grow(
    random,
    targetBytes,
    "",
    () => {
      const name = kebab(random.pick(NOUNS), random.pick(NOUNS));
      return `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${random.int(1, 6)}\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: registry.example.com/${name}:${random.int(1, 40)}.${random.int(0, 9)}\n          env:\n            - name: ${snake(random.pick(NOUNS), random.pick(NOUNS)).toUpperCase()}\n              value: "${random.int(0, 1000)}"\n`;
    },
    "",
  );
}

export function packageJson(random: Random, name: string): string {
  const dependencies = Object.fromEntries(
    random.shuffled(PACKAGES).slice(0, random.int(2, 8)).map((dependency) => [dependency, `^${random.int(1, 18)}.${random.int(0, 20)}.${random.int(0, 9)}`]),
  );
  return `${JSON.stringify(
    {
      name,
      version: `${random.int(0, 4)}.${random.int(0, 30)}.${random.int(0, 9)}`,
      private: true,
      type: "module",
      scripts: { build: "tsc -p tsconfig.json", test: "vitest run", lint: "eslint ." },
      dependencies,
      devDependencies: { typescript: "^5.6.0", vitest: "^2.1.0" },
    },
    null,
    2,
  )}\n`;
}

export function tsconfigJson(random: Random): string {
  return `${JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { outDir: "dist", rootDir: "src", strict: random.chance(0.8) }, include: ["src"] }, null, 2)}\n`;
}

/** Data, locale and fixture JSON (not a scanned type). */
export function dataJson(random: Random, targetBytes: number): string {
  const rows: string[] = [];
  let size = 4;
  while (size < targetBytes) {
    const row = JSON.stringify({ id: random.int(1, 1_000_000), [random.pick(NOUNS)]: random.pick(ADJECTIVES), [random.pick(NOUNS)]: random.int(0, 9999), tags: [random.pick(NOUNS), random.pick(NOUNS)] });
    rows.push(row);
    size += row.length + 4;
  }
  return `[\n  ${rows.join(",\n  ")}\n]\n`;
}

export function envFile(random: Random): string {
  return Array.from({ length: random.int(3, 15) }, () => `${snake(random.pick(NOUNS), random.pick(NOUNS)).toUpperCase()}=${random.chance(0.5) ? random.int(0, 9999) : `https://${random.pick(HOSTS)}`}`).join("\n") + "\n";
}

export function propertiesFile(random: Random, targetBytes: number): string {
  return grow(random, targetBytes, `# ${random.pick(NOUNS)} settings\n`, () => `${random.pick(NOUNS)}.${random.pick(NOUNS)}.${random.pick(ADJECTIVES)}=${random.int(0, 9999)}\n`, "");
}

export function dockerfile(random: Random): string {
  return [
    `FROM node:${random.pick([18, 20, 22])}-slim AS build`,
    "WORKDIR /app",
    "COPY package.json package-lock.json ./",
    "RUN npm ci",
    "COPY . .",
    "RUN npm run build",
    `FROM node:${random.pick([18, 20, 22])}-slim`,
    "WORKDIR /app",
    "COPY --from=build /app/dist ./dist",
    `ENV PORT=${random.int(3000, 9000)} LOG_LEVEL=${random.pick(["info", "debug", "warn"])}`,
    `EXPOSE ${random.int(3000, 9000)}`,
    'CMD ["node", "dist/index.js"]',
    "",
  ].join("\n");
}

export function makefile(random: Random): string {
  const targets = Array.from({ length: random.int(2, 6) }, () => `${random.pick(VERBS)}-${random.pick(NOUNS)}:\n\t${random.pick(SCRIPT_COMMANDS)}\n`);
  return `.PHONY: all\nall: build\n\nbuild:\n\tnpm run build\n\n${targets.join("\n")}`;
}
