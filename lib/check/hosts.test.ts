import { describe, expect, it } from "vitest";
import { hostPort, isClusterDnsName, isPlaceholderHost } from "./hosts";

describe("isPlaceholderHost", () => {
  it.each([
    "example.com",
    "kafka.example.com",
    "lb.example.org",
    "kafka.example.co.uk",
    "example",
    "localhost",
    "kafka.localhost",
    "127.0.0.1",
    "127.1.2.3",
    "0.0.0.0",
    "::1",
    "lb.local",
    "kafka.test",
    "kafka.invalid",
    "load-balancer",
  ])("%s is a placeholder", (host) => {
    expect(isPlaceholderHost(host)).toBe(true);
  });

  it.each([
    "",
    "kafka.internal.acme.io",
    "examples.io",
    "my-example.com",
    "k8s-bufstrea-1234567890.elb.us-east-1.amazonaws.com",
    "10.0.0.7",
    "fd00::10",
  ])("%s is not", (host) => {
    expect(isPlaceholderHost(host)).toBe(false);
  });
});

describe("isClusterDnsName", () => {
  it.each([
    ["bufstream.bufstream.svc.cluster.local", true],
    ["Bufstream.bufstream.svc.cluster.local.", true],
    ["bufstream.bufstream.svc", true],
    ["kafka.internal.acme.io", false],
    ["10.0.0.7", false],
  ] as const)("%s -> %s", (host, expected) => {
    expect(isClusterDnsName(host)).toBe(expected);
  });
});

describe("hostPort", () => {
  it("brackets IPv6 literals only", () => {
    expect(hostPort("fd00::10", 9092)).toBe("[fd00::10]:9092");
    expect(hostPort("10.0.0.7", 9092)).toBe("10.0.0.7:9092");
    expect(hostPort("kafka.acme.io", 19092)).toBe("kafka.acme.io:19092");
  });
});
