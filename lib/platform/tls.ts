// Kafka TLS (domain 1.1 `kafka.tls*`, 2.4, gotcha 2). The certificate must
// cover every name a client connects to: the advertised host(s) every broker
// hands out, and the bootstrap name, otherwise hostname verification fails
// after the bootstrap succeeded.
import type { Scenario } from "../scenario/schema";
import type { ScriptStep } from "../commands/types";
import { CLUSTER_DNS_SUFFIX, buildTopologyPlan, type Endpoint } from "../topology/plan";
import type { Values } from "./merge";
import { SECRET_INPUTS, genericSecretLines, tlsSecretLines } from "./secret-inputs";

/** The key the chart reads client CAs from (`kafka.tlsClientCasSecretKey` default, domain 1.1). */
export const CLIENT_CA_KEY = "tls.crt";

export function buildTlsValues(s: Scenario): Values {
  const t = s.tls;
  if (!t.enabled) return {};
  return {
    kafka: {
      tlsCertificateSecrets: [t.certificateSecret],
      tlsClientAuth: t.clientAuth,
      ...(t.clientCasSecret !== "" ? { tlsClientCasSecret: t.clientCasSecret } : {}),
    },
  };
}

export function buildTlsSteps(s: Scenario): ScriptStep[] {
  const t = s.tls;
  if (!t.enabled) return [];
  const ns = s.release.namespace;
  const { tlsCertFile, tlsKeyFile, tlsClientCaFile } = SECRET_INPUTS;
  const coverage = tlsCoverage(s);
  const steps: ScriptStep[] = [
    {
      title: `Create the Kafka TLS certificate secret ${t.certificateSecret}`,
      detail: [
        `Reads ${tlsCertFile.env} and ${tlsKeyFile.env}: paths of the PEM certificate and key.`,
        `The certificate must cover (SAN): ${coverage.names.join(", ")}.`,
        ...coverage.pending.map((what) => `It must also cover the ${what}.`),
      ],
      commands: tlsSecretLines(t.certificateSecret, ns, tlsCertFile, tlsKeyFile),
    },
  ];
  if (t.clientCasSecret !== "") {
    steps.push({
      title: `Create the client CA secret ${t.clientCasSecret}`,
      detail: [
        `Reads ${tlsClientCaFile.env}: ${tlsClientCaFile.description}.`,
        `Stored under key ${CLIENT_CA_KEY}, the chart's default kafka.tlsClientCasSecretKey.`,
      ],
      commands: genericSecretLines(t.clientCasSecret, ns, [
        { key: CLIENT_CA_KEY, input: tlsClientCaFile },
      ]),
    });
  }
  return steps;
}

/** `<svc>`, `<svc>.<ns>`, `<svc>.<ns>.svc` for an in-cluster Service name, as clients may shorten it. */
function shortNames(host: string, namespace: string): string[] {
  const suffix = `.${namespace}.${CLUSTER_DNS_SUFFIX}`;
  if (!host.endsWith(suffix)) return [];
  const service = host.slice(0, -suffix.length);
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`];
}

export interface TlsCoverage {
  /** Names and IPs the certificate must list as SANs, in a stable order. */
  names: string[];
  /** Addresses not known before install (load balancers), described in words. */
  pending: string[];
}

/** Everything the Kafka certificate must cover, from the topology plan. */
export function tlsCoverage(s: Scenario): TlsCoverage {
  const plan = buildTopologyPlan(s);
  const names: string[] = [];
  const pending: string[] = [];
  const add = (endpoint: Endpoint | null, withShortNames: boolean) => {
    if (endpoint === null) return;
    if (!endpoint.known) {
      if (!pending.includes(endpoint.host)) pending.push(endpoint.host);
      return;
    }
    const hosts = [
      endpoint.host,
      ...(withShortNames ? shortNames(endpoint.host, s.release.namespace) : []),
    ];
    // DNS names match case-insensitively; Bufstream varies the case of in-cluster hosts (domain 3).
    for (const host of hosts) {
      if (!names.some((name) => name.toLowerCase() === host.toLowerCase())) names.push(host);
    }
  };
  for (const release of plan.releases) add(release.advertised, false);
  // In-cluster clients may bootstrap from the short forms of the Service name (domain 3, S1).
  add(plan.inClusterBootstrap, true);
  add(plan.outsideBootstrap, false);
  return { names, pending };
}

/** Every advertised host and bootstrap name the certificate must cover (DNS names and IPs). */
export function tlsNamesToCover(s: Scenario): string[] {
  return tlsCoverage(s).names;
}
