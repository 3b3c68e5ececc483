import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasShellcheck, shellcheck } from "../bundle/linters";
import { renderScript } from "../commands/render-script";
import { undocumentedKeys } from "../scenario/chart-keys";
import { IDENTITY_METHODS, type Scenario } from "../scenario/schema";
import {
  buildIdentitySteps,
  buildIdentityValues,
  projectFromServiceAccount,
  roleNameFromArn,
} from "./identity";
import { assertValid, withIdentity, zoned } from "./testing/scenarios";

const ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"];

const commandsOf = (s: Scenario) => buildIdentitySteps(s).flatMap((step) => step.commands);

describe("buildIdentityValues", () => {
  it("annotates the ServiceAccount for IRSA", () => {
    expect(buildIdentityValues(withIdentity("irsa"))).toEqual({
      bufstream: {
        serviceAccount: {
          annotations: {
            "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/teams/BufstreamRole",
          },
        },
      },
    });
  });

  it("needs no values for EKS Pod Identity or no identity", () => {
    expect(buildIdentityValues(withIdentity("eks-pod-identity"))).toEqual({});
    expect(buildIdentityValues(withIdentity("none"))).toEqual({});
  });

  it("annotates the ServiceAccount for GKE Workload Identity", () => {
    expect(buildIdentityValues(withIdentity("gke-workload-identity"))).toEqual({
      bufstream: {
        serviceAccount: {
          annotations: {
            "iam.gke.io/gcp-service-account": "bufstream-sa@my-project.iam.gserviceaccount.com",
          },
        },
      },
    });
  });

  it("annotates the ServiceAccount and labels the pods for Azure Workload ID", () => {
    expect(buildIdentityValues(withIdentity("azure-workload-identity"))).toEqual({
      bufstream: {
        serviceAccount: {
          annotations: {
            "azure.workload.identity/client-id": "11111111-2222-3333-4444-555555555555",
          },
        },
        deployment: { podLabels: { "azure.workload.identity/use": "true" } },
      },
    });
  });

  it("uses only documented chart keys for every method, and each example scenario is valid", () => {
    for (const method of IDENTITY_METHODS) {
      const s = assertValid(withIdentity(method));
      expect(undocumentedKeys(buildIdentityValues(s)), method).toEqual([]);
    }
  });
});

