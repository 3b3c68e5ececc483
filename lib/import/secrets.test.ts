import { describe, expect, it } from "vitest";
import { displayPath } from "./paths";
import { MASK, findSecretPaths, isSecretKey, isSecretValue, maskSecrets } from "./secrets";

describe("secret-looking values", () => {
  it.each([
    ["password", "hunter2"],
    ["DB_PASSWORD", "x"],
    ["apiKey", "abc"],
    ["client_secret", "abc"],
    ["secret", "abc"],
    ["token", "abc"],
    ["dsn", "anything"],
    ["secretAccessKey", "wJalrXUtnFEMI"],
    ["AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"],
  ])("the key %s holds a secret", (key, value) => {
    expect(isSecretKey(key, value)).toBe(true);
  });

  it.each([
    ["secretName", "bufstream-storage"],
    ["tlsClientCasSecret", "client-ca"],
    ["plaintextCredentialsSecret", "bufstream-scram-admin"],
    ["accessKeyId", "AKIAIOSFODNN7EXAMPLE"],
    ["tokenUrl", "https://idp.example.net/token"],
    ["passwordFile", "/etc/secret/pw"],
    ["key", "topology.kubernetes.io/zone"],
    ["host", "db.internal"],
  ])("the key %s names or points at a secret, or is no secret", (key, value) => {
    expect(isSecretKey(key, value)).toBe(false);
  });

  it.each([
    "postgresql://bufstream:pw@db:5432/bufstream",
    "host=db user=bufstream password=pw",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIB...",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
  ])("a value shaped like a secret: %s", (value) => {
    expect(isSecretValue(value)).toBe(true);
  });

  it("an IAM DSN without a password is no secret", () => {
    expect(isSecretValue("user=sa@project.iam database=bufstream")).toBe(false);
  });

  it("finds secrets in env lists, Secrets and free-form maps, and nothing else", () => {
    const values = {
      metadata: { postgres: { dsn: "postgres://u:p@h/db", secretName: "bufstream-postgres" } },
      bufstream: {
        deployment: {
          extraEnv: [
            { name: "ADMIN_TOKEN", value: "t0k" },
            { name: "LOG_LEVEL", value: "debug" },
          ],
        },
        serviceAccount: { annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/r" } },
      },
      extraObjects: [
        { apiVersion: "v1", kind: "Secret", data: { anything: "YWJj" }, metadata: { name: "s" } },
      ],
      configOverrides: { auth: { clientSecret: "s3cr3t" } },
    };
    expect(findSecretPaths(values).map(displayPath)).toEqual([
      "metadata.postgres.dsn",
      "bufstream.deployment.extraEnv[0].value",
      "extraObjects[0].data.anything",
      "configOverrides.auth.clientSecret",
    ]);
    const { masked } = maskSecrets(values);
    expect(JSON.stringify(masked)).not.toMatch(/t0k|s3cr3t|YWJj|u:p@/);
    expect(JSON.stringify(masked)).toContain(MASK);
    expect(JSON.stringify(masked)).toContain("debug");
  });
});
