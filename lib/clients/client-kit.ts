// The client kit (issue 5): for each place clients run, and each zone when
// zone-aware, the `bootstrap.servers` and `client.id` to use and ready-to-paste
// settings for the common clients, with the recommended values (domain 5) and
// the TLS/SASL settings the brokers need. Addresses come from the topology
// plan, ids from the same rule the client views use.
import { activeZones, clientLocations } from "../check/context";
import { hostPort } from "../check/hosts";
import type { Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { clientEnvVars, clientSecurity, type ClientEnvVar } from "./client-security";
import { clientIdFor } from "./client-views";
import { renderFranzGo, renderKafkaJs } from "./snippets-code";
import {
  renderJavaProperties,
  renderLibrdkafkaProperties,
  type KitTarget,
} from "./snippets-properties";
import { renderKcatCommand, renderMetadataCommand } from "./snippets-shell";
import type { ClientView } from "./types";

export { renderClientKitMarkdown } from "./render-client-kit";

/** Stands in for a load-balancer address known only after install; inert in every snippet language. */
export const LB_ADDRESS_PLACEHOLDER = "LOAD_BALANCER_ADDRESS";

export interface ClientKitSnippet {
  id: "java" | "librdkafka" | "kcat" | "bufstream-metadata" | "franz-go" | "kafkajs";
  title: string;
  language: "properties" | "shell" | "go" | "javascript";
  /** A file name with the right extension (downloads, code block labels). */
  fileName: string;
  code: string;
}

export interface ClientKitEntry {
  /** The same id as the matching ClientView (`outside-cluster-us-east-1a`). */
  id: string;
  location: ClientView["location"];
  zone: string | null;
  title: string;
  bootstrapServers: string;
  /** False when bootstrapServers holds LB_ADDRESS_PLACEHOLDER. */
  bootstrapKnown: boolean;
  clientId: string;
  /** Environment variables the snippets read secrets and file paths from (names only). */
  env: ClientEnvVar[];
  notes: string[];
  snippets: ClientKitSnippet[];
}

const LOCATION_TITLES: Record<ClientView["location"], string> = {
  "in-cluster": "Clients in the cluster",
  "outside-cluster": "Clients outside the cluster",
};

function snippetsFor(t: KitTarget, groupId: string): ClientKitSnippet[] {
  return [
    {
      id: "java",
      title: "Java client",
      language: "properties",
      fileName: "client.properties",
      code: renderJavaProperties(t),
    },
    {
      id: "librdkafka",
      title: "librdkafka",
      language: "properties",
      fileName: "librdkafka.properties",
      code: renderLibrdkafkaProperties(t),
    },
    {
      id: "kcat",
      title: "kcat metadata check",
      language: "shell",
      fileName: "kcat-metadata.sh",
      code: renderKcatCommand(t),
    },
    {
      id: "bufstream-metadata",
      title: "bufstream client metadata",
      language: "shell",
      fileName: "bufstream-metadata.sh",
      code: renderMetadataCommand(t),
    },
    {
      id: "franz-go",
      title: "franz-go",
      language: "go",
      fileName: "kafka.go",
      code: renderFranzGo(t),
    },
    {
      id: "kafkajs",
      title: "KafkaJS",
      language: "javascript",
      fileName: "kafka.js",
      code: renderKafkaJs(t, groupId),
    },
  ];
}

export function buildClientKit(s: Scenario): ClientKitEntry[] {
  const plan = buildTopologyPlan(s);
  const security = clientSecurity(s);
  const env = clientEnvVars(security);
  const zones: Array<string | null> = activeZones(s).length > 0 ? activeZones(s) : [null];
  const app = s.clientKit.appName;
  const entries: ClientKitEntry[] = [];
  for (const location of clientLocations(s) as Array<ClientView["location"]>) {
    const bootstrap = location === "in-cluster" ? plan.inClusterBootstrap : plan.outsideBootstrap;
    if (bootstrap === null) continue;
    const bootstrapServers = hostPort(
      bootstrap.known ? bootstrap.host : LB_ADDRESS_PLACEHOLDER,
      bootstrap.port,
    );
    for (const zone of zones) {
      const title =
        zone === null ? LOCATION_TITLES[location] : `${LOCATION_TITLES[location]}, zone ${zone}`;
      const clientId = clientIdFor(app, zone);
      const notes: string[] = [];
      if (!bootstrap.known) {
        notes.push(
          `Replace ${LB_ADDRESS_PLACEHOLDER} with the load balancer address install.sh prints.`,
        );
      }
      if (zone !== null) {
        notes.push(
          "The zone in client.id must match the brokers' zone string exactly; in Kubernetes read it from the node label topology.kubernetes.io/zone.",
        );
      }
      if (app === "")
        notes.push("Set an application name in the client kit step to prefix client.id.");
      entries.push({
        id: zone === null ? location : `${location}-${zone}`,
        location,
        zone,
        title,
        bootstrapServers,
        bootstrapKnown: bootstrap.known,
        clientId,
        env,
        notes,
        snippets: snippetsFor(
          { title, bootstrapServers, clientId, security },
          app === "" ? "my-app" : app,
        ),
      });
    }
  }
  return entries;
}
