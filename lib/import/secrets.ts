// Which values look like secrets (issue 15, "Privacy"). Values a user brings
// may hold passwords, DSNs, keys and tokens. The wizard never copies such a
// value into the scenario (so never into a link or the local save), masks it
// wherever it shows values, and writes a marker instead of it into downloads:
// generated bundles are meant to be committed to Git.
//
// The chart itself names secrets rather than holding them (secretName,
// tlsCertificateSecrets, ...): of its documented keys only
// metadata.postgres.dsn can hold a password. Everything else comes from keys
// the chart passes through (extraEnv, configOverrides, extraObjects,
// annotations), judged by the key's name and by the value's shape. When in
// doubt a value is masked: showing a name as dots costs little, showing a
// password costs a lot.
import { DOCUMENTED_KEYS } from "../scenario/chart-keys";
import { isPlainObject, type HelmValues } from "../values/merge";
import { pathKey, type KeyPath } from "./paths";

/** What the page shows instead of a secret (always the same length, so it does not tell the length). */
export const MASK = "••••••••";
/** What downloads hold instead of a secret; the file's header lists where. */
export const SECRET_MARKER = "<secret not copied>";

/** Key names that always hold a secret value (compared lowercased, without '-', '_' and '.'). */
const SECRET_WORDS = [
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "token",
  "apikey",
  "secretkey",
  "secretaccesskey",
  "clientsecret",
  "privatekey",
  "dsn",
  "connectionstring",
  "jaasconfig",
  "sessionkey",
  "signingkey",
  "encryptionkey",
  "accountkey",
  "sharedkey",
  "webhookurl",
];
/** Words that usually name a secret but also end key names that point at one (secretName, rootCaSecret). */
const WEAK_WORDS = ["secret", "credential", "credentials", "auth", "accesskey"];
/** Key endings that point at a secret rather than hold one. */
const REFERENCE_ENDINGS = [
  "name",
  "names",
  "ref",
  "file",
  "path",
  "id",
  "ids",
  "type",
  "enabled",
  "key",
  "mode",
  "source",
  "url",
  "uri",
  "endpoint",
  "env",
  "secrets",
];

/** Values whose shape gives them away, whatever their key. */
const SECRET_SHAPES: RegExp[] = [
  /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, // scheme://user:password@host
  /(^|\s|;)(password|pwd)\s*=\s*\S/i, // key=value DSNs: host=db password=...
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/, // PEM
  /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./, // a JWT
  /^(ghp|gho|ghs|github_pat|glpat|xox[abp]|sk_live|sk_test)_?[A-Za-z0-9_]{16,}$/, // well-known token prefixes
];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, "");
}

/** A plausible Kubernetes object name: what a key such as `rootCaSecret` holds. */
function looksLikeObjectName(value: string): boolean {
  return (
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value) &&
    /[-.]/.test(value)
  );
}

/** True when a value under this key name looks like a secret. */
export function isSecretKey(key: string, value: string): boolean {
  const k = normalise(key);
  if (SECRET_WORDS.some((word) => k.includes(word))) {
    // `tokenUrl`, `passwordFile`, `dsnSecretName`: they point at the secret.
    const pointer = [
      "url",
      "uri",
      "endpoint",
      "file",
      "path",
      "secretname",
      "ref",
      "env",
      "name",
    ].some((end) => k.endsWith(end));
    return !pointer || isSecretValue(value);
  }
  if (WEAK_WORDS.some((word) => k.includes(word))) {
    if (REFERENCE_ENDINGS.some((end) => k.endsWith(end) && k !== end)) return isSecretValue(value);
    // `secret: x`, `credentials: x`, `clientSecret: x`: unless it is plainly an object's name.
    return !looksLikeObjectName(value);
  }
  return isSecretValue(value);
}

export function isSecretValue(value: string): boolean {
  return SECRET_SHAPES.some((shape) => shape.test(value));
}

const DOCUMENTED = new Set(DOCUMENTED_KEYS);

/** A documented chart key (list items included): they name secrets, so only a value's shape counts. */
function isDocumentedPath(path: KeyPath): boolean {
  return DOCUMENTED.has(path.filter((part) => typeof part === "string").join("."));
}

/** `{name: DB_PASSWORD, value: ...}`: environment variables and similar name/value pairs. */
function namedValue(map: HelmValues): { name: string; value: string } | null {
  const { name, value } = map;
  return typeof name === "string" && typeof value === "string" ? { name, value } : null;
}

/**
 * Paths of every secret-looking string in `values`. Lists are entered (items
 * by index); a Kubernetes Secret (in extraObjects) has every value under
 * data/stringData counted as secret.
 */
export function findSecretPaths(values: unknown, prefix: KeyPath = []): KeyPath[] {
  const found: KeyPath[] = [];
  const visit = (node: unknown, path: KeyPath, inSecretData: boolean) => {
    if (typeof node === "string") {
      const key = path[path.length - 1];
      if (node === "") return;
      const byKey = typeof key === "string" && !isDocumentedPath(path) && isSecretKey(key, node);
      if (inSecretData || isSecretValue(node) || byKey) {
        found.push(path);
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i], inSecretData));
      return;
    }
    if (!isPlainObject(node)) return;
    const pair = namedValue(node);
    const secretObject = node.kind === "Secret" && typeof node.apiVersion === "string";
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      if (pair !== null && key === "value") {
        if (isSecretKey(pair.name, pair.value) || inSecretData) found.push(childPath);
        continue;
      }
      visit(
        child,
        childPath,
        inSecretData || (secretObject && (key === "data" || key === "stringData")),
      );
    }
  };
  visit(values, prefix, false);
  return found;
}

/** A set of secret paths, for quick lookups. */
export function secretPathSet(values: unknown): ReadonlySet<string> {
  return new Set(findSecretPaths(values).map(pathKey));
}

/** A copy of `values` with every secret-looking string replaced by `replacement`. */
export function maskSecrets<T>(
  values: T,
  replacement: string = MASK,
): { masked: T; paths: KeyPath[] } {
  const paths = findSecretPaths(values);
  if (paths.length === 0) return { masked: values, paths };
  const hidden = new Set(paths.map(pathKey));
  const copy = (node: unknown, path: KeyPath): unknown => {
    if (hidden.has(pathKey(path))) return replacement;
    if (Array.isArray(node)) return node.map((item, i) => copy(item, [...path, i]));
    if (isPlainObject(node)) {
      const out: HelmValues = {};
      for (const [key, child] of Object.entries(node)) out[key] = copy(child, [...path, key]);
      return out;
    }
    return node;
  };
  return { masked: copy(values, []) as T, paths };
}
