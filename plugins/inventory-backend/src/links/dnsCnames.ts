import { Entity } from '@backstage/catalog-model';
import {
  addTo,
  RELATIONS,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { EntityLookup, LinkCollector, LinkRule } from './types';
import { specString } from '../graph/specs';

type RecordSpec = { fqdn?: string; recordType?: string; values?: unknown[] };

const fqdnKey = (name: string) => name.toLowerCase().replace(/\.?$/, '.');

/**
 * A CNAME (or ALIAS) record is served by whatever serves the name it points at, which can be
 * declared in another zone file. Targets outside the declared zones (netlify.app,
 * ghs.googlehosted.com…) are not ours to find, so only a missing target inside a declared zone
 * is reported.
 */
export const dnsCnameRule: LinkRule = {
  name: 'dns-cname-target',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const records = lookup.ofKind('resource', RESOURCE_TYPES.dnsRecord);
    const byFqdn = new Map<string, Entity[]>();
    for (const record of records) {
      const fqdn = specString(record, 'fqdn');
      if (fqdn) addTo(byFqdn, fqdnKey(fqdn), record);
    }
    const zoneNames = lookup
      .ofKind('resource', RESOURCE_TYPES.dnsZone)
      .map(z => specString(z, 'dnsName'))
      .filter((n): n is string => !!n)
      .map(fqdnKey);
    const insideDeclaredZone = (name: string) =>
      zoneNames.some(zone => name === zone || name.endsWith(`.${zone}`));

    for (const record of records) {
      const spec = record.spec as RecordSpec;
      if (spec.recordType !== 'CNAME' && spec.recordType !== 'ALIAS') continue;
      for (const value of spec.values ?? []) {
        if (typeof value !== 'string') continue;
        const target = fqdnKey(value);
        // A name resolves to all of its record sets (A and AAAA alike): one name, no guess.
        const targets = byFqdn.get(target) ?? [];
        for (const t of targets) {
          collector.link(
            refOf(record),
            RELATIONS.servedBy,
            refOf(t),
            `${spec.fqdn} is a ${spec.recordType} for ${target}`,
          );
        }
        if (!targets.length && insideDeclaredZone(target)) {
          collector.missing(refOf(record), `records of ${target}`);
        }
      }
    }
    return collector;
  },
};
