// Scenarios, findings and client views for the diagram tests and golden files:
// every preset, plus layouts and failures the presets do not cover. Built by
// hand (not through lib/check or lib/clients) so these tests pin the diagram
// code alone.
import type { AddressVerdict, ClientView } from "../clients/types";
import type { Finding } from "../check/types";
import { DEFAULT_SCENARIO } from "../scenario/defaults";
import { PRESETS } from "../scenario/presets";
import type { Scenario } from "../scenario/schema";

export interface DiagramFixture {
  /** Golden file name without extension. */
  name: string;
  scenario: Scenario;
  findings: Finding[];
}

const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];

function scenario(patch: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, ...patch };
}

export function errorFinding(id: string, message: string, clients: Finding["clients"]): Finding {
  return { id, severity: "error", message, why: "", fix: "", fields: [], clients };
}

export const OUTSIDE_CLUSTER_IP_FINDING = errorFinding(
  "outside-clients-cluster-ip",
  "Clients outside the cluster cannot resolve bufstream.bufstream.svc.cluster.local.",
  ["outside-cluster"],
);

/**
 * Text that would break or inject into a diagram if a label were not escaped:
 * quotes and brackets, a statement after a line break, a click callback, a
 * directive, HTML, an entity code, markdown, KaTeX and an icon.
 */
export const NASTY_TEXT =
  'x"] --> n1\nclick n1 call alert(1) %%{init: {"securityLevel":"loose"}}%% <img src=x onerror=alert(1)> #quot; `**md**` $$x^2$$ fa:fa-car; style:#f00;';

export const EXTRA_FIXTURES: DiagramFixture[] = [
  {
    name: "escaping-finding-message",
    scenario: scenario({ clients: "outside-cluster" }),
    findings: [errorFinding("nasty", NASTY_TEXT, ["outside-cluster"])],
  },
  {
    name: "failing-outside-cluster-ip",
    scenario: scenario({ clients: "outside-cluster" }),
    findings: [OUTSIDE_CLUSTER_IP_FINDING],
  },
  {
    name: "failing-both-cluster-ip-zones",
    scenario: scenario({
      clients: "both",
      zones: { ...DEFAULT_SCENARIO.zones, enabled: true, names: ZONES },
    }),
    findings: [OUTSIDE_CLUSTER_IP_FINDING],
  },
  {
    name: "failing-lb-placeholder-advertised",
    // Bootstrap through a regional name that works, zones advertise hosts known only after install.
    scenario: scenario({
      clients: "outside-cluster",
      exposure: "load-balancer",
      loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, hostSource: "after-install" },
      zones: {
        ...DEFAULT_SCENARIO.zones,
        enabled: true,
        names: ZONES.slice(0, 2),
        bootstrapHost: "bufstream.internal.acme.net",
      },
    }),
    findings: [
      errorFinding(
        "zone-hosts-after-install",
        "The zones' load balancer addresses are known only after install.",
        ["outside-cluster"],
      ),
    ],
  },
  {
    name: "headless-zones",
    scenario: scenario({
      exposure: "headless",
      zones: { ...DEFAULT_SCENARIO.zones, enabled: true, names: ZONES },
    }),
    findings: [],
  },
  {
    name: "many-brokers",
    scenario: scenario({ replicas: 12 }),
    findings: [],
  },
  {
    name: "zones-lb-first-zone-bootstrap-both",
    scenario: scenario({
      clients: "both",
      exposure: "load-balancer",
      loadBalancer: { ...DEFAULT_SCENARIO.loadBalancer, provider: "gcp" },
      zones: {
        ...DEFAULT_SCENARIO.zones,
        enabled: true,
        names: ["us-central1-a", "us-central1-b"],
        replicasPerZone: 7,
        hosts: { "us-central1-a": "10.0.1.10", "us-central1-b": "10.0.2.10" },
      },
    }),
    findings: [],
  },
  {
    // In-cluster clients bootstrap from the regional ClusterIP Service, outside
    // ones from the cross-zone name the user provides (domain 3 S4/S5).
    name: "zones-lb-regional-and-outside-bootstrap-both",
    scenario: scenario({
      clients: "both",
      exposure: "load-balancer",
      zones: {
        ...DEFAULT_SCENARIO.zones,
        enabled: true,
        names: ZONES.slice(0, 2),
        hosts: { "us-east-1a": "kafka-a.acme.net", "us-east-1b": "kafka-b.acme.net" },
        bootstrapHost: "kafka.acme.net",
      },
    }),
    findings: [],
  },
  {
    name: "complete-gcs-in-cluster-etcd",
    scenario: scenario({
      valuesScope: "complete",
      install: "new",
      storage: { ...DEFAULT_SCENARIO.storage, use: "gcs", bucket: "my-bufstream" },
      // etcd installed by the bundle: its address follows the release and namespace.
      metadata: { ...DEFAULT_SCENARIO.metadata, etcd: { source: "install", addresses: [] } },
    }),
    findings: [],
  },
];

