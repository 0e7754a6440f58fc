import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RESOURCE_TYPES,
  gcpAddressEntityName,
} from '@infra-atlas/inventory-common';
import { isIP } from 'node:net';
import { refOf } from '../graph/InventoryGraph';
import { EntityLookup, LinkCollector, LinkRule } from './types';

/** What an entity's `infra-atlas.io/static-ips` lists: global address names and IPs. */
export const staticIpsOf = (entity: Entity | undefined): string[] =>
  (entity?.metadata.annotations?.[ANNOTATIONS.staticIps] ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);

/**
 * The global address a static IP name stands for: GKE looks the Ingress annotation up among
 * the global addresses of the cluster's project. Undefined for an IP literal (nothing to look
 * up by) and for an entity that says no project.
 */
export function staticIpAddressRef(
  entity: Entity,
  name: string,
): string | undefined {
  const project = entity.metadata.annotations?.[ANNOTATIONS.gcpProjectId];
  return project && !isIP(name)
    ? `resource:default/${gcpAddressEntityName(project, 'global', name)}`
    : undefined;
}

/**
 * An app depends on the address behind each static IP name its Ingresses give, when the GCP
 * inventory has it. Without any address in the catalog (the GCP provider does not crawl
 * them), a name has nothing to meet and nothing is reported.
 */
export const staticIpRule: LinkRule = {
  name: 'static-ip-name',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const crawled =
      lookup.ofKind('resource', RESOURCE_TYPES.gcpAddress).length > 0;
    for (const entity of lookup.ofKind('component')) {
      for (const name of staticIpsOf(entity)) {
        const ref = staticIpAddressRef(entity, name);
        if (!ref) continue;
        collector.match({
          source: refOf(entity),
          wanted: `global address ${name} in project ${
            entity.metadata.annotations?.[ANNOTATIONS.gcpProjectId]
          }`,
          candidates: lookup.entity(ref) ? [ref] : [],
          type: RELATION_DEPENDS_ON,
          detail: () => `its Ingress names the static IP ${name}`,
          reportMissing: crawled,
        });
      }
    }
    return collector;
  },
};
