import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { CatalogGraphApi } from '@backstage/plugin-catalog-graph';
import { catalogGraphRelationsApi } from './catalogGraphRelations';

describe('catalogGraphRelationsApi', () => {
  it('teaches the catalog graph the inventory pairs; placement is drawn by default', () => {
    const factory = createExtensionTester(catalogGraphRelationsApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    const api = factory.factory({}) as CatalogGraphApi;
    expect(api.knownRelationPairs).toEqual(
      expect.arrayContaining([
        ['ownerOf', 'ownedBy'],
        ['runsOn', 'hosts'],
        ['servedBy', 'serves'],
        ['administeredBy', 'administers'],
        ['sameAs', 'sameAs'],
      ]),
    );
    expect(api.defaultRelations).toEqual(
      expect.arrayContaining(['ownedBy', 'runsOn', 'hosts', 'servedBy']),
    );
    expect(api.defaultRelations).not.toContain('administers');
    expect(api.knownRelations).toContain('administers');
  });
});