export const PRESET_FIXTURES: DiagramFixture[] = PRESETS.map((preset) => ({
  name: `preset-${preset.id}`,
  scenario: preset.scenario,
  findings: [],
}));

export const ALL_FIXTURES: DiagramFixture[] = [...PRESET_FIXTURES, ...EXTRA_FIXTURES];

// Client views, as lib/clients would build them.

function verdict(
  address: string,
  ok: boolean,
  note: string,
  findingId: string | null = null,
): AddressVerdict {
  return { address, resolves: ok, reachable: ok, note, findingId };
}

const IN_CLUSTER = "bufstream.bufstream.svc.cluster.local";

export const VIEW_FIXTURES: Array<{ name: string; view: ClientView }> = [
  {
    name: "sequence-escaping",
    view: {
      id: "outside",
      location: "outside-cluster",
      zone: null,
      title: NASTY_TEXT,
      clientId: NASTY_TEXT,
      bootstrap: { host: "kafka.acme.net", port: 9092, known: true },
      bootstrapVerdict: verdict("kafka.acme.net:9092", true, NASTY_TEXT),
      brokers: [verdict(NASTY_TEXT, false, NASTY_TEXT)],
      landsIn: NASTY_TEXT,
      connects: false,
    },
  },
  {
    name: "sequence-in-cluster-connects",
    view: {
      id: "in-cluster",
      location: "in-cluster",
      zone: null,
      title: "Clients in the cluster",
      clientId: "my-app",
      bootstrap: { host: IN_CLUSTER, port: 9092, known: true },
      bootstrapVerdict: verdict(`${IN_CLUSTER}:9092`, true, "Resolves through the cluster DNS."),
      brokers: [
        verdict(
          "bufstream.bufstream.svc.cluster.local:9092",
          true,
          "Resolves through the cluster DNS.",
        ),
        verdict(
          "Bufstream.bufstream.svc.cluster.local:9092",
          true,
          "Resolves through the cluster DNS.",
        ),
        verdict(
          "bUfstream.bufstream.svc.cluster.local:9092",
          true,
          "Resolves through the cluster DNS.",
        ),
      ],
      landsIn: "any broker",
      connects: true,
    },
  },
  {
    name: "sequence-outside-bootstrap-fails",
    view: {
      id: "outside",
      location: "outside-cluster",
      zone: null,
      title: "Clients outside the cluster",
      clientId: "my-app",
      bootstrap: { host: IN_CLUSTER, port: 9092, known: true },
      bootstrapVerdict: verdict(
        `${IN_CLUSTER}:9092`,
        false,
        "A cluster DNS name does not resolve outside the cluster.",
        "outside-clients-cluster-ip",
      ),
      brokers: [verdict(`${IN_CLUSTER}:9092`, false, "Does not resolve outside the cluster.")],
      landsIn: "nowhere",
      connects: false,
    },
  },
  {
    name: "sequence-zone-advertised-fails",
    view: {
      id: "outside-us-east-1a",
      location: "outside-cluster",
      zone: "us-east-1a",
      title: "Clients outside the cluster, zone us-east-1a",
      clientId: "my-app,zone=us-east-1a",
      bootstrap: { host: "bufstream.internal.acme.net", port: 9092, known: true },
      bootstrapVerdict: verdict(
        "bufstream.internal.acme.net:9092",
        true,
        "The regional bootstrap name.",
      ),
      brokers: [
        verdict(
          "us-east-1a load balancer address (after install):9092",
          false,
          "Known only after install; until then the brokers advertise nothing usable.",
          "zone-hosts-after-install",
        ),
        verdict(
          "us-east-1a load balancer address (after install):9092",
          false,
          "Known only after install; until then the brokers advertise nothing usable.",
          "zone-hosts-after-install",
        ),
      ],
      landsIn: "zone us-east-1a brokers",
      connects: false,
    },
  },
  {
    name: "sequence-many-brokers",
    view: {
      id: "outside",
      location: "outside-cluster",
      zone: null,
      title: "Clients outside the cluster",
      clientId: "",
      bootstrap: { host: "kafka.acme.net", port: 9094, known: true },
      bootstrapVerdict: verdict("kafka.acme.net:9094", true, "The load balancer's DNS name."),
      brokers: Array.from({ length: 6 }, () =>
        verdict("kafka.acme.net:9094", true, "The load balancer's DNS name."),
      ),
      landsIn: "any broker",
      connects: true,
    },
  },
];
