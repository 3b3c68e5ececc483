// Rules about where clients run and how the brokers are exposed to them:
// the classic advertised-listener failures (domain 6, gotcha 1) and the
// load-balancer scenario (domain 3, S3; gotcha 11).
import type { Scenario } from "../scenario/schema";
import {
  ADMIN_PORT,
  CONNECT_PORT,
  KAFKA_CONTAINER_PORT,
  buildTopologyPlan,
} from "../topology/plan";
import {
  activeZones,
  clientLocations,
  hasInsideClients,
  hasOutsideClients,
  isLoadBalancer,
  lbHostFields,
  listWords,
} from "./context";
import { FINDING } from "./finding-ids";
import { isIP } from "../scenario/names";
import { isClusterDnsName, isPlaceholderHost } from "./hosts";
import type { Finding } from "./types";

function advertisedHost(s: Scenario): string {
  return buildTopologyPlan(s).releases[0]?.advertised.host ?? "";
}

/** Outside clients handed an in-cluster name (ClusterIP) or pod IPs (headless). */
export function checkClientReach(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  if (!hasOutsideClients(s)) return findings;
  const host = advertisedHost(s);
  if (s.exposure === "cluster-ip") {
    const mixed = s.clients === "both";
    findings.push({
      id: mixed ? FINDING.mixedClientsClusterIp : FINDING.outsideClientsClusterIp,
      severity: "error",
      message: mixed
        ? `Clients in the cluster connect, but clients outside it are handed ${host}, which does not resolve outside the cluster.`
        : `Clients outside the cluster will be handed ${host}, which does not resolve outside the cluster.`,
      why: "A ClusterIP Service has no address outside the cluster, and every broker advertises the in-cluster name <service>.<namespace>.svc.cluster.local. The client may reach a bootstrap address by other means, but every produce and fetch then goes to the advertised name and fails.",
      fix: "Choose a load balancer and set its host (the DNS name or IP outside clients connect to); Bufstream advertises it to every client.",
      fields: ["exposure", "clients"],
      clients: ["outside-cluster"],
    });
  }
  if (s.exposure === "headless") {
    findings.push({
      id: FINDING.outsideClientsHeadless,
      severity: "warning",
      message: `Clients outside the cluster are handed ${host}: this works only if pod IPs are routable from them and the cluster DNS name resolves for them.`,
      why: "A headless Service's DNS name returns the pod IPs, and only the cluster's DNS serves it. Outside clients need both a route to the pod network (e.g. VPC-native pods) and a resolver that forwards svc.cluster.local to the cluster.",
      fix: "If either is not true, choose a load balancer instead.",
      fields: ["exposure", "clients"],
      clients: ["outside-cluster"],
    });
  }
  return findings;
}

/** The host clients are handed by the load balancer scenario: missing, fake, in-cluster or not the LB's IP. */
export function checkLoadBalancerHost(s: Scenario): Finding[] {
  if (!isLoadBalancer(s)) return [];
  const findings: Finding[] = [];
  if (s.loadBalancer.hostSource === "after-install" && activeZones(s).length === 0) {
    findings.push({
      id: FINDING.lbHostAfterInstall,
      severity: "info",
      message: "The load balancer's address is read after install, so install.sh runs Helm twice.",
      why: "Every broker must advertise the address clients connect to (kafka.publicAddress), and a cloud load balancer gets its DNS name or IP only once the Service exists (install, wait for the load balancer, read its address, helm upgrade).",
      fix: "Nothing to fix. To install in one pass, reserve a static IP or pre-create the load balancer and enter its address as known.",
      fields: ["loadBalancer.hostSource"],
      clients: [],
    });
  }
  const hosts = lbHostFields(s);
  const fake = hosts.filter((h) => isPlaceholderHost(h.host));
  if (fake.length > 0) {
    findings.push({
      id: FINDING.lbHostPlaceholder,
      severity: "error",
      message: `${listWords(fake.map((h) => h.host))} ${fake.length === 1 ? "is a placeholder" : "are placeholders"}, not a load balancer's address.`,
      why: "Clients are handed exactly this host for every broker (kafka.publicAddress). Example, test and loopback names point nowhere, or at the client itself.",
      fix: "Enter the load balancer's real DNS name or IP, or choose to read it after install.",
      fields: fake.map((h) => h.field),
      clients: clientLocations(s),
    });
  }
  const inCluster = hosts.filter((h) => isClusterDnsName(h.host));
  if (inCluster.length > 0) {
    findings.push({
      id: FINDING.lbHostInClusterName,
      severity: "error",
      message: `${listWords(inCluster.map((h) => h.host))} is an in-cluster name, not the load balancer's address.`,
      why: "Names under svc.cluster.local resolve only through the cluster's DNS; a client outside the cluster cannot look them up, so it never reaches the load balancer.",
      fix: "Enter the DNS name or IP the cloud assigned to the load balancer (kubectl get service shows it), or choose to read it after install.",
      fields: inCluster.map((h) => h.field),
      clients: ["outside-cluster"],
    });
  }
  const staticIp = s.loadBalancer.staticIp;
  const single = hosts.find((h) => h.field === "loadBalancer.host");
  // On AWS the static IP is not used at all (an NLB takes its addresses from
  // its subnets; the values file says so), so there is nothing to compare.
  const usesStaticIp = s.loadBalancer.provider !== "aws";
  if (usesStaticIp && staticIp !== "" && single && isIP(single.host) && single.host !== staticIp) {
    findings.push({
      id: FINDING.lbHostNotStaticIp,
      severity: "error",
      message: `Clients are handed ${single.host}, but the load balancer gets the static IP ${staticIp}.`,
      why: "The static IP becomes the load balancer's address; a different IP as kafka.publicAddress sends every produce and fetch elsewhere (Buf's own Terraform for GKE and Azure uses the same IP for both).",
      fix: `Set the host to ${staticIp}, or a DNS name that resolves to it.`,
      fields: ["loadBalancer.host", "loadBalancer.staticIp"],
      clients: clientLocations(s),
    });
  }
  return findings;
}

