// Why the corrected values differ from the user's, key by key (issue 15:
// "key by key, with the reason for each difference"). Facts from the domain
// reference sections named in each line; words for people, no internal ids.
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan, serviceAccountName } from "../topology/plan";
import { LB_ANNOTATION } from "../values/load-balancer";
import { AZURE_WI_POD_LABEL } from "../platform/identity";
import { RELEASE_POD_LABEL } from "../manifests/service";
import { SECRET_INPUTS } from "../platform/secret-inputs";
import type { KeyPath } from "./paths";

export type Change = "added" | "changed" | "removed" | "renamed";

const EXPOSURE_WORDS: Record<Scenario["exposure"], string> = {
  "cluster-ip": "a ClusterIP Service",
  headless: "a headless Service",
  "load-balancer": "a load balancer",
};

const starts = (path: KeyPath, ...prefix: string[]) => prefix.every((part, i) => path[i] === part);

function annotationReason(key: string, s: Scenario, change: Change): string | null {
  const lb = s.exposure === "load-balancer";
  if (!lb)
    return "The scenario has no load balancer, so the chart's Service needs no load-balancer annotations.";
  switch (key) {
    case LB_ANNOTATION.awsType:
      return "Hands the Service to the AWS Load Balancer Controller, which makes a Network Load Balancer (Bufstream's AWS guides and Terraform).";
    case LB_ANNOTATION.awsTargetType:
      return "The NLB sends traffic straight to the broker pods' IPs, as Bufstream's AWS guides and Terraform set it.";
    case LB_ANNOTATION.awsScheme:
      return `Written explicitly (${s.loadBalancer.scheme}): the AWS Load Balancer Controller defaults to internal, the older in-tree controller to internet-facing.`;
    case LB_ANNOTATION.awsAttributes:
      return "Cross-zone load balancing off: each zone's NLB forwards only to its own zone's brokers, so zone-aware clients stay in their zone.";
    case LB_ANNOTATION.gkeType:
      return s.loadBalancer.scheme === "internal"
        ? "Without it GKE creates an external load balancer."
        : "An internet-facing load balancer on GKE needs no type annotation.";
    case LB_ANNOTATION.azureInternal:
      return s.loadBalancer.scheme === "internal"
        ? "Without it AKS creates a public load balancer."
        : "An internet-facing load balancer on AKS needs no internal annotation.";
    case LB_ANNOTATION.azureIpv4:
      return change === "removed"
        ? "No reserved IP in the scenario for this load balancer."
        : "Pins the load balancer to the reserved IP; on AKS this annotation replaces the deprecated spec.loadBalancerIP.";
    default:
      return null;
  }
}

function publicAddressReason(s: Scenario, change: Change, zone: string | null): string {
  const plan = buildTopologyPlan(s);
  const release = plan.releases.find((r) => r.zone === zone) ?? plan.releases[0];
  if (change === "removed") {
    if (s.exposure === "load-balancer" && s.loadBalancer.hostSource === "after-install") {
      return "The load balancer's address is read after install: install.sh sets kafka.publicAddress with --set-string once the cloud has assigned it.";
    }
    return `The brokers advertise the chart's default, ${release?.advertised.host ?? "the Service's own DNS name"}, which is what clients reach in this scenario; no need to write it.`;
  }
  const where =
    s.exposure === "load-balancer"
      ? "the load balancer's address"
      : s.exposure === "headless"
        ? "the headless Service's DNS name, which resolves to every broker pod"
        : "the Service's own DNS name";
  // The address follows the Service the scenario has; when that Service cannot
  // serve clients outside the cluster, say so here too, not only in the check.
  const unreachable =
    s.exposure !== "load-balancer" && s.clients !== "in-cluster"
      ? " Clients outside the cluster cannot reach that name: choose a load balancer (see the check)."
      : "";
  return `Every broker advertises this address, and clients open every produce and fetch connection to it: it must be ${where} (${release?.advertised.host ?? ""}:${release?.advertised.port ?? ""}).${unreachable}`;
}

