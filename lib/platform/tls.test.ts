import { describe, expect, it } from "vitest";
import { undocumentedKeys } from "../scenario/chart-keys";
import { TLS_CLIENT_AUTH, type Scenario } from "../scenario/schema";
import { buildTopologyPlan } from "../topology/plan";
import { buildTlsSteps, buildTlsValues, tlsCoverage, tlsNamesToCover } from "./tls";
import { scenarioWith, zoned } from "./testing/scenarios";

const withTls = (edit: (s: Scenario) => void = () => {}) =>
  scenarioWith((s) => {
    s.tls.enabled = true;
    edit(s);
  });

describe("buildTlsValues", () => {
  it("writes nothing when TLS is off", () => {
    expect(buildTlsValues(scenarioWith(() => {}))).toEqual({});
  });

  it("lists the certificate secret and the client-auth mode", () => {
    expect(buildTlsValues(withTls())).toEqual({
      kafka: { tlsCertificateSecrets: ["bufstream-tls"], tlsClientAuth: "NO_CERT" },
    });
  });

  it("names the client CA secret for mTLS", () => {
    const s = withTls((d) => {
      d.tls.clientAuth = "REQUIRE_AND_VERIFY_CERT";
      d.tls.clientCasSecret = "client-ca";
    });
    expect(buildTlsValues(s)).toEqual({
      kafka: {
        tlsCertificateSecrets: ["bufstream-tls"],
        tlsClientAuth: "REQUIRE_AND_VERIFY_CERT",
        tlsClientCasSecret: "client-ca",
      },
    });
  });

  it("uses only documented chart keys for every client-auth mode", () => {
    for (const mode of TLS_CLIENT_AUTH) {
      const s = withTls((d) => {
        d.tls.clientAuth = mode;
        d.tls.clientCasSecret = "ca";
      });
      expect(undocumentedKeys(buildTlsValues(s)), mode).toEqual([]);
    }
  });
});

describe("buildTlsSteps", () => {
  it("creates the TLS secret from the certificate and key files named in the environment", () => {
    const script = buildTlsSteps(withTls())
      .flatMap((step) => step.commands)
      .join("\n");
    expect(script).toContain(
      'kubectl create secret tls bufstream-tls --namespace bufstream --cert="$(from_caller "${BUFSTREAM_TLS_CERT_FILE}")" --key="$(from_caller "${BUFSTREAM_TLS_KEY_FILE}")" --dry-run=client -o yaml | kubectl apply -f -',
    );
  });

  it("creates the client CA secret under key tls.crt", () => {
    const s = withTls((d) => {
      d.tls.clientAuth = "VERIFY_CERT_IF_GIVEN";
      d.tls.clientCasSecret = "client-ca";
    });
    const steps = buildTlsSteps(s);
    expect(steps).toHaveLength(2);
    expect(steps[1]?.commands.join("\n")).toContain(
      'kubectl create secret generic client-ca --namespace bufstream --from-file=tls.crt="$(from_caller "${BUFSTREAM_TLS_CLIENT_CA_FILE}")"',
    );
  });

  it("tells the reader which names the certificate must cover", () => {
    const [step] = buildTlsSteps(withTls());
    expect(step?.detail?.join("\n")).toContain(tlsNamesToCover(withTls()).join(", "));
  });

  it("has no step when TLS is off", () => {
    expect(buildTlsSteps(scenarioWith(() => {}))).toEqual([]);
  });
});

describe("tlsNamesToCover", () => {
  it("covers the in-cluster Service name and its short forms", () => {
    expect(tlsNamesToCover(withTls())).toEqual([
      "bufstream.bufstream.svc.cluster.local",
      "bufstream",
      "bufstream.bufstream",
      "bufstream.bufstream.svc",
    ]);
  });

  it("covers every zone's advertised host and the regional bootstrap Service", () => {
    const s = zoned(withTls(), ["us-east-1a", "us-east-1b"]);
    const names = tlsNamesToCover(s);
    for (const release of buildTopologyPlan(s).releases) {
      expect(names).toContain(release.advertised.host);
    }
    expect(names).toEqual([
      "bufstream-us-east-1a.bufstream.svc.cluster.local",
      "bufstream-us-east-1b.bufstream.svc.cluster.local",
      "bufstream.bufstream.svc.cluster.local",
      "bufstream",
      "bufstream.bufstream",
      "bufstream.bufstream.svc",
    ]);
  });

  it("covers the load balancer's DNS name or IP, once", () => {
    const s = withTls((d) => {
      d.clients = "both";
      d.exposure = "load-balancer";
      d.loadBalancer.host = "kafka.example.com";
    });
    expect(tlsNamesToCover(s)).toEqual(["kafka.example.com"]);
    const ip = withTls((d) => {
      d.exposure = "load-balancer";
      d.loadBalancer.host = "10.0.0.100";
    });
    expect(tlsNamesToCover(ip)).toEqual(["10.0.0.100"]);
  });

  it("covers each zone's load balancer and the bootstrap name that spans them", () => {
    const s = zoned(
      withTls((d) => {
        d.clients = "outside-cluster";
        d.exposure = "load-balancer";
        d.zones.hosts = { a1: "a1.kafka.example.com", b1: "b1.kafka.example.com" };
        d.zones.bootstrapHost = "kafka.example.com";
      }),
      ["a1", "b1"],
    );
    expect(tlsNamesToCover(s)).toEqual([
      "a1.kafka.example.com",
      "b1.kafka.example.com",
      "kafka.example.com",
    ]);
  });

  it("lists addresses known only after install as pending, never as names", () => {
    const s = withTls((d) => {
      d.exposure = "load-balancer";
      d.loadBalancer.hostSource = "after-install";
    });
    expect(tlsCoverage(s)).toEqual({
      names: [],
      pending: ["load balancer address (after install)"],
    });
  });

  it("covers the headless Service name that every broker advertises", () => {
    const s = withTls((d) => (d.exposure = "headless"));
    expect(tlsNamesToCover(s)).toEqual([
      "bufstream-headless.bufstream.svc.cluster.local",
      "bufstream-headless",
      "bufstream-headless.bufstream",
      "bufstream-headless.bufstream.svc",
    ]);
  });
});
