// Test helper: a pretend cluster for running a real install.sh. Stub `helm`,
// `kubectl`, `aws`, `gcloud` and `az` go first on PATH; each records its argv
// (and the directory it ran in) and answers from a small state directory:
//
// - releases/<name>      the release exists (`helm status`, `helm list`);
//                        `helm upgrade --install` creates it
// - values/<name>.yaml   what `helm get values <name>` prints
// - lb/<service>         the Service has a load-balancer address
//                        (`<service>.lb.example`); an upgrade adds it when
//                        the scenario uses load balancers
// - STUB_HELM_DIFF=1     the helm-diff plugin is installed
// - policies/<name>      a NetworkPolicy `kubectl apply -f` created (read back by
//                        `kubectl get networkpolicy <names>`, which fails on any missing)
// - STUB_PROM_OPERATOR=1 the Prometheus Operator's CRDs exist (`kubectl get crd`)
// - STUB_BLOCKED_NAMESPACES="a b"  `kubectl run` in these namespaces fails, as a
//                        check pod the NetworkPolicy blocks would
//
// Anything a stub does not expect exits 2 with a message, so a new command in
// install.sh fails the tests until the stub (and so the test) knows it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RECORD = `record() {
  { printf '%s\\x1f%s' "$(basename "$0")" "$PWD"; for arg in "$@"; do printf '\\x1f%s' "$arg"; done; printf '\\n'; } >>"$STUB_STATE/calls.log"
}
record "$@"`;

const HELM = `#!/usr/bin/env bash
set -euo pipefail
${RECORD}
state="$STUB_STATE"
case "$1" in
  status)
    if [ -e "$state/releases/$2" ]; then echo "STATUS: deployed"; exit 0; fi
    echo "Error: release: not found" >&2; exit 1 ;;
  get)
    if [ "$2" = values ] && [ -e "$state/releases/$3" ]; then
      if [ -e "$state/values/$3.yaml" ]; then cat "$state/values/$3.yaml"; else echo null; fi
      exit 0
    fi
    echo "Error: release: not found" >&2; exit 1 ;;
  list)
    filter="" previous=""
    for arg in "$@"; do
      if [ "$previous" = --filter ]; then filter="$arg"; fi
      previous="$arg"
    done
    name="\${filter#^}"; name="\${name%\\$}"
    if [ -n "$name" ] && [ -e "$state/releases/$name" ]; then echo "$name"; fi
    exit 0 ;;
  diff)
    if [ "\${STUB_HELM_DIFF:-0}" != 1 ]; then echo 'Error: unknown command "diff" for "helm"' >&2; exit 1; fi
    echo "stub helm diff: $*"; exit 0 ;;
  history)
    if [ ! -e "$state/releases/$2" ]; then echo "Error: release: not found" >&2; exit 1; fi
    description="Upgrade complete"
    if [ -e "$state/descriptions/$2" ]; then description="$(cat "$state/descriptions/$2")"; fi
    printf -- '- chart: bufstream\n  description: %s\n  revision: 1\n  status: deployed\n' "$description"
    exit 0 ;;
  upgrade)
    if [ "$2" != --install ]; then echo "stub helm: expected upgrade --install" >&2; exit 2; fi
    touch "$state/releases/$3"
    # The revision's description, as helm history shows it.
    description="Upgrade complete" previous=""
    for arg in "$@"; do
      if [ "$previous" = --description ]; then description="$arg"; fi
      previous="$arg"
    done
    printf '%s' "$description" >"$state/descriptions/$3"
    if [ "\${STUB_LB:-0}" = 1 ]; then touch "$state/lb/$3"; fi
    exit 0 ;;
  registry)
    cat >"$state/registry-login-stdin"; exit 0 ;;
  *)
    echo "stub helm: unexpected: $*" >&2; exit 2 ;;