/** The reason for one difference; `zone` is the zone of the file it is in. */
export function reasonFor(path: KeyPath, change: Change, s: Scenario, zone: string | null): string {
  const top = path[0];
  const last = String(path[path.length - 1] ?? "");
  if (top === "nameOverride") {
    return change === "removed"
      ? "A release named bufstream needs no nameOverride: that is the chart's own name."
      : "The chart names its Service after nameOverride; the wizard sets it to the release's name (for zones <release>-<zone>, as Bufstream's zonal guides do), so the advertised Service name is predictable.";
  }
  if (top === "zone") {
    return change === "removed"
      ? "The scenario has no zones."
      : "Written explicitly: without it the broker learns its zone from node metadata, which pods cannot always reach (on EKS the metadata service's hop limit may block it).";
  }
  if (top === "cluster") {
    return s.zones.enabled
      ? "Every zonal release must be in the same cluster (the regional Service selects on it), so it is written once, in the shared file."
      : "Written explicitly (the chart's default is bufstream): every broker of one cluster must share it.";
  }
  if (starts(path, "kafka", "publicAddress")) return publicAddressReason(s, change, zone);
  if (starts(path, "bufstream", "service", "type")) {
    return s.exposure === "load-balancer"
      ? "The scenario exposes the brokers through a load balancer: the chart's Service becomes a LoadBalancer Service."
      : `The scenario uses ${EXPOSURE_WORDS[s.exposure]}${s.exposure === "headless" ? " beside the chart's Service" : ""}; ${
          change === "removed"
            ? "ClusterIP is the chart's default, so it need not be written."
            : "written although ClusterIP is the chart's default: these values are layered on the release's own, where a type set earlier would otherwise stay."
        }`;
  }
  if (starts(path, "bufstream", "service", "loadBalancerIP")) {
    if (s.loadBalancer.provider === "aws")
      return "An AWS NLB takes its addresses from its subnets: loadBalancerIP does nothing there.";
    if (s.loadBalancer.provider === "azure")
      return "On AKS the reserved IP goes in the azure-load-balancer-ipv4 annotation; spec.loadBalancerIP is deprecated.";
    return change === "removed"
      ? "No reserved IP in the scenario for this load balancer."
      : "The reserved IP the load balancer takes (GKE honours spec.loadBalancerIP, as Buf's GCP Terraform uses it).";
  }
  if (starts(path, "bufstream", "service", "annotations")) {
    return (
      annotationReason(String(path[3] ?? ""), s, change) ?? "From the form's load-balancer answers."
    );
  }
  if (starts(path, "bufstream", "deployment", "replicaCount")) {
    return s.zones.enabled
      ? "Brokers per zone, from the form (each zonal release runs its own)."
      : "The number of brokers from the form, written explicitly (the chart's default is 3).";
  }
  if (starts(path, "bufstream", "serviceAccount", "name")) {
    return zone !== null
      ? `Every zonal release creates its own ServiceAccount, so each needs its own name (${serviceAccountName(zone)}, as the zonal guides name them); bind your cloud identity to each.`
      : "install.sh binds the cloud identity to the chart's ServiceAccount, bufstream-service-account.";
  }
  if (starts(path, "bufstream", "deployment", "affinity")) {
    return `Pins this release's brokers to zone ${zone ?? ""} (required node affinity on topology.kubernetes.io/zone), as Bufstream's zonal guides do.`;
  }
  if (starts(path, "bufstream", "deployment", "podLabels")) {
    if (last === RELEASE_POD_LABEL)
      return "Lets this zone's headless Service select only this zone's brokers.";
    if (last === AZURE_WI_POD_LABEL)
      return "Azure's workload identity webhook injects a token only into pods with this label.";
  }
  if (starts(path, "bufstream", "deployment", "podAnnotations")) {
    return "Prometheus's kubernetes-pods job scrapes pods with these annotations; Bufstream serves /metrics on port 9090.";
  }
  if (starts(path, "bufstream", "deployment", "resources")) {
    return last === "memory" && path.includes("limits")
      ? "The memory limit equals the request (as the chart's default does), so a broker is not killed for using what it asked for."
      : "Broker resources from the form (Bufstream recommends 1 CPU : 4 GiB).";
  }
  if (starts(path, "bufstream", "deployment", "autoscaling")) {
    return s.zones.enabled
      ? "Each zonal release has its own autoscaler: the enabled flag and target are shared, the minimum and maximum are per zone."
      : "Autoscaling from the form.";
  }
  if (starts(path, "bufstream", "serviceAccount", "annotations"))
    return "The cloud workload identity from the form.";
  if (starts(path, "extraObjects")) {
    if (s.exposure !== "headless") return "The scenario has no headless Service.";
    return s.install === "existing"
      ? "The headless Service moves to a manifest of its own in the bundle, which install.sh applies: on a release that exists, Helm would replace the release's whole extraObjects list with the bundle's."
      : "The headless Service the chart lacks for Kafka: its DNS name resolves to every ready broker pod.";
  }
  if (starts(path, "metadata", "postgres", "dsn") || starts(path, "metadata", "postgres", "env")) {
    return `The wizard keeps the DSN in the Kubernetes Secret named in metadata.postgres.secretName (key dsn), which install.sh creates from $${SECRET_INPUTS.postgresDsn.env}: a DSN often holds a password, and values show up in Git and in helm get values.`;
  }
  if (top === "storage") {
    if (last === "accessKeyId" || last === "secretName") {
      return s.storage.credentials === "secret"
        ? "Static storage credentials from the form: the key id here, the secret key in the named Secret."
        : "The brokers reach storage through their cloud identity, so no static key is named.";
    }
    return path[1] !== undefined && path[1] !== "use" && path[1] !== s.storage.use
      ? `storage.use is ${s.storage.use}: settings for ${String(path[1])} do nothing.`
      : "Object storage from the form.";
  }
  if (top === "metadata") return "The metadata store from the form.";
  if (top === "observability") {
    if (last === "exporterType") {
      return "A complete install writes the metrics exporter explicitly (NONE is the chart's default; exporterType replaces the deprecated exporter key).";
    }
    if (last === "logLevel") {
      return "A complete install writes the log level explicitly (INFO is the chart's default).";
    }
    return "Observability from the form.";
  }
  if (starts(path, "kafka", "authentication")) {
    if (last === "urlConfig")
      return "The ConfigMap install.sh creates with the JWKS URL (key url).";
    return "Authentication from the form.";
  }
  if (top === "kafka") return "TLS from the form.";
  return "From the form's answers.";
}
