import type { Endpoint } from "../topology/plan";

/** Whether one address works from where a client runs. */
export interface AddressVerdict {
  /** `host:port` as the client sees it (case-varied for in-cluster names, as Bufstream returns them). */
  address: string;
  resolves: boolean;
  reachable: boolean;
  /** Plain words: why it does or does not work from there. */
  note: string;
  /** The finding that explains a failure, if any. */
  findingId: string | null;
  /**
   * True when the address itself would work but this client group is stopped
   * on its way there: a NetworkPolicy, or the load balancer's source ranges.
   */
  blocked?: boolean;
}

/** What one kind of client (a location, and a zone when zone-aware) sees when it connects. */
export interface ClientView {
  /** Stable id, e.g. `outside` or `in-cluster-us-east-1a`. */
  id: string;
  location: "in-cluster" | "outside-cluster";
  zone: string | null;
  /** Heading, e.g. "Clients in the cluster, zone us-east-1a". */
  title: string;
  /** The `client.id` this client should send (with `zone=` when zone-aware). */
  clientId: string;
  bootstrap: Endpoint;
  bootstrapVerdict: AddressVerdict;
  /** The metadata response: one entry per broker advertised to this client. */
  brokers: AddressVerdict[];
  /** Where its produce/fetch requests land, in words ("zone us-east-1a brokers", "any broker"). */
  landsIn: string;
  /** True when bootstrap and every advertised address work. */
  connects: boolean;
}