/** Scheme, in-cluster hairpin and listener port of the load balancer. */
export function checkLoadBalancerShape(s: Scenario): Finding[] {
  if (!isLoadBalancer(s)) return [];
  const findings: Finding[] = [];
  if (s.loadBalancer.scheme === "internal" && hasOutsideClients(s)) {
    findings.push({
      id: FINDING.lbInternalOutsideClients,
      severity: "info",
      message:
        "The load balancer is internal: outside clients must run in the cluster's VPC or a peered or connected network.",
      why: "An internal load balancer gets a private address only. Clients on the internet cannot reach it.",
      fix: "Keep it internal if clients are in the private network; choose internet-facing only if they are not (and restrict who may connect).",
      fields: ["loadBalancer.scheme"],
      clients: ["outside-cluster"],
    });
  }
  if (s.loadBalancer.scheme === "internet-facing") {
    const unauthenticated = !s.tls.enabled && s.auth.sasl === "none";
    findings.push({
      id: FINDING.lbInternetFacing,
      severity: "warning",
      message: `The internet-facing load balancer also exposes the unauthenticated admin port ${ADMIN_PORT} and the Connect port ${CONNECT_PORT}${unauthenticated ? ", and Kafka itself without TLS or authentication" : ""}.`,
      why: "The chart's Service carries more than Kafka: the admin/status API on 9089 has no authentication, and 8080 is the inter-broker Connect server.",
      fix: "Prefer an internal load balancer; otherwise restrict source ranges in the cloud firewall, turn on TLS and SASL, and consider adminTLS/connectTLS.",
      fields: ["loadBalancer.scheme"],
      clients: [],
    });
  }
  if (hasInsideClients(s)) {
    findings.push({
      id: FINDING.lbHairpin,
      severity: "info",
      message: "Clients in the cluster also go through the load balancer.",
      why: "Every broker advertises one address (kafka.publicAddress), the load balancer's, so in-cluster clients leave the cluster and come back: extra latency, and load-balancer and cross-zone data charges.",
      fix:
        s.clients === "in-cluster"
          ? "If no client runs outside the cluster, choose a ClusterIP Service instead."
          : "Accept the cost: the chart advertises a single address (kafka.publicAddress), so there is no separate in-cluster listener to hand out.",
      fields: ["clients", "exposure"],
      clients: ["in-cluster"],
    });
  }
  if (s.loadBalancer.port !== KAFKA_CONTAINER_PORT) {
    findings.push({
      id: FINDING.lbPortAdvertised,
      severity: "error",
      message: `Clients are handed port ${s.loadBalancer.port}, but the load balancer listens on ${KAFKA_CONTAINER_PORT}.`,
      why: `The load balancer is the chart's own Service (type LoadBalancer), which listens on ${KAFKA_CONTAINER_PORT}; no documented chart key changes its port. kafka.publicAddress.port must be the port clients reach on the load balancer, so every produce and fetch to port ${s.loadBalancer.port} fails.`,
      fix: `Use ${KAFKA_CONTAINER_PORT}: the chart's Service listens on ${KAFKA_CONTAINER_PORT} and no documented key changes it.`,
      fields: ["loadBalancer.port"],
      clients: clientLocations(s),
    });
  }
  return findings;
}