esac
`;

const KUBECTL = `#!/usr/bin/env bash
set -euo pipefail
${RECORD}
state="$STUB_STATE"
case "$1" in
  create) echo "kind: Stub"; exit 0 ;;
  apply)
    previous=""
    for arg in "$@"; do
      if [ "$previous" = -f ]; then
        if [ "$arg" = - ]; then cat >/dev/null; elif [ ! -f "$arg" ]; then echo "stub kubectl: no file $arg" >&2; exit 1;
        else
          # Remember the NetworkPolicies a file creates (each document's metadata.name).
          awk '/^kind: NetworkPolicy$/ {np=1} /^---$/ {np=0} np && /^  name: / {print $2}' "$arg" |
            while read -r name; do touch "$state/policies/$name"; done
        fi
      fi
      previous="$arg"
    done
    exit 0 ;;
  patch | delete) exit 0 ;;
  run)
    namespace=""
    previous=""
    for arg in "$@"; do
      if [ "$previous" = --namespace ]; then namespace="$arg"; fi
      previous="$arg"
    done
    for blocked in \${STUB_BLOCKED_NAMESPACES:-}; do
      if [ "$blocked" = "$namespace" ]; then echo "% ERROR: Failed to acquire metadata: Local: Broker transport failure" >&2; exit 1; fi
    done
    echo "Metadata for all topics (from broker -1: stub)"; exit 0 ;;
  get)
    if [ "$2" = secret ]; then exit 1; fi
    if [ "$2" = crd ]; then if [ "\${STUB_PROM_OPERATOR:-0}" = 1 ]; then exit 0; fi; exit 1; fi
    if [ "$2" = networkpolicy ]; then
      shift 2
      for arg in "$@"; do
        case "$arg" in --*) break ;; esac
        if [ ! -e "$state/policies/$arg" ]; then echo "Error from server (NotFound): networkpolicies.networking.k8s.io \"$arg\" not found" >&2; exit 1; fi
      done
      exit 0
    fi
    if [ "$2" = service ] && [[ "$*" == *"jsonpath={.status.loadBalancer.ingress[0].hostname}"* ]]; then
      if [ -e "$state/lb/$3" ]; then printf '%s' "$3.lb.example"; fi
      exit 0
    fi
    if [ "$2" = service ]; then exit 0; fi
    echo "stub kubectl: unexpected: $*" >&2; exit 2 ;;
  rollout | exec) exit 0 ;;
  *) echo "stub kubectl: unexpected: $*" >&2; exit 2 ;;
esac
`;

const AWS = `#!/usr/bin/env bash
set -euo pipefail
${RECORD}
case "$1 $2" in
  "eks list-pod-identity-associations") echo None ;;
  "eks create-pod-identity-association" | "eks update-pod-identity-association") ;;
  "iam get-role") echo '{}' ;;
  *) echo "stub aws: unexpected: $*" >&2; exit 2 ;;
esac
`;

const RECORD_ONLY = `#!/usr/bin/env bash\nset -euo pipefail\n${RECORD}\nexit 0\n`;

export interface StubCall {
  tool: string;
  /** The directory the command ran in. */
  cwd: string;
  args: string[];
}

export interface StubCluster {
  /** Put first on PATH. */
  binDir: string;
  state: string;
  /** Declare a release that exists, with the values `helm get values` returns (YAML text). */
  addRelease(name: string, valuesYaml: string | null): void;
  calls(): StubCall[];
  /** Forget the calls recorded so far (the state stays). */
  clearCalls(): void;
  remove(): void;
}

export function makeStubCluster(): StubCluster {
  const root = mkdtempSync(join(tmpdir(), "stub-cluster-"));
  const binDir = join(root, "bin");
  const state = join(root, "state");
  for (const dir of [
    binDir,
    state,
    join(state, "releases"),
    join(state, "values"),
    join(state, "descriptions"),
    join(state, "lb"),
    join(state, "policies"),
  ])
    mkdirSync(dir, { recursive: true });
  writeFileSync(join(state, "calls.log"), "");
  const tools: Record<string, string> = {
    helm: HELM,
    kubectl: KUBECTL,
    aws: AWS,
    gcloud: RECORD_ONLY,
    az: RECORD_ONLY,
  };
  for (const [name, text] of Object.entries(tools)) {
    writeFileSync(join(binDir, name), text);
    chmodSync(join(binDir, name), 0o755);
  }
  return {
    binDir,
    state,
    addRelease(name, valuesYaml) {
      writeFileSync(join(state, "releases", name), "");
      if (valuesYaml !== null) writeFileSync(join(state, "values", `${name}.yaml`), valuesYaml);
    },
    calls() {
      return readFileSync(join(state, "calls.log"), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => {
          const [tool = "", cwd = "", ...args] = line.split("\x1f");
          return { tool, cwd, args };
        });
    },
    clearCalls() {
      writeFileSync(join(state, "calls.log"), "");
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bash <script>` from `cwd` with the stubs first on PATH and nothing else from the caller's environment. */
export function runWithStubs(
  cluster: StubCluster,
  script: string,
  cwd: string,
  env: Record<string, string>,
): RunResult {
  // --norc: Node's stdio are sockets, which makes bash read ~/.bashrc as under rshd.
  const result = spawnSync("bash", ["--norc", "--noprofile", script], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
    // Only what the script needs: nothing from the test runner's environment leaks in.
    env: {
      NODE_ENV: "test",
      PATH: `${cluster.binDir}:/usr/bin:/bin`,
      HOME: cwd,
      STUB_STATE: cluster.state,
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
