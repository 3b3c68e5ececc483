// Bad input gets a clear error naming the line, and nothing is imported
// (issue 15). Also: what Helm reads differently from plain YAML 1.2.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importValues } from "./import-values";
import { MAX_VALUES_BYTES, formatInputError, parseValuesSources } from "./parse-values";

const one = (text: string, name = "values.yaml") => parseValuesSources([{ name, text }]);

function errorsOf(text: string): string[] {
  const result = one(text);
  if (result.ok) throw new Error("expected the values to be refused");
  return result.errors.map(formatInputError);
}

describe("refused input, with a plain message naming the line", () => {
  it("text that is not YAML", () => {
    expect(errorsOf("kafka:\n  publicAddress: [a, b\nbufstream: {}\n")).toEqual([
      expect.stringMatching(/^values\.yaml:\d+: This is not valid YAML: /),
    ]);
    expect(errorsOf("a: 'unterminated\n")[0]).toMatch(/^values\.yaml:\d: This is not valid YAML/);
  });

  it("a Kubernetes manifest instead of values", () => {
    const manifest = "# a Service\napiVersion: v1\nkind: Service\nmetadata:\n  name: bufstream\n";
    expect(errorsOf(manifest)).toEqual([
      "values.yaml:2: This is a Kubernetes manifest (kind Service), not Helm values. To see the values a release runs with: helm get values <release> -n <namespace> -o yaml",
    ]);
    // kubectl get -o yaml of several objects, or a multi-document manifest file
    expect(errorsOf("apiVersion: v1\nkind: List\nitems: []\n")[0]).toMatch(/kind List/);
    expect(errorsOf("cluster: a\n---\napiVersion: apps/v1\nkind: StatefulSet\n")[0]).toMatch(
      /^values\.yaml:3: This is a Kubernetes manifest \(kind StatefulSet\)/,
    );
  });

  it("a multi-document file", () => {
    expect(errorsOf("cluster: a\n---\ncluster: b\n")).toEqual([
      "values.yaml:3: This file holds 2 YAML documents (the second starts at line 3). A values file is one document, and Helm reads only the first. Put each in a file of its own and give them in layering order.",
    ]);
  });

  it("a leading --- and a trailing empty document are fine", () => {
    expect(one("---\ncluster: a\n---\n").ok).toBe(true);
  });

  it("a 5 MB file, refused before it is parsed", () => {
    const big = `cluster: a\nconfigOverrides:\n${"  k: v\n".repeat((5 * 1024 * 1024) / 7)}`;
    expect(big.length).toBeGreaterThan(MAX_VALUES_BYTES);
    expect(errorsOf(big)).toEqual([
      "values.yaml: 5.0 MB is far more than a Helm values file (a few KB): is this the right file? The wizard reads values files up to 1.0 MB.",
    ]);
  });

  it("an alias bomb (anchors that multiply), without hanging", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
    ].join("\n");
    expect(errorsOf(bomb)[0]).toMatch(/^values\.yaml:2: More than 100 aliases/);
    // Few aliases of a large anchor: the expanded size is what counts.
    const wide = `big: &big {${Array.from({ length: 3000 }, (_, i) => `k${i}: v`).join(", ")}}\n${Array.from({ length: 40 }, (_, i) => `c${i}: *big`).join("\n")}\n`;
    expect(errorsOf(wide)[0]).toMatch(/expand to more than 100000 entries.*alias bomb/);
  });

  it("anchors and aliases within bounds are expanded, as Helm does, and said", () => {
    const result = importValues([
      {
        name: "values.yaml",
        text: "defaults: &pin\n  replicaCount: 2\nbufstream:\n  deployment: *pin\n",
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imported.read.scenario.replicas).toBe(2);
    expect(result.imported.keys.findings.map((f) => [f.id, f.line])).toContainEqual([
      "values-aliases-expanded",
      4,
    ]);
  });

  it("tags Helm does not read as plain values", () => {
    expect(
      errorsOf("cluster: a\nkafka:\n  publicAddress:\n    host: !vault secret/kafka-host\n"),
    ).toEqual([
      "values.yaml:4: The tag !vault is not a plain value: Helm cannot read it as the text shows. Remove the tag.",
    ]);
    expect(errorsOf("cert: !!binary aGVsbG8=\n")[0]).toMatch(/^values\.yaml:1: The tag !!binary/);
    // Standard tags are plain values.
    expect(
      one("cluster: !!str prod\nbufstream:\n  deployment:\n    replicaCount: !!int 3\n").ok,
    ).toBe(true);
  });

  it("duplicate keys, with both lines", () => {
    expect(
      errorsOf("kafka:\n  publicAddress:\n    host: a.example.net\nkafka:\n  numPartitions: 3\n"),
    ).toEqual([
      "values.yaml:4: The key kafka appears twice, at lines 1 and 4. Helm silently uses only the one at line 4; keep one.",
    ]);
  });

  it("a values file for another chart", () => {
    expect(
      errorsOf(
        "replicaCount: 1\nimage:\n  repository: nginx\nservice:\n  type: ClusterIP\ningress:\n  enabled: false\n",
      ),
    ).toEqual([
      "values.yaml:1: These are not values for the Bufstream chart: none of its keys (kafka, bufstream, storage, metadata, cluster, ...) appear. The top-level keys are replicaCount, image, service, ingress.",
    ]);
    // Bitnami etcd's values
    expect(errorsOf("auth:\n  rbac:\n    create: false\npersistence:\n  size: 8Gi\n")[0]).toMatch(
      /not values for the Bufstream chart/,
    );
  });

  it("an umbrella chart's values with Bufstream as a subchart", () => {
    expect(
      errorsOf(
        "global: {}\nbufstream:\n  kafka:\n    publicAddress:\n      host: x\n  storage:\n    use: s3\n",
      ),
    ).toEqual([
      "values.yaml:2: These look like the values of a chart that includes Bufstream as its subchart bufstream: the Bufstream keys (kafka, storage) sit under bufstream:. Give the part under bufstream: on its own, or the values of the Bufstream release itself.",
    ]);
  });

  it("a list or a single value at the top", () => {
    expect(errorsOf("- a\n- b\n")[0]).toMatch(
      /^values\.yaml:1: Helm values are a map of keys at the top, but this holds a list/,
    );
    expect(errorsOf("just text\n")[0]).toMatch(/holds a single value/);
  });

  it("binary data", () => {
    expect(errorsOf("cluster: a\u0000\u0001")[0]).toMatch(/not a text file/);
  });

  it("keys that could reach a JavaScript object's prototype", () => {
    expect(errorsOf("cluster: a\n__proto__:\n  polluted: true\n")[0]).toMatch(
      /^values\.yaml:2: The key __proto__ is not allowed/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("every file of a set is checked, and no file of the set is imported when one is refused", () => {
    const result = importValues([
      { name: "shared.yaml", text: "cluster: a\n" },
      { name: "zone-a.yaml", text: "apiVersion: v1\nkind: Secret\n" },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.source)).toEqual(["zone-a.yaml"]);
  });

  it("no files, and too many files", () => {
    expect(parseValuesSources([]).ok).toBe(false);
    const many = Array.from({ length: 13 }, (_, i) => ({
      name: `${i}.yaml`,
      text: "cluster: a\n",
    }));
    const result = parseValuesSources(many);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/13 files is more than a release needs/),
    ]);
  });

  it("never throws, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = importValues([{ name: "any.yaml", text }]);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = importValues([{ name: "any.json", text: JSON.stringify(value) }]);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });
});

describe("read as Helm reads it", () => {
  it("the output of helm get values, heading included", () => {
    const result = importValues([
      {
        name: "standard input",
        text: "USER-SUPPLIED VALUES:\nbufstream:\n  deployment:\n    replicaCount: 6\n",
      },
    ]);
    expect(result.ok && result.imported.read.scenario.replicas).toBe(6);
    expect(result.ok && result.imported.keys.findings.map((f) => f.id)).toEqual(["values-note"]);
  });

  it("a release without values (helm get values prints null)", () => {
    const result = importValues([{ name: "standard input", text: "null\n" }]);
    expect(result.ok && result.imported.read.scenario.exposure).toBe("cluster-ip");
  });

  it("YAML 1.1 booleans and octals, as go-yaml reads them; dates stay text", () => {
    const result = one(
      "bufstream:\n  service:\n    enabled: no\nkafka:\n  idleTimeout: 0755\n  groupConsumerSessionTimeout: 2024-01-01\n",
    );
    expect(result.ok && result.documents[0]?.values).toEqual({
      bufstream: { service: { enabled: false } },
      kafka: { idleTimeout: 493, groupConsumerSessionTimeout: "2024-01-01" },
    });
  });

  it("merge keys (<<) like go-yaml: explicit keys win", () => {
    const result = one(
      "base: &base\n  replicaCount: 2\n  kind: StatefulSet\nbufstream:\n  deployment:\n    <<: *base\n    replicaCount: 4\n",
    );
    expect(result.ok && result.documents[0]?.values.bufstream).toEqual({
      deployment: { replicaCount: 4, kind: "StatefulSet" },
    });
  });

  it("JSON is YAML", () => {
    expect(one('{"cluster": "prod", "bufstream": {"deployment": {"replicaCount": 6}}}').ok).toBe(
      true,
    );
  });
});
