import { Entity } from '@backstage/catalog-model';
import { mergeEntities } from './mergeEntities';

const user = (declaredIn: string, memberships: Record<string, string>) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'alice',
      annotations: {
        'infra-atlas.io/declared-in': declaredIn,
        'infra-atlas.io/memberships': JSON.stringify(memberships),
      },
    },
    spec: { memberOf: Object.keys(memberships) },
  } as Entity);

describe('mergeEntities', () => {
  it('unites a person’s memberships, each still cited where it is stated', () => {
    const { entities } = mergeEntities([
      user('sigs.yaml', { 'group:default/sig-a': 'sigs.yaml' }),
      user('OWNERS_ALIASES', { 'group:default/a-leads': 'OWNERS_ALIASES' }),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0].spec?.memberOf).toEqual([
      'group:default/a-leads',
      'group:default/sig-a',
    ]);
    expect(entities[0].metadata.annotations).toEqual({
      'infra-atlas.io/declared-in': 'sigs.yaml',
      'infra-atlas.io/memberships': JSON.stringify({
        'group:default/a-leads': 'OWNERS_ALIASES',
        'group:default/sig-a': 'sigs.yaml',
      }),
    });
  });
});
