// Kubernetes labels as a scenario carries them: `key=value` pairs separated by
// commas (`team=payments,app.kubernetes.io/part-of=orders`), the form
// `kubectl --selector` and `kubectl run --labels` take. Keys and values follow
// Kubernetes' own syntax (an optional DNS-subdomain prefix and a name of at
// most 63 characters; values of at most 63 characters, possibly empty), so
// they are inert in YAML (written by the YAML library anyway) and in shell
// (quoted anyway).

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isLabelKey(key: string): boolean {
  const slash = key.indexOf("/");
  const prefix = slash === -1 ? null : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== null && (prefix.length > 253 || !PREFIX.test(prefix))) return false;
  return name.length <= 63 && NAME.test(name);
}

export function isLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && NAME.test(value));
}

/** `k=v,k2=v2` → `{k: "v", k2: "v2"}`, or null when any pair is malformed. "" → `{}`. */
export function parseLabels(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  if (text.trim() === "") return labels;
  for (const pair of text.split(",")) {
    const item = pair.trim();
    const eq = item.indexOf("=");
    if (eq === -1) return null;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    if (!isLabelKey(key) || !isLabelValue(value) || Object.hasOwn(labels, key)) return null;
    labels[key] = value;
  }
  return labels;
}

/** The labels back as `k=v,k2=v2` (kubectl's form), keys in the order given. */
export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}
