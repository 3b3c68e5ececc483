import { describe, expect, it } from "vitest";
import { createFieldReach } from "./field-reach";

describe("createFieldReach", () => {
  it("marks fields reached one by one, reveals all, and clears", () => {
    const reach = createFieldReach();
    let notified = 0;
    reach.subscribe(() => (notified += 1));
    expect(reach.isReached("loadBalancer.host")).toBe(false);
    reach.markReached("loadBalancer.host");
    reach.markReached("loadBalancer.host");
    expect(reach.isReached("loadBalancer.host")).toBe(true);
    expect(reach.isReached("release.name")).toBe(false);
    reach.revealAll();
    expect(reach.isReached("release.name")).toBe(true);
    reach.clear();
    expect(reach.isReached("loadBalancer.host")).toBe(false);
    expect(notified).toBe(3);
  });
});
