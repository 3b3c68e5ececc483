// Provider settings for the chart's Service when it is a LoadBalancer
// (domain reference section 4). Exactly the annotations Buf's guides and
// Terraform use; anything beyond them is marked and explained.
import type { LbProvider, LbScheme } from "../scenario/schema";

const AWS = "service.beta.kubernetes.io/aws-load-balancer-";

export const LB_ANNOTATION = {
  awsType: `${AWS}type`,
  awsTargetType: `${AWS}nlb-target-type`,
  awsScheme: `${AWS}scheme`,
  /** Per-zone NLBs only (domain 4 [inferred]): keep each NLB's traffic in its zone. */
  awsAttributes: `${AWS}attributes`,
  awsSubnets: `${AWS}subnets`,
  gkeType: "networking.gke.io/load-balancer-type",
  azureInternal: "service.beta.kubernetes.io/azure-load-balancer-internal",
  azureIpv4: "service.beta.kubernetes.io/azure-load-balancer-ipv4",
  /** Kubernetes' generic source-ranges annotation (comma-separated CIDRs); see SCENARIO_SERVICE_ANNOTATIONS. */
  sourceRanges: "service.beta.kubernetes.io/load-balancer-source-ranges",
} as const;

/**
 * How the load balancer's source ranges reach it (issue 16). The chart has no
 * key for `spec.loadBalancerSourceRanges` (domain 1.1: `bufstream.service`
 * has enabled, type, annotations and loadBalancerIP only), so:
 * - "annotation": `service.beta.kubernetes.io/load-balancer-source-ranges`
 *   under `bufstream.service.annotations` (a documented key), for the
 *   controllers that document reading it: the AWS Load Balancer Controller
 *   (its Service annotation table lists it) and AKS's cloud-provider-azure
 *   (its SourceRanges reads the spec field and this annotation). It lives in
 *   the values, so it is committed and survives every upgrade.
 * - "patch": `kubectl patch` of `spec.loadBalancerSourceRanges` after the
 *   release, for GKE (whose LoadBalancer docs name the spec field; whether
 *   every GKE load balancer controller reads the annotation could not be
 *   confirmed) and other controllers (kube-proxy enforces the spec field for
 *   load-balancer IPs; MetalLB and others read no annotation). Helm leaves a
 *   field its templates do not set alone on upgrade, and install.sh patches
 *   again on every run.
 */
export type SourceRangesVia = "annotation" | "patch";

export function sourceRangesVia(provider: LbProvider): SourceRangesVia {
  return provider === "aws" || provider === "azure" ? "annotation" : "patch";
}

/** NLB cross-zone load balancing off: a zone's NLB only reaches that zone's brokers. */
export const AWS_CROSS_ZONE_OFF = "load_balancing.cross_zone.enabled=false";

/** The annotations every load balancer of this provider and scheme carries. */
export function providerAnnotations(
  provider: LbProvider,
  scheme: LbScheme,
): Record<string, string> {
  switch (provider) {
    case "aws":
      // `type: external` hands the Service to the AWS Load Balancer Controller;
      // the scheme is always written because the LBC default (internal since
      // v2.2.0) differs from the legacy in-tree controller's.
      return {
        [LB_ANNOTATION.awsType]: "external",
        [LB_ANNOTATION.awsTargetType]: "ip",
        [LB_ANNOTATION.awsScheme]: scheme,
      };
    case "gcp":
      // Without the annotation GKE makes an external load balancer.
      return scheme === "internal" ? { [LB_ANNOTATION.gkeType]: "Internal" } : {};
    case "azure":
      // Without the annotation AKS makes a public load balancer.
      return scheme === "internal" ? { [LB_ANNOTATION.azureInternal]: "true" } : {};
    case "other":
      return {};
  }
}

export interface StaticIpSettings {
  annotations: Record<string, string>;
  /** `bufstream.service.loadBalancerIP`, or null to leave it unset. */
  loadBalancerIP: string | null;
}

/**
 * How a reserved IP is given to the load balancer. GKE: `loadBalancerIP`
 * (Buf's GCP Terraform; the field still works there, gotcha 12). AKS: the
 * `azure-load-balancer-ipv4` annotation (the field is deprecated on AKS).
 * Other providers: the generic `loadBalancerIP` field, which most bare-metal
 * and cloud controllers still honour. AWS: nothing; an NLB through the AWS LB
 * Controller takes its addresses from its subnets, and the domain reference
 * documents no static-IP setting for it.
 */
export function staticIpSettings(provider: LbProvider, ip: string): StaticIpSettings {
  if (ip === "") return { annotations: {}, loadBalancerIP: null };
  switch (provider) {
    case "gcp":
    case "other":
      return { annotations: {}, loadBalancerIP: ip };
    case "azure":
      return { annotations: { [LB_ANNOTATION.azureIpv4]: ip }, loadBalancerIP: null };
    case "aws":
      return { annotations: {}, loadBalancerIP: null };
  }
}
