import {
  addTo,
  RELATIONS,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { EntityLookup, LinkCollector, LinkRule } from './types';
import { gcpField, specString } from '../graph/specs';

const MANAGED_ZONE = 'dns.googleapis.com/ManagedZone';

/** `k8s.io.` → `k8s-io`: the name sig-k8s-infra gives the Cloud DNS zone of a domain. */
export const cloudDnsZoneName = (dnsName: string) =>
  dnsName.replace(/\.$/, '').replace(/\./g, '-').toLowerCase();

/**
 * A zone declared in octoDNS configs runs on the Cloud DNS managed zone named after it. Cloud
 * Asset Inventory does not return a zone's DNS name, only its zone name, so the link follows
 * the naming convention and says so.
 */
export const dnsZoneRule: LinkRule = {
  name: 'cloud-dns-zone-named-after-domain',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const zones = lookup.ofKind('resource', RESOURCE_TYPES.dnsZone);
    const observedByName = new Map<string, string[]>();
    for (const zone of zones) {
      if (gcpField(zone, 'assetType') !== MANAGED_ZONE) continue;
      const name = (zone.metadata.title ?? zone.metadata.name).toLowerCase();
      addTo(observedByName, name, refOf(zone));
    }
    for (const zone of zones) {
      const dnsName = specString(zone, 'dnsName');
      if (!dnsName) continue;
      const wanted = cloudDnsZoneName(dnsName);
      collector.match({
        source: refOf(zone),
        wanted: `Cloud DNS zone ${wanted}`,
        candidates: observedByName.get(wanted) ?? [],
        type: RELATIONS.runsOn,
        detail: () =>
          `the Cloud DNS zone named ${wanted} serves ${dnsName} (dots become dashes)`,
      });
    }
    return collector;
  },
};
