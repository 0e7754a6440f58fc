import { Entity } from '@backstage/catalog-model';
import {
  addTo,
  ANNOTATIONS,
  conditionStatus,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { EntityLookup, LinkCollector, LinkRule } from './types';
import { grantsOf } from '../graph/specs';

/** `serviceAccount:PROJECT.svc.id.goog[NAMESPACE/KSA]`: a Workload Identity member. */
const WORKLOAD_IDENTITY_MEMBER =
  /^serviceAccount:([a-z0-9.:-]+)\.svc\.id\.goog\[([^/\]]+)\/([^\]]+)\]$/;

export type WorkloadIdentityMember = {
  poolProject: string;
  namespace: string;
  serviceAccount: string;
};

export function parseWorkloadIdentityMember(
  member: string,
): WorkloadIdentityMember | undefined {
  const match = member.match(WORKLOAD_IDENTITY_MEMBER);
  return match
    ? { poolProject: match[1], namespace: match[2], serviceAccount: match[3] }
    : undefined;
}

/**
 * A GCP service account that grants `roles/iam.workloadIdentityUser` to
 * `PROJECT.svc.id.goog[NS/KSA]` is used by namespace NS on a cluster of PROJECT. The grant
 * names the project and the namespace but not the cluster, so the namespace is looked up among
 * all clusters of that project; two clusters with that namespace are reported, not guessed.
 */
export const workloadIdentityRule: LinkRule = {
  name: 'workload-identity-binding',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const namespaces = new Map<string, Entity[]>();
    for (const ns of lookup.ofKind(
      'resource',
      RESOURCE_TYPES.kubernetesNamespace,
    )) {
      const project = ns.metadata.annotations?.[ANNOTATIONS.gcpProjectId];
      const key = `${project}/${ns.metadata.title ?? ns.metadata.name}`;
      addTo(namespaces, key, ns);
    }
    const projects = new Set(
      lookup
        .ofKind('resource', RESOURCE_TYPES.gcpProject)
        .map(p => p.metadata.annotations?.[ANNOTATIONS.gcpProjectId]),
    );
    for (const account of lookup.ofKind(
      'resource',
      RESOURCE_TYPES.gcpServiceAccount,
    )) {
      for (const grant of grantsOf(account)) {
        const wi = grant.member && parseWorkloadIdentityMember(grant.member);
        // An expired binding trusts nobody any more: no dependency to draw.
        if (
          !wi ||
          (grant.condition && conditionStatus(grant.condition) === 'expired')
        )
          continue;
        const wanted = `namespace ${wi.namespace} (Kubernetes service account ${wi.serviceAccount}) on a cluster of ${wi.poolProject}`;
        if (!projects.has(wi.poolProject)) {
          // Clusters of a project the inventory does not crawl: nothing to find, nothing wrong.
          collector.missing(refOf(account), wanted, true);
          continue;
        }
        const key = `${wi.poolProject}/${wi.namespace}`;
        collector.match({
          source: refOf(account),
          wanted,
          candidates: (namespaces.get(key) ?? []).map(refOf),
          // The namespace depends on the account it acts as.
          type: 'dependsOn',
          reversed: true,
          detail: () =>
            `${grant.member} holds ${grant.role} on ${
              account.metadata.title ?? account.metadata.name
            }`,
        });
      }
    }
    return collector;
  },
};
