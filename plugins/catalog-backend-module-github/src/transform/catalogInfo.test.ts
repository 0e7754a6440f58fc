import { catalogInfoEntities } from './catalogInfo';

const options = {
  path: 'catalog-info.yaml',
  url: 'https://github.com/kubernetes/website/blob/main/catalog-info.yaml',
  extra: {
    'github.com/project-slug': 'kubernetes/website',
    'infra-atlas.io/owners-approvers': 'alice',
  },
};

describe('catalogInfoEntities', () => {
  it('keeps every entity of the file as written, located at the file, with what it lacks', () => {
    const { entities, problems } = catalogInfoEntities(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: website',
        '  annotations: { github.com/project-slug: kubernetes/website-v2 }',
        'spec: { type: website, owner: group:sig-docs, lifecycle: production }',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: System',
        'metadata: { name: docs }',
        'spec: { owner: group:sig-docs }',
        '',
      ].join('\n'),
      options,
    );
    expect(problems).toEqual([]);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Component:website',
      'System:docs',
    ]);
    expect(entities[0].spec).toEqual({
      type: 'website',
      owner: 'group:sig-docs',
      lifecycle: 'production',
    });
    expect(entities[0].metadata.annotations).toEqual({
      'github.com/project-slug': 'kubernetes/website-v2',
      'infra-atlas.io/owners-approvers': 'alice',
      'backstage.io/managed-by-location': `url:${options.url}`,
      'backstage.io/managed-by-origin-location': `url:${options.url}`,
      'infra-atlas.io/declared-in': options.url,
    });
  });

  it('reports what is not YAML or not an entity, as unread, and keeps the rest', () => {
    const { entities, problems } = catalogInfoEntities(
      'kind: Component\n---\napiVersion: v1\nkind: Group\nmetadata: {name: g}\n---\na: [\n',
      options,
    );
    expect(entities.map(e => e.metadata.name)).toEqual(['g']);
    expect(problems).toEqual([
      expect.objectContaining({
        unread: true,
        message: expect.stringMatching(/^invalid YAML/),
      }),
      expect.objectContaining({
        line: 1,
        unread: true,
        message: expect.stringContaining('not a catalog entity'),
      }),
    ]);
  });
});
