// The topology check (DESIGN.md section 6): for a scenario, the findings that
// say which clients will fail to connect or connect badly, and why. The page,
// the bundle and the CLI (`render --check`) all call this one function.
//
// Rules and their sources (domain = ../shared/domain/bufstream.md):
//   outside-clients-cluster-ip, mixed-clients-cluster-ip  domain 6 gotcha 1, 3 S1; classic advertised-listener failure
//   outside-clients-headless                               domain 3 S2 (limits)
//   lb-host-after-install, zone-hosts-after-install        domain 3 S3 (two-pass install), S5
//   lb-host-placeholder, lb-host-in-cluster-name           domain 6 gotcha 1, 3 S3 ("must equal what clients connect to")
//   lb-host-not-static-ip                                  domain 4 (GKE/Azure: same IP for LB and publicAddress)
//   lb-internal-outside-clients, lb-internet-facing        domain 4, gotcha 11
//   lb-hairpin-in-cluster                                  domain 3 core behaviour (one advertised address)
//   lb-port-advertised                                     domain 6 gotcha 1 (listener port)
//   zones-single-zone, zones-duplicate-host                domain 3 S4/S5, core behaviour (zone-filtered metadata)
//   zones-name-format                                      domain 5 (zone strings per cloud)
//   zones-bootstrap-one-zone                               domain 3 S5, open question 5
//   too-few-brokers, below-recommended-size                domain 2.3 (2 per zone), 1.1 autoscaling row
//   zones-autoscaling-per-zone                             domain 1.1 autoscaling row (one HPA per zonal release)
//   statefulset-name-too-long                              domain 6 gotcha 6; Kubernetes label limit
//   regional-service-collision, cluster-label-selector     domain 6 gotcha 5
//   tls-names-to-cover, tls-names-after-install            domain 6 gotcha 2
//   sasl-without-tls                                       domain 1.3, 5 (security.protocol)
//   identity-zonal-bindings                                domain 6 gotcha 9, 2.3
//   new-install-needs-platform                             domain 1.2, 8.1 (values files are all Helm gets)
//   etcd-source-unconfirmed, etcd-install-existing-release domain 1.2 item 3, 2.4, 8.3
//   policy-blocks-client-namespace, -load-balancer,       issue 16: NetworkPolicy semantics; AWS NLB
//     -client-network, policy-needs-cni                    target groups (client IP preservation)
//   lb-source-ranges-exclude-clients, -open, -hairpin,     issue 16, gotcha 11; domain 1.1 (no chart
//     -patched; monitor-without-metrics                    key for source ranges), 1.1 metrics row
//
// Client-CA and mTLS-principal mistakes are schema errors on their fields
// (lib/platform/refine.ts), not findings: such a scenario does not validate.
import type { Scenario } from "../scenario/schema";
import { checkClientReach, checkLoadBalancerHost, checkLoadBalancerShape } from "./rules-exposure";
import { checkAccess } from "./rules-access";
import { checkInstall } from "./rules-install";
import { checkNames } from "./rules-names";
import { checkAuth, checkIdentity, checkTls } from "./rules-security";
import { checkBrokerCount, checkZoneAutoscaling, checkZones } from "./rules-zones";
import type { Finding, Severity } from "./types";

const RULE_GROUPS: Array<(s: Scenario) => Finding[]> = [
  checkInstall,
  checkClientReach,
  checkLoadBalancerHost,
  checkLoadBalancerShape,
  checkZones,
  checkBrokerCount,
  checkZoneAutoscaling,
  checkNames,
  checkTls,
  checkAuth,
  checkIdentity,
  checkAccess,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding for the scenario: errors first, then warnings, then notes; rule order within each. */
export function checkTopology(s: Scenario): Finding[] {
  const findings = RULE_GROUPS.flatMap((rule) => rule(s));
  // Array.prototype.sort is stable, so rule order survives within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** How many findings of each severity (the summary line above the findings list). */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
