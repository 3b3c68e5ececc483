// Format rules for the names a scenario carries. They guard both Kubernetes
// (domain reference section 6, gotcha 6) and every place a value ends up
// unquoted: Helm release names, DNS names and zone names are restricted to
// character sets that are inert in shell, YAML and Mermaid.
import { rememberByText } from "./remember";

/** DNS-1035 label: Service and Helm release names. */
export const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 label: namespaces, zone names (zones such as `us-east-1a` or `eastus2-1`). */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain: Kubernetes object names such as Secrets and ConfigMaps. */
export const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Semantic version, as Helm chart versions are (`0.4.9`, `1.2.3-rc.1`). */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** An OCI chart reference (`oci://registry/path/chart`) or a repository chart (`repo/chart`). */
export const CHART_REF =
  /^(oci:\/\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)+|[a-z0-9]([-a-z0-9._]*[a-z0-9])?\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?)$/;

export const MAX_RELEASE_NAME = 53; // Helm's limit on release names
export const MAX_LABEL = 63; // DNS label limit
export const MAX_HOSTNAME = 253;

const IPV4_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** IPv6 in any of its textual forms (with `::` compression, optional embedded IPv4). */
export function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || value.length > 45) return false;
  const doubleColon = value.split("::");
  if (doubleColon.length > 2) return false;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groups(doubleColon[0] ?? "");
  const tail = doubleColon.length === 2 ? groups(doubleColon[1] ?? "") : [];
  const all = [...head, ...tail];
  let width = 0;
  for (const [i, group] of all.entries()) {
    const last = i === all.length - 1;
    if (last && group.includes(".")) {
      if (!isIPv4(group)) return false;
      width += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      width += 1;
    } else {
      return false;
    }
  }
  return doubleColon.length === 2 ? width < 8 : width === 8;
}

/** A DNS name as clients resolve it: dot-separated DNS-1123 labels, optional trailing dot. */
export function isDnsName(value: string): boolean {
  const name = value.endsWith(".") ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > MAX_HOSTNAME) return false;
  const labels = name.split(".");
  // An all-numeric dotted name is a malformed IPv4 address, not a host name.
  if (labels.every((label) => /^\d+$/.test(label))) return false;
  return labels.every(
    (label) => label.length <= MAX_LABEL && /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(label),
  );
}

/** A host clients can be handed as `kafka.publicAddress.host`: a DNS name or an IP address. */
export const isHost = rememberByText(function isDnsNameOrIp(value: string): boolean {
  return isDnsName(value) || isIPv4(value) || isIPv6(value);
});

export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}
