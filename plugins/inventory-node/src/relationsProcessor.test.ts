import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { InventoryRelationsProcessor } from './relationsProcessor';

async function relationsOf(spec: JsonObject) {
  const emitted: CatalogProcessorResult[] = [];
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'app' },
    spec,
  };
  await new InventoryRelationsProcessor().postProcessEntity(
    entity,
    { type: 'url', target: 'x' },
    r => emitted.push(r),
  );
  return emitted.map(r =>
    r.type === 'relation'
      ? `${r.relation.source.name} ${r.relation.type} ${r.relation.target.name}`
      : r.type,
  );
}

describe('InventoryRelationsProcessor', () => {
  it('emits both directions of each fact the providers write', async () => {
    expect(
      await relationsOf({
        parent: 'resource:default/zone',
        coOwners: [{ ref: 'group:default/sig-b', evidence: 'sigs.yaml' }],
        access: { administrators: [{ ref: 'group:default/admins' }, {}] },
        runsOn: ['resource:default/ns', 'resource:default/ns'],
        servedBy: 'component:default/web',
      }),
    ).toEqual([
      'app childOf zone',
      'zone parentOf app',
      'app ownedBy sig-b',
      'sig-b ownerOf app',
      'app administeredBy admins',
      'admins administers app',
      'app runsOn ns',
      'ns hosts app',
      'app servedBy web',
      'web serves app',
    ]);
  });

  it('ignores entities without those facts', async () => {
    expect(await relationsOf({ type: 'service' })).toEqual([]);
  });
});
