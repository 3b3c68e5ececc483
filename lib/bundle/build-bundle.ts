// Scenario -> every file of the bundle (DESIGN.md section 3). The page, the
// zip and the CLI all call this, so they always show the same bytes.
import { checkTopology } from "../check/check-topology";
import { buildCommandSections } from "../commands/build-commands";
import { renderScript } from "../commands/render-script";
import { buildTopologyDiagram } from "../diagram/build-diagram";
import { renderMermaidComment } from "../diagram/escape";
import {
  buildHeadlessServiceManifests,
  buildRegionalServiceManifest,
  headlessServiceFileName,
  regionalServiceFileName,
} from "../manifests/files";
import { buildMonitorManifests, monitorFileName } from "../manifests/monitor";
import { buildNetworkPolicies, networkPolicyFileName } from "../manifests/network-policy";
import {
  buildEtcdValues,
  ETCD_VALUES_NOTES,
  etcdValuesFileName,
  installsEtcd,
} from "../platform/metadata";
import type { Scenario } from "../scenario/schema";
import { buildValues, type ValuesFile } from "../values/build-values";
import { renderYaml, renderYamlDocuments } from "../values/render-yaml";
import { provenanceLines } from "./provenance";
import { renderReadme } from "./readme";
import type { BundleContext, BundleFile } from "./types";

export const INSTALL_SCRIPT = "install.sh";
export const TOPOLOGY_FILE = "topology.mmd";
export const README_FILE = "README.md";

function valuesFile(file: ValuesFile, provenance: string[]): BundleFile {
  return {
    name: file.name,
    kind: "values",
    content: renderYaml(
      file.values,
      [...provenance, ...(file.notes.length > 0 ? ["", ...file.notes] : [])].join("\n"),
    ),
  };
}

export function buildBundle(s: Scenario, ctx: BundleContext): BundleFile[] {
  const provenance = provenanceLines(s, ctx);
  const values = buildValues(s);
  const roles = new Map<string, string>();
  const files: BundleFile[] = [valuesFile(values.shared, provenance)];
  roles.set(
    values.shared.name,
    values.zones.length > 0 ? "Helm values every zone shares" : "Helm values",
  );
  for (const zone of values.zones) {
    files.push(valuesFile(zone, provenance));
    roles.set(zone.name, `Helm values of zone ${zone.zone ?? ""}, layered after the shared file`);
  }

  const manifest = (name: string, objects: unknown[], note: string, role: string) => {
    files.push({
      name,
      kind: "manifest",
      content: renderYamlDocuments(objects, [...provenance, "", note].join("\n")),
    });
    roles.set(name, role);
  };
  const regional = buildRegionalServiceManifest(s);
  if (regional !== null) {
    manifest(
      regionalServiceFileName(s.release.name),
      [regional],
      "The regional ClusterIP Service over every zone's brokers: where clients in the cluster bootstrap (the chart does not create it).",
      "Kubernetes Service: the regional ClusterIP Service across zones, the bootstrap of clients in the cluster",
    );
  }
  const headless = buildHeadlessServiceManifests(s);
  if (headless.length > 0) {
    manifest(
      headlessServiceFileName(s.release.name),
      headless,
      "The Kafka headless Service the chart does not create, applied on its own: on an existing release, extraObjects would replace the release's own (Helm replaces lists whole).",
      "Kubernetes Service: the Kafka headless Service every broker advertises",
    );
  }

  const policies = buildNetworkPolicies(s);
  if (policies.length > 0) {
    manifest(
      networkPolicyFileName(s.release.name),
      policies,
      "NetworkPolicies for the brokers: who may reach Kafka, the admin and Connect ports and the metrics port, and where the brokers may connect to. install.sh applies them after the release (kubectl apply). They need a CNI that enforces NetworkPolicy.",
      "Kubernetes NetworkPolicies: who may reach the brokers, and where the brokers may connect",
    );
  }
  const monitors = buildMonitorManifests(s);
  if (monitors.length > 0) {
    manifest(
      monitorFileName(s.release.name),
      monitors,
      s.monitoring.prometheusOperator === "pod-monitor"
        ? "A Prometheus Operator PodMonitor for the brokers' metrics (port 9090, /metrics). install.sh applies it when the Operator's CRDs are installed."
        : "A metrics Service over the brokers (port 9090, named metrics) and a Prometheus Operator ServiceMonitor for it. install.sh applies them when the Operator's CRDs are installed.",
      "Prometheus Operator objects: the brokers' metrics (port 9090)",
    );
  }

  if (installsEtcd(s)) {
    const name = etcdValuesFileName(s);
    files.push({
      name,
      kind: "values",
      content: renderYaml(buildEtcdValues(), [...provenance, "", ...ETCD_VALUES_NOTES].join("\n")),
    });
    roles.set(name, "Helm values of the etcd chart install.sh installs first (once)");
  }

  const commands = buildCommandSections(s);
  const scriptProvenance = [...provenance, "Run from this folder: bash install.sh"].join("\n");
  files.push({
    name: INSTALL_SCRIPT,
    kind: "script",
    content: renderScript([...commands.install, ...commands.verify], scriptProvenance),
  });
  roles.set(INSTALL_SCRIPT, "The commands, in order; safe to re-run");

  const findings = checkTopology(s);
  const diagram = buildTopologyDiagram(s, findings);
  files.push({
    name: TOPOLOGY_FILE,
    kind: "diagram",
    content: `${renderMermaidComment(provenance)}\n${diagram.trimEnd()}\n`,
  });
  roles.set(TOPOLOGY_FILE, "The topology diagram (Mermaid source)");

  files.push({
    name: README_FILE,
    kind: "readme",
    content: renderReadme({
      s,
      provenance,
      shareLink: ctx.shareLink,
      files: [...files],
      fileRoles: roles,
      diagramFile: TOPOLOGY_FILE,
      findings,
      commands,
    }),
  });
  return files;
}
