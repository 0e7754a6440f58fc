import { RESOURCE_TYPES } from '@infra-atlas/inventory-common';

/*
 * Among results that match a term equally well, what a newcomer most likely means comes
 * first: the System or project named after something before the buckets, records and
 * accounts named after it.
 */
const ORDER: Array<(kind: string, type: string) => boolean> = [
  kind => kind === 'system',
  (kind, type) =>
    kind === 'resource' &&
    [
      RESOURCE_TYPES.gcpProject,
      RESOURCE_TYPES.gcpFolder,
      RESOURCE_TYPES.gcpOrganization,
    ].includes(type as any),
  kind => kind === 'component',
  kind => kind === 'group' || kind === 'user',
  kind => kind === 'domain' || kind === 'api',
  kind => kind === 'resource',
];

/**
 * 0 for what ranks first, from a catalog document's `kind` and `type`; documents that are not
 * catalog entities rank last.
 */
export function kindOrder(document: object) {
  const { kind, type } = document as { kind?: unknown; type?: unknown };
  const kindName = String(kind ?? '').toLowerCase();
  const typeName = String(type ?? '');
  const index = ORDER.findIndex(matches => matches(kindName, typeName));
  return index === -1 ? ORDER.length : index;
}
