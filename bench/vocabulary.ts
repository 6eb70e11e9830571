/**
 * Words the filler is made of: ordinary names of a product monorepo. None contains a keyword of
 * the shared table (test/bench checks it), so the only files with a keyword are the planted and
 * decoy ones, as the ground truth says.
 */
export const NOUNS = [
  "order", "cart", "invoice", "customer", "product", "catalog", "price", "discount", "coupon", "basket",
  "shipment", "parcel", "carrier", "warehouse", "stock", "supplier", "payment", "refund", "receipt", "ledger",
  "account", "profile", "address", "contact", "review", "rating", "banner", "slot", "page", "layout",
  "theme", "widget", "panel", "dialog", "table", "column", "row", "cell", "filter", "sorter",
  "report", "metric", "chart", "series", "bucket", "window", "queue", "worker", "job", "task",
  "event", "message", "topic", "channel", "stream", "buffer", "cache", "entry", "record", "batch",
  "schema", "model", "field", "value", "option", "setting", "feature", "flag", "variant", "segment",
  "audience", "newsletter", "template", "asset", "image", "thumbnail", "video", "upload", "download", "file",
  "folder", "tag", "label", "category", "region", "country", "currency", "locale", "language", "timezone",
  "tenant", "store", "site", "domain", "route", "handler", "request", "response", "payload", "header",
] as const;

export const VERBS = [
  "get", "set", "load", "save", "fetch", "update", "create", "delete", "remove", "build",
  "parse", "format", "render", "compute", "resolve", "validate", "normalize", "merge", "split", "apply",
  "sync", "publish", "subscribe", "notify", "schedule", "retry", "flush", "track", "count", "group",
  "sort", "map", "reduce", "collect", "prepare", "handle", "register", "open", "close", "reset",
] as const;

export const ADJECTIVES = [
  "active", "pending", "default", "current", "primary", "secondary", "local", "remote", "cached", "visible",
  "hidden", "selected", "expired", "partial", "complete", "draft", "archived", "public", "internal", "shared",
] as const;

/** npm packages that an ordinary service imports. */
export const PACKAGES = [
  "react", "react-dom", "zod", "express", "lodash-es", "date-fns", "axios", "uuid", "pino", "yargs",
  "@tanstack/react-query", "redux", "@reduxjs/toolkit", "fastify", "knex", "pg", "ioredis", "dotenv", "chalk", "commander",
] as const;

export const HOSTS = [
  "api.example.com", "orders.internal.example.net", "cdn.example.org", "search.example.com", "payments.example.com",
  "metrics.example.io", "localhost:8080", "127.0.0.1:3000", "status.example.com", "graph.example.com",
] as const;

export const PROSE = [
  "This package owns the checkout flow and the pages around it.",
  "Run the tests before opening a pull request; the pipeline runs them again on every push.",
  "The service reads its settings from the environment and falls back to the defaults below.",
  "Values are cached for five minutes; a deploy clears the cache.",
  "Every handler validates its input with the shared schema before touching the database.",
  "Retries use an exponential backoff capped at thirty seconds.",
  "The nightly job exports the previous day's orders to the warehouse.",
  "Feature flags are evaluated once per request and passed down explicitly.",
  "Errors are logged with the request id so that support can trace them.",
  "Translations live next to the components that use them.",
  "Keep the public API small: anything not exported here is internal.",
  "The migration is idempotent and can be run again after a failure.",
] as const;

export const SCRIPT_COMMANDS = [
  "npm ci", "npm run build", "npm test -- --coverage", "npx tsc -p tsconfig.json --noEmit", "docker build -t \"$IMAGE\" .",
  "docker push \"$IMAGE\"", "kubectl apply -f deploy/", "git fetch --tags", "tar -czf dist.tgz dist", "rm -rf dist coverage",
  "mkdir -p \"$OUT_DIR\"", "cp -r public/ \"$OUT_DIR\"/", "node scripts/check-licences.mjs", "pnpm -r run lint", "curl -fsS https://status.example.com/health",
] as const;

export const camel = (...words: readonly string[]): string =>
  words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
export const pascal = (...words: readonly string[]): string => words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
export const kebab = (...words: readonly string[]): string => words.join("-");
export const snake = (...words: readonly string[]): string => words.join("_");
