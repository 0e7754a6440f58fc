import type { CatalogApi } from '@backstage/plugin-catalog-react';
import { createEntityPresentationApi } from './entityPresentation';

/** A catalog that knows two entities, as the presentation API asks for them. */
const catalogApi = {
  getEntitiesByRefs: jest.fn(
    async ({ entityRefs }: { entityRefs: string[] }) => ({
      items: entityRefs.map(ref =>
        ref ===
        'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb'
          ? {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
                namespace: 'default',
                title: 'gcsweb',
              },
              spec: { type: 'service' },
            }
          : undefined,
      ),
    }),
  ),
} as unknown as CatalogApi;

describe('the catalog presents entities by the names people read', () => {
  const presentation = createEntityPresentationApi(catalogApi);

  it('titles an entity by its title once loaded, never by its entity name', async () => {
    const ref =
      'component:default/k8s-app--kubernetes-public--us-central1--aaa--gcsweb';
    const { snapshot, promise } = presentation.forEntity(ref);
    // While it loads: a readable form of the name, not the name itself.
    expect(snapshot.primaryTitle).not.toContain('--');
    expect((await promise).primaryTitle).toBe('gcsweb');
  });

  it('reads an address-named person as an address, loaded or not', async () => {
    const { snapshot, promise } = presentation.forEntity(
      'user:default/ameukam--gmail.com',
    );
    expect(snapshot.primaryTitle).toBe('ameukam@gmail.com');
    // Not in the catalog: the readable form stays.
    expect((await promise).primaryTitle).toBe('ameukam@gmail.com');
  });

  it('keeps the stock secondary line and the entity ref', () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'sig-k8s-infra', namespace: 'default' },
      spec: { type: 'sig', profile: { displayName: 'SIG K8s Infra' } },
    };
    const { snapshot } = presentation.forEntity(entity);
    expect(snapshot).toMatchObject({
      entityRef: 'group:default/sig-k8s-infra',
      primaryTitle: 'SIG K8s Infra',
    });
    expect(snapshot.secondaryTitle).toContain('group:default/sig-k8s-infra');
  });
});
