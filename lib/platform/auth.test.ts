import { parse } from "shell-quote";
import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import { MTLS_PRINCIPAL_SOURCES, SASL_MECHANISMS, type Scenario } from "../scenario/schema";
import { buildAuthSteps, buildAuthValues } from "./auth";
import { scenarioWith } from "./testing/scenarios";

const withAuth = (edit: (a: Scenario["auth"]) => void) => scenarioWith((s) => edit(s.auth));

describe("buildAuthValues", () => {
  it("writes nothing without authentication", () => {
    expect(buildAuthValues(scenarioWith(() => {}))).toEqual({});
  });

  it("names the SASL/PLAIN credentials secret", () => {
    expect(buildAuthValues(withAuth((a) => (a.sasl = "plain")))).toEqual({
      kafka: {
        authentication: { sasl: { plain: { credentialsSecrets: ["bufstream-sasl-plain"] } } },
      },
    });
  });

  it("names the SCRAM admin secret and hash", () => {
    const s = withAuth((a) => {
      a.sasl = "scram";
      a.scramHash = "SHA256";
    });
    expect(buildAuthValues(s)).toEqual({
      kafka: {
        authentication: {
          sasl: {
            scram: {
              adminCredentials: {
                hash: "SHA256",
                plaintextCredentialsSecret: "bufstream-scram-admin",
              },
            },
          },
        },
      },
    });
  });

  it("points OAUTHBEARER at the JWKS URL ConfigMap, with audience and issuer under jwks (the Helm values reference)", () => {
    const s = withAuth((a) => {
      a.sasl = "oauthbearer";
      a.oauthJwksUrl = "https://idp.example.com/.well-known/jwks.json";
      a.oauthAudience = "kafka";
      a.oauthIssuer = "https://idp.example.com/";
    });
    expect(buildAuthValues(s)).toEqual({
      kafka: {
        authentication: {
          sasl: {
            oauthBearer: {
              jwks: {
                remote: { urlConfig: "bufstream-oauth-jwks" },
                audience: "kafka",
                issuer: "https://idp.example.com/",
              },
            },
          },
        },
      },
    });
  });

  it("sets the mTLS principal source beside SASL", () => {
    const s = withAuth((a) => {
      a.sasl = "plain";
      a.mtlsPrincipal = "SUBJECT_COMMON_NAME";
    });
    expect(buildAuthValues(s)).toMatchObject({
      kafka: { authentication: { mtls: { principalSource: "SUBJECT_COMMON_NAME" } } },
    });
  });

  it("uses only documented chart keys for every mechanism and principal source", () => {
    for (const sasl of SASL_MECHANISMS) {
      for (const mtlsPrincipal of MTLS_PRINCIPAL_SOURCES) {
        const s = withAuth((a) => {
          a.sasl = sasl;
          a.mtlsPrincipal = mtlsPrincipal;
          a.oauthAudience = "aud";
          a.oauthIssuer = "iss";
        });
        expect(undocumentedKeys(buildAuthValues(s)), `${sasl}/${mtlsPrincipal}`).toEqual([]);
      }
    }
  });
});

describe("buildAuthSteps", () => {
  const script = (s: Scenario) =>
    buildAuthSteps(s)
      .flatMap((step) => step.commands)
      .join("\n");

  it("creates the PLAIN secret with username and password from the environment", () => {
    expect(script(withAuth((a) => (a.sasl = "plain")))).toContain(
      'kubectl create secret generic bufstream-sasl-plain --namespace bufstream --from-literal=username="${BUFSTREAM_SASL_PLAIN_USERNAME}" --from-literal=password="${BUFSTREAM_SASL_PLAIN_PASSWORD}"',
    );
  });

  it("creates the SCRAM admin secret with keys username and plaintext", () => {
    expect(script(withAuth((a) => (a.sasl = "scram")))).toContain(
      '--from-literal=username="${BUFSTREAM_SCRAM_ADMIN_USERNAME}" --from-literal=plaintext="${BUFSTREAM_SCRAM_ADMIN_PASSWORD}"',
    );
  });

  it("creates the JWKS ConfigMap with key url, the URL shell-quoted", () => {
    const url = "https://idp.example.com/jwks?tenant=a&x=$(id)";
    const s = withAuth((a) => {
      a.sasl = "oauthbearer";
      a.oauthJwksUrl = url;
    });
    const [line] = buildAuthSteps(s)[0]?.commands ?? [];
    const words = parse(line ?? "");
    expect(words.slice(0, 6)).toEqual([
      "kubectl",
      "create",
      "configmap",
      "bufstream-oauth-jwks",
      "--namespace",
      "bufstream",
    ]);
    expect(words[6]).toBe(`--from-literal=url=${url}`);
  });

  it("has no step without SASL", () => {
    expect(buildAuthSteps(withAuth((a) => (a.mtlsPrincipal = "ANONYMOUS")))).toEqual([]);
  });
});
