// Findings about the values as they stand (issue 15), next to the topology
// check's findings about the scenario: what the running brokers advertise
// now, the zonal releases' ServiceAccounts and cluster names, keys that are
// misspelt or deprecated (key-findings.ts) and notes from the reading.
// Computed per scenario, because the answers (where clients run) change them.
import { hasOutsideClients } from "../check/context";
import { isClusterDnsName, isPlaceholderHost } from "../check/hosts";
import type { Severity } from "../check/types";
import type { Scenario } from "../scenario/schema";
import {
  buildTopologyPlan,
  serviceAccountName,
  serviceDnsName,
  KAFKA_CONTAINER_PORT,
} from "../topology/plan";
import { LB_ANNOTATION } from "../values/load-balancer";
import { AZURE_WI_ANNOTATION, AZURE_WI_POD_LABEL } from "../platform/identity";
import { SECRET_INPUTS } from "../platform/secret-inputs";
import type { ImportedValues } from "./import-values";
import type { ValuesRelease } from "./layout";
import { GKE_NEG_ANNOTATION } from "./read-networking";
import { getInteger, getPath, getString } from "./paths";
import { ReadContext } from "./read-context";
import type { Answers } from "./read-scenario";
import { findSecretPaths, isSecretValue } from "./secrets";
import type { ValuesFinding } from "./types";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What one release's brokers advertise with these values: publicAddress, or the chart's default. */
function advertisedNow(r: ValuesRelease, releaseName: string, namespace: string) {
  const host = getString(r.values, ["kafka", "publicAddress", "host"]);
  const port = getInteger(r.values, ["kafka", "publicAddress", "port"]) ?? KAFKA_CONTAINER_PORT;
  // Open question 8: whether the default follows nameOverride is not documented; the
  // zonal guides and the wizard name the Service after it, so assume so.
  const service = getString(r.values, ["nameOverride"]) ?? releaseName;
  return { host: host ?? serviceDnsName(service, namespace), port, set: host !== undefined };
}