describe("buildIdentitySteps", () => {
  it("binds nothing without workload identity", () => {
    expect(buildIdentitySteps(withIdentity("none"))).toEqual([]);
  });

  it("creates one Pod Identity association per zonal ServiceAccount (gotcha 9)", () => {
    const s = zoned(withIdentity("eks-pod-identity"), ZONES);
    const steps = buildIdentitySteps(s);
    expect(steps).toHaveLength(ZONES.length);
    const creates = commandsOf(s).filter((c) => c.includes("create-pod-identity-association"));
    expect(creates).toEqual(
      ZONES.map(
        (zone) =>
          `  aws eks create-pod-identity-association --cluster-name prod-eks --namespace bufstream --service-account bufstream-service-account-${zone} --role-arn arn:aws:iam::123456789012:role/teams/BufstreamRole`,
      ),
    );
  });

  // Real bash over the generated lines, with `aws` a stub function that
  // answers from STUB_* variables and logs its argv: proves the re-run and
  // permission behaviour, not just the text.
  function runUnderBash(s: Scenario, stub: Record<string, string>) {
    const script = renderScript(buildIdentitySteps(s), "test").replace(/^cd .*$/m, "");
    const aws = [
      "aws() {",
      '  printf \'aws %s\\n\' "$*" >>"$STUB_LOG"',
      '  case "$1 $2" in',
      '    "eks list-pod-identity-associations") printf \'%s\\n\' "$STUB_ASSOCIATION" ;;',
      '    "eks describe-pod-identity-association") printf \'%s\\n\' "$STUB_ROLE" ;;',
      '    "iam get-role") if [ -n "${STUB_TRUST:-}" ]; then printf \'%s\\n\' "$STUB_TRUST"; else echo "AccessDenied" >&2; return 254; fi ;;',
      "  esac",
      "}",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "identity-steps-"));
    const log = join(dir, "log");
    writeFileSync(log, "");
    try {
      // --norc: Node's stdio are sockets, which makes bash read ~/.bashrc as under rshd.
      const result = spawnSync(
        "bash",
        [
          "--norc",
          "--noprofile",
          "-c",
          script.replace("set -euo pipefail", `set -euo pipefail\n${aws}`),
        ],
        {
          encoding: "utf8",
          env: { NODE_ENV: "test", PATH: "/usr/bin:/bin", STUB_LOG: log, ...stub },
        },
      );
      return { status: result.status, stderr: result.stderr, calls: readFileSync(log, "utf8") };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const ROLE = "arn:aws:iam::123456789012:role/teams/BufstreamRole";
  const podIdentityCases: Array<[string, Record<string, string>, string[], string[]]> = [
    [
      "creates when none exists",
      { STUB_ASSOCIATION: "None" },
      ["create-pod-identity-association"],
      ["update-", "describe-"],
    ],
    [
      "keeps an association with the same role",
      { STUB_ASSOCIATION: "a-1", STUB_ROLE: ROLE },
      ["describe-pod-identity-association --cluster-name prod-eks --association-id a-1"],
      ["create-", "update-"],
    ],
    [
      "updates an association with another role",
      { STUB_ASSOCIATION: "a-1", STUB_ROLE: "arn:aws:iam::123456789012:role/Old" },
      [
        `update-pod-identity-association --cluster-name prod-eks --association-id a-1 --role-arn ${ROLE}`,
      ],
      ["create-"],
    ],
  ];

  it.each(podIdentityCases)("Pod Identity under bash: %s", (_name, stub, present, absent) => {
    const { status, stderr, calls } = runUnderBash(withIdentity("eks-pod-identity"), stub);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const call of present) expect(calls).toContain(call);
    for (const call of absent) expect(calls).not.toContain(call);
  });

  it("IRSA under bash: only warns when iam:GetRole is denied (set -e does not abort)", () => {
    const { status, stderr } = runUnderBash(zoned(withIdentity("irsa"), ZONES), {});
    expect(status).toBe(0);
    expect(stderr).toContain("warning: could not read the trust policy of BufstreamRole");
    expect(stderr).not.toContain("AccessDenied");
  });

  it("IRSA under bash: warns for each ServiceAccount the trust policy does not name", () => {
    const trust = JSON.stringify({
      sub: "system:serviceaccount:bufstream:bufstream-service-account-us-east-1a",
    });
    const { status, stderr } = runUnderBash(zoned(withIdentity("irsa"), ZONES), {
      STUB_TRUST: trust,
    });
    expect(status).toBe(0);
    const warned = ZONES.filter((z) => stderr.includes(`bufstream-service-account-${z};`));
    expect(warned).toEqual(["us-east-1b", "us-east-1c"]);
  });

  it("the identity steps of every method pass shellcheck", () => {
    if (!hasShellcheck()) {
      console.warn(
        "shellcheck is not installed (/usr/bin/shellcheck): skipping; .ci/run installs it.",
      );
      return;
    }
    for (const method of ["eks-pod-identity", "irsa"] as const) {
      // Zone-aware (a ServiceAccount per zone) and not (one ServiceAccount).
      for (const s of [zoned(withIdentity(method), ZONES), withIdentity(method)]) {
        const result = shellcheck(renderScript(buildIdentitySteps(s), "test"));
        expect(result.output, `${method}, ${s.zones.enabled ? "zones" : "no zones"}`).toBe("");
      }
    }
  });

  it("checks that the IRSA role trusts every zonal ServiceAccount", () => {
    const s = zoned(withIdentity("irsa"), ZONES);
    const script = commandsOf(s).join("\n");
    expect(script).toContain("aws iam get-role --role-name BufstreamRole");
    expect(script).toContain(
      `for SUBJECT in ${ZONES.map((z) => `system:serviceaccount:bufstream:bufstream-service-account-${z}`).join(" ")}; do`,
    );
  });

  it("binds each zonal ServiceAccount to the Google service account", () => {
    const s = zoned(withIdentity("gke-workload-identity"), ["us-central1-a", "us-central1-b"]);
    const commands = commandsOf(s);
    expect(commands[0]).toBe('GKE_PROJECT="${GKE_PROJECT:-my-project}"');
    expect(commands.slice(1)).toEqual(
      ["us-central1-a", "us-central1-b"].map(
        (zone) =>
          `gcloud iam service-accounts add-iam-policy-binding bufstream-sa@my-project.iam.gserviceaccount.com --role roles/iam.workloadIdentityUser --member "serviceAccount:\${GKE_PROJECT}.svc.id.goog[bufstream/bufstream-service-account-${zone}]"`,
      ),
    );
  });

  it("federates the managed identity with each zonal ServiceAccount", () => {
    const s = zoned(withIdentity("azure-workload-identity"), ["eastus2-1", "eastus2-2"]);
    expect(commandsOf(s)).toEqual(
      ["eastus2-1", "eastus2-2"].map(
        (zone) =>
          `az identity federated-credential create --name bufstream-bufstream-service-account-${zone} --identity-name bufstream-id --resource-group rg-kafka --issuer "\${AKS_OIDC_ISSUER:?set AKS_OIDC_ISSUER to the AKS cluster OIDC issuer URL}" --subject system:serviceaccount:bufstream:bufstream-service-account-${zone} --audience api://AzureADTokenExchange`,
      ),
    );
  });

  it("binds the chart's default ServiceAccount when zones are off", () => {
    const script = commandsOf(withIdentity("azure-workload-identity")).join("\n");
    expect(script).toContain(
      "--subject system:serviceaccount:bufstream:bufstream-service-account ",
    );
  });

  it("quotes user values that are not plain words", () => {
    const s = withIdentity("azure-workload-identity");
    s.identity.azureResourceGroup = "rg (kafka)";
    expect(commandsOf(s).join("\n")).toContain("--resource-group 'rg (kafka)'");
  });
});

describe("name helpers", () => {
  it("takes the role name from the last segment of the ARN path", () => {
    expect(roleNameFromArn("arn:aws:iam::123456789012:role/BufstreamRole")).toBe("BufstreamRole");
    expect(roleNameFromArn("arn:aws-us-gov:iam::123456789012:role/a/b/Role-1")).toBe("Role-1");
  });

  it("takes the project from a Google service account email", () => {
    expect(projectFromServiceAccount("sa-name@proj-123.iam.gserviceaccount.com")).toBe("proj-123");
  });
});
