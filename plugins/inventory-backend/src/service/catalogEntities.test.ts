import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadCatalogEntities } from './catalogEntities';

const entity = (
  name: string,
  uid: string | undefined,
  etag: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', ...(uid ? { uid } : {}), etag },
  spec: { type: 'gcs-bucket', owner: 'group:default/team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
});

/** A catalog holding `entities`, read as the index reads it: page by page. */
const catalogOf = (entities: Entity[]) =>
  catalogServiceMock({ entities: JSON.parse(JSON.stringify(entities)) });

describe('loadCatalogEntities', () => {
  const auth = mockServices.auth();

  it('reads every entity, page by page', async () => {
    const all = Array.from({ length: 600 }, (_, i) =>
      entity(`bucket-${i}`, `uid-${i}`, 'e1'),
    );
    const { entities, requests, unchanged } = await loadCatalogEntities(
      catalogOf(all),
      auth,
    );
    expect(entities.map(e => e.metadata.name).sort()).toEqual(
      all.map(e => e.metadata.name).sort(),
    );
    expect(requests).toBe(3);
    expect(unchanged).toBe(0);
  });

  it('keeps the last build’s copy of an entity the catalog has not changed, and only that', async () => {
    const before = [
      entity('same', 'uid-1', 'etag-1'),
      entity('changed', 'uid-2', 'etag-2'),
      entity('no-uid', undefined, 'etag-3'),
    ];
    const now = [
      entity('same', 'uid-1', 'etag-1'),
      { ...entity('changed', 'uid-2', 'etag-2b'), relations: [] },
      entity('no-uid', undefined, 'etag-3'),
      entity('new', 'uid-4', 'etag-4'),
    ];
    const { entities, unchanged } = await loadCatalogEntities(
      catalogOf(now),
      auth,
      before,
    );
    const byName = new Map(entities.map(e => [e.metadata.name, e]));
    expect(byName.get('same')).toBe(before[0]);
    // A changed etag is a changed entity: its new relations are read, not the old ones.
    expect(byName.get('changed')).not.toBe(before[1]);
    expect(byName.get('changed')!.relations).toEqual([]);
    expect(byName.get('no-uid')).not.toBe(before[2]);
    expect(byName.get('new')!.metadata.etag).toBe('etag-4');
    expect(unchanged).toBe(1);
  });
});