function checkAdvertised(imported: ImportedValues, s: Scenario, ctx: ReadContext): void {
  const plan = buildTopologyPlan(s);
  const lb = s.exposure === "load-balancer";
  const outside = hasOutsideClients(s);
  for (const r of imported.layout.releases) {
    const planned =
      plan.releases.find((p) => p.zone === r.zone) ??
      (r.zone === null ? plan.releases[0] : undefined);
    if (planned === undefined) continue;
    const now = advertisedNow(r, planned.release, s.release.namespace);
    const where = r.zone === null ? "The brokers" : `Zone ${r.zone}'s brokers`;
    // Fixed once the corrected values advertise an address outside clients can resolve,
    // or install.sh sets the load balancer's address after install.
    const fixedNow =
      s.exposure === "load-balancer" &&
      (!planned.advertised.known || !isClusterDnsName(planned.advertised.host));
    const lbNow = getString(r.values, ["bufstream", "service", "type"]) === "LoadBalancer";
    if (lbNow && !now.set) {
      ctx.note(
        ["bufstream", "service", "type"],
        {
          id: "values-lb-advertises-cluster-name",
          severity: outside ? "error" : "warning",
          message: `${where} sit behind a load balancer but kafka.publicAddress is not set, so they advertise ${now.host}:${now.port}. Clients that bootstrap through the load balancer are then handed a name that resolves only inside the cluster, and every produce and fetch fails.`,
          fix: "Set kafka.publicAddress.host to the load balancer's DNS name or IP (port 9092) and run helm upgrade; the bundle's install.sh reads the address after install and does this. (If your install sets it with --set, import helm get values of the release: it shows those too.)",
          resolved: fixedNow,
        },
        r,
      );
      continue;
    }
    const neg =
      getPath(r.values, ["bufstream", "service", "annotations", GKE_NEG_ANNOTATION]) !== undefined;
    if (neg && /\.svc\.cluster\.local\.?$/i.test(now.host)) {
      ctx.note(
        ["bufstream", "service", "annotations"],
        {
          id: "values-neg-advertises-cluster-name",
          severity: outside ? "error" : "info",
          message: `${where} have GKE network endpoint groups for a load balancer outside the cluster, but advertise ${now.host}:${now.port}. Clients that bootstrap through that load balancer are handed a name that resolves only inside the cluster, and every produce and fetch fails.`,
          fix: "Set kafka.publicAddress.host to the address of the load balancer attached to the NEGs (TCP, port 9092), or let the wizard make a GKE internal load balancer: choose a cloud load balancer.",
          resolved: fixedNow,
        },
        r,
      );
    }
    if (!planned.advertised.known) continue;
    const same =
      now.host.toLowerCase() === planned.advertised.host.toLowerCase() &&
      now.port === planned.advertised.port;
    if (same) continue;
    ctx.note(
      now.set ? ["kafka", "publicAddress", "host"] : null,
      {
        id: "values-advertised-differs",
        severity: "warning",
        message: `${where} advertise ${now.host}:${now.port} with these values; for the scenario in the form they advertise ${planned.advertised.host}:${planned.advertised.port}.${
          !lb && now.set && !/\.svc\.cluster\.local\.?$/i.test(now.host) && !lbNow
            ? ` No load balancer of the chart's carries ${now.host} to the brokers: that needs something outside the chart (a NodePort, a proxy, a Service of yours).`
            : ""
        }`,
        fix: `Apply the corrected values (helm upgrade) so clients are handed ${planned.advertised.host}:${planned.advertised.port}, or change the answers if your setup carries ${now.host} to the brokers.`,
      },
      r,
    );
  }
}

function checkZones(imported: ImportedValues, s: Scenario, ctx: ReadContext): void {
  const { releases, zoneAware } = imported.layout;
  if (!zoneAware) return;
  // The corrected files write zone, the per-zone ServiceAccounts and one cluster name while zones are on.
  const zoned = s.zones.enabled;
  const accounts = new Map<string, string[]>();
  const clusters = new Set<string>();
  for (const r of releases) {
    const name =
      getString(r.values, ["bufstream", "serviceAccount", "name"]) ?? serviceAccountName(null);
    accounts.set(name, [...(accounts.get(name) ?? []), r.zone ?? ""]);
    clusters.add(getString(r.values, ["cluster"]) ?? "bufstream");
    if (r.zoneFrom === "affinity") {
      ctx.note(
        ["bufstream", "deployment", "affinity"],
        {
          id: "values-zone-key-missing",
          severity: "warning",
          message: `Zone ${r.zone}'s values pin the brokers to the zone but do not set zone: (Bufstream's GCP guide leaves it out). The broker then learns its zone from node metadata, which pods cannot always reach.`,
          fix: `Set zone: ${r.zone} (the corrected file does).`,
          resolved: zoned,
        },
        r,
      );
    }
  }
  for (const [name, zones] of accounts) {
    if (zones.length < 2) continue;
    ctx.note(null, {
      id: "values-zones-share-service-account",
      severity: "warning",
      message: `Zones ${zones.join(", ")} all use the ServiceAccount ${name}. Each zonal release creates its own, so every release after the first fails to install (the object belongs to another release).`,
      fix: "Give each zone its own ServiceAccount (the corrected files name them bufstream-service-account-<zone>) and bind the cloud identity to each.",
      resolved: zoned,
    });
  }
  if (clusters.size > 1) {
    ctx.note(null, {
      id: "values-zones-different-cluster",
      severity: "error",
      message: `The zones set different cluster names (${[...clusters].join(", ")}). Brokers with different cluster names form different Bufstream clusters, and the regional Service selects only one of them.`,
      fix: "Set the same cluster in every zone; the corrected shared file sets it once.",
      resolved: zoned,
    });
  }
}

function checkLoadBalancer(
  imported: ImportedValues,
  s: Scenario,
  answers: Answers,
  ctx: ReadContext,
): void {
  const first = imported.layout.releases[0];
  if (first === undefined) return;
  const v = first.values;
  const annotations = getPath(v, ["bufstream", "service", "annotations"]);
  const has = (key: string) =>
    typeof annotations === "object" && annotations !== null && Object.hasOwn(annotations, key);
  const lbNow = getString(v, ["bufstream", "service", "type"]) === "LoadBalancer";
  if (lbNow && s.loadBalancer.provider === "aws") {
    if (
      !has(LB_ANNOTATION.awsScheme) &&
      !has("service.beta.kubernetes.io/aws-load-balancer-internal")
    ) {
      ctx.note(["bufstream", "service", "annotations"], {
        id: "values-aws-scheme-default",
        severity: "info",
        message:
          "No scheme annotation: the AWS Load Balancer Controller makes the NLB internal (its default since v2.2.0), the older in-tree controller an internet-facing load balancer.",
        fix: `Say which with ${LB_ANNOTATION.awsScheme} (the corrected file does).`,
        resolved: s.exposure === "load-balancer",
      });
    }
    if (getString(v, ["bufstream", "service", "loadBalancerIP"]) !== undefined) {
      ctx.note(["bufstream", "service", "loadBalancerIP"], {
        id: "values-lb-ip-ignored",
        severity: "info",
        message:
          "An AWS NLB takes its addresses from its subnets: bufstream.service.loadBalancerIP does nothing.",
        fix: "Remove it (the corrected file does).",
        resolved: true,
      });
    }
  }
  if (answers["dns-record"] === "no" && s.exposure === "load-balancer") {
    const hosts = s.zones.enabled ? Object.values(s.zones.hosts) : [s.loadBalancer.host];
    ctx.note(null, {
      id: "values-dns-record-missing",
      severity: "error",
      message: `Clients are handed ${hosts.filter((h) => h !== "").join(", ")}, which does not resolve to the load balancer yet: the bootstrap fails, or works by another address and every produce and fetch then fails.`,
      fix: "Create the DNS record (or an external-dns annotation) pointing the name at the load balancer, or advertise the load balancer's own DNS name or IP instead.",
    });
  }
  const placeholder = [getString(v, ["kafka", "publicAddress", "host"]) ?? ""].filter(
    (h) => h !== "" && isPlaceholderHost(h),
  );
  if (placeholder.length > 0 && s.exposure !== "load-balancer") {
    ctx.note(["kafka", "publicAddress", "host"], {
      id: "values-placeholder-host",
      severity: "error",
      message: `kafka.publicAddress.host is ${placeholder[0]}, a placeholder: every client is handed it and cannot connect.`,
      fix: "Set it to the address clients reach the brokers at.",
    });
  }
}

function checkPlatform(imported: ImportedValues, s: Scenario, ctx: ReadContext): void {
  const first = imported.layout.releases[0];
  if (first === undefined) return;
  const complete = s.valuesScope === "complete";
  const v = first.values;
  const dsn = getString(v, ["metadata", "postgres", "dsn"]);
  if (dsn !== undefined) {
    const secret = isSecretValue(dsn);
    ctx.note(["metadata", "postgres", "dsn"], {
      id: "values-dsn-in-values",
      severity: secret ? "warning" : "info",
      message: secret
        ? "metadata.postgres.dsn holds a password in the values, where helm get values (and anyone who can read the release) shows it."
        : "metadata.postgres.dsn is written in the values; it holds no password, but a DSN often comes to.",
      fix: `Put the DSN in a Kubernetes Secret (key dsn) and name it in metadata.postgres.secretName; the bundle's install.sh creates it from $${SECRET_INPUTS.postgresDsn.env}.`,
      resolved: complete,
    });
  }
  const azure = getString(v, ["bufstream", "serviceAccount", "annotations", AZURE_WI_ANNOTATION]);
  const label = getString(v, ["bufstream", "deployment", "podLabels", AZURE_WI_POD_LABEL]);
  if (azure !== undefined && label !== "true") {
    ctx.note(["bufstream", "serviceAccount", "annotations"], {
      id: "values-azure-wi-label",
      severity: "warning",
      message: `The ServiceAccount names an Azure workload identity, but the pods lack the label ${AZURE_WI_POD_LABEL}: "true", so Azure's webhook gives them no token and storage access fails.`,
      fix: `Add bufstream.deployment.podLabels.${AZURE_WI_POD_LABEL}: "true" (a complete install's corrected file does).`,
      resolved: complete,
    });
  }
  const secrets = imported.documents.flatMap((doc) => findSecretPaths(doc.values));
  if (secrets.length > 0) {
    ctx.note(null, {
      id: "values-secrets-masked",
      severity: "info",
      message: `${secrets.length} value${secrets.length === 1 ? " looks" : "s look"} like ${secrets.length === 1 ? "a secret" : "secrets"}: masked on this page and left out of every download.`,
      fix: "Keep secrets in Kubernetes Secrets and name them in the values.",
    });
  }
}

/** Every finding about the values for this scenario: errors first, then warnings, then notes. */
export function checkImportedValues(
  imported: ImportedValues,
  s: Scenario,
  answers: Answers = {},
): ValuesFinding[] {
  const ctx = new ReadContext(imported.layout);
  checkAdvertised(imported, s, ctx);
  checkZones(imported, s, ctx);
  checkLoadBalancer(imported, s, answers, ctx);
  checkPlatform(imported, s, ctx);
  const all = [...ctx.notes, ...imported.read.notes, ...imported.keys.findings];
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
