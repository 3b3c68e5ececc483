// TLS, authentication and identity rules (domain 1.1 kafka.tls*, 1.3, and
// domain 6 gotchas 2 and 9).
import type { Scenario } from "../scenario/schema";
import { isIP } from "../scenario/names";
import { serviceAccountName } from "../topology/plan";
import { tlsCoverage } from "../platform/tls";
import { activeZones, listWords } from "./context";
import { FINDING } from "./finding-ids";
import type { Finding } from "./types";

// The client-CA and mTLS-principal rules (a verifying client-auth mode without
// tls.clientCasSecret; mtlsPrincipal without TLS or without a client
// certificate) are field errors in the schema (lib/platform/refine.ts), so a
// scenario that reaches the check already satisfies them.
export function checkTls(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  if (s.tls.enabled) {
    const { names, pending } = tlsCoverage(s);
    const ips = names.filter(isIP);
    if (names.length > 0) {
      findings.push({
        id: FINDING.tlsNamesToCover,
        severity: "info",
        message: `The certificate in secret ${s.tls.certificateSecret} must cover ${listWords(names)}.`,
        why: "Clients check the broker's certificate against the name they dialled: the bootstrap name first, then the advertised address of every broker.",
        fix: `Issue the certificate with ${names.length === 1 ? "this name" : "these names"} as subject alternative names${ips.length > 0 ? ` (${listWords(ips)} as IP SANs)` : ""}.`,
        fields: ["tls.certificateSecret"],
        clients: [],
      });
    }
    if (pending.length > 0) {
      findings.push({
        id: FINDING.tlsNamesAfterInstall,
        severity: "warning",
        message:
          "The certificate's names are not known yet: the load balancer address is read after install.",
        why: "The certificate must cover the address clients are handed, and that address exists only once the load balancer does.",
        fix: "Reserve the address or a DNS name for it before install and enter it, or reissue the certificate after install with the load balancer's name.",
        fields: ["tls.certificateSecret", "loadBalancer.hostSource"],
        clients: [],
      });
    }
  }
  return findings;
}

export function checkAuth(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  if (s.auth.sasl !== "none" && !s.tls.enabled) {
    findings.push({
      id: FINDING.saslWithoutTls,
      severity: "warning",
      message: `SASL ${s.auth.sasl.toUpperCase()} without TLS: ${s.auth.sasl === "scram" ? "records cross" : "credentials and records cross"} the network unencrypted.`,
      why: "Without Kafka TLS clients use SASL_PLAINTEXT; PLAIN sends the password and OAUTHBEARER the token as they are, and every record travels in clear.",
      fix: "Turn on Kafka TLS so clients use SASL_SSL.",
      fields: ["auth.sasl", "tls.enabled"],
      clients: [],
    });
  }
  return findings;
}

export function checkIdentity(s: Scenario): Finding[] {
  const zones = activeZones(s);
  if (s.valuesScope !== "complete" || zones.length === 0 || s.identity.method === "none") {
    return [];
  }
  const accounts = zones.map((z) => serviceAccountName(z));
  return [
    {
      id: FINDING.identityZonalBindings,
      severity: "warning",
      message: `Each zonal ServiceAccount needs its own identity binding: ${listWords(accounts)}.`,
      why: `Every zonal release runs as bufstream-service-account-<zone>; a binding written for ${serviceAccountName(null)} does not trust them, so the brokers cannot reach object storage.`,
      fix: "Create one binding per zone (install.sh lists the commands), or widen the trust policy to match every zonal ServiceAccount.",
      fields: ["identity.method", "zones.names"],
      clients: [],
    },
  ];
}
