import { Entity } from '@backstage/catalog-model';
import {
  addTo,
  RELATIONS,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { refOf } from '../graph/InventoryGraph';
import { specString } from '../graph/specs';
import { EntityLookup, LinkCollector, LinkRule } from './types';

type RecordSpec = {
  recordType?: string;
  values?: unknown[];
  servedBy?: unknown;
};

const ADDRESS_TYPES = new Set(['A', 'AAAA']);

const addressesOf = (record: Entity) =>
  ((record.spec as RecordSpec).values ?? [])
    .filter((v): v is string => typeof v === 'string')
    .sort();

/** Record type and addresses: two record sets with the same key point at the same place. */
const addressKey = (record: Entity) =>
  `${(record.spec as RecordSpec).recordType} ${addressesOf(record).join(' ')}`;

/** The apps the provider says serve a record (its own hostname match), as one key. */
const servingApps = (record: Entity): string => {
  const served = (record.spec as RecordSpec).servedBy;
  return (Array.isArray(served) ? served.map(String) : []).sort().join(' ');
};

/**
 * An A or AAAA record with exactly the addresses of a record an app serves reaches that app
 * too: a canary or vanity name often repeats the production name's address instead of being a
 * CNAME (`gcsweb.canary.k8s.io A 35.190.8.208`, the address of `gcsweb.k8s.io`). An address
 * that records of different apps share (one load balancer for many hosts) says nothing about
 * which app a name reaches, so it is reported as ambiguous, never guessed.
 */
export const dnsSharedAddressRule: LinkRule = {
  name: 'dns-shared-address',
  resolve(lookup: EntityLookup) {
    const collector = new LinkCollector(this.name);
    const addressRecords = lookup
      .ofKind('resource', RESOURCE_TYPES.dnsRecord)
      .filter(r => ADDRESS_TYPES.has(String((r.spec as RecordSpec).recordType)))
      .filter(r => addressesOf(r).length > 0);
    const servedByAddress = new Map<string, Entity[]>();
    for (const record of addressRecords.filter(servingApps)) {
      addTo(servedByAddress, addressKey(record), record);
    }
    for (const record of addressRecords.filter(r => !servingApps(r))) {
      const served = servedByAddress.get(addressKey(record)) ?? [];
      if (!served.length) continue;
      // Several served names of one app are one answer: link to the first of them.
      const sameApps = new Set(served.map(servingApps)).size === 1;
      const refs = served.map(refOf).sort();
      const candidates = sameApps ? refs.slice(0, 1) : refs;
      collector.match({
        source: refOf(record),
        wanted: `the app behind ${addressesOf(record).join(', ')}`,
        candidates,
        type: RELATIONS.servedBy,
        detail: target =>
          `${specString(record, 'fqdn')} has the address ${addressesOf(
            record,
          ).join(', ')} of ${
            specString(lookup.entity(target), 'fqdn') ?? target
          }`,
        reportMissing: false,
      });
    }
    return collector;
  },
};
