// Rules about what a first install needs and what an existing release keeps
// (domain 1.2 "What a working install needs", 2.4 etcd, 8.1 Helm layering,
// 8.3 Buf's Terraform installing etcd).
import { etcdReleaseName } from "../platform/metadata";
import type { Scenario } from "../scenario/schema";
import { FINDING } from "./finding-ids";
import type { Finding } from "./types";

export function checkInstall(s: Scenario): Finding[] {
  const findings: Finding[] = [];
  const complete = s.valuesScope === "complete";
  if (s.install === "new" && !complete) {
    findings.push({
      id: FINDING.newInstallNeedsPlatform,
      severity: "error",
      message:
        "A new install needs object storage and a metadata store, and networking-only values have neither.",
      why: "With no release to read values from, the values files are all Helm gets: the brokers start with no bucket and no metadata store and never become ready. install.sh stops before changing anything.",
      fix: "Choose a complete install and answer the storage and metadata questions; or, if a release exists or you keep its values in a file, choose “Already installed”.",
      fields: ["install", "valuesScope"],
      clients: [],
    });
  }
  if (complete && s.metadata.use === "etcd") {
    if (s.metadata.etcd.source === "") {
      findings.push({
        id: FINDING.etcdSourceUnconfirmed,
        severity: "error",
        message:
          "etcd is the metadata store, but nothing says where it runs: Bufstream does not install it.",
        why: "The brokers connect to metadata.etcd.addresses at start-up; without a running etcd there, they never become ready.",
        fix: `Choose to install etcd with this bundle (release ${etcdReleaseName(s)} in namespace ${s.release.namespace}), or enter the addresses of the etcd you run.`,
        fields: ["metadata.etcd.source"],
        clients: [],
      });
    } else if (s.metadata.etcd.source === "install" && s.install === "existing") {
      findings.push({
        id: FINDING.etcdInstallOnExistingRelease,
        severity: "warning",
        message: `A release exists, but this bundle points it at a newly installed etcd (${etcdReleaseName(s)}), which starts empty.`,
        why: "A running cluster keeps its topics, partitions and offsets in its metadata store; a new, empty etcd holds none of them.",
        fix: "If the release already uses etcd, choose “I run etcd” and enter the address it uses now (helm get values shows it under metadata.etcd.addresses).",
        fields: ["metadata.etcd.source", "install"],
        clients: [],
      });
    }
  }
  return findings;
}
