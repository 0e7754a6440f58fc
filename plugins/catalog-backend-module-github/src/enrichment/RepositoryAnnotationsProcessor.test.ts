import { Entity } from '@backstage/catalog-model';
import {
  RepositoryAnnotations,
  RepositoryAnnotationsProcessor,
} from './RepositoryAnnotationsProcessor';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'website',
    annotations: { 'github.com/project-slug': 'kubernetes/website' },
  },
  spec: {
    type: 'website',
    owner: 'group:default/sig-docs',
    lifecycle: 'production',
  },
};

describe('RepositoryAnnotationsProcessor', () => {
  const annotations = new RepositoryAnnotations();
  annotations.replace(
    new Map([
      [
        'https://github.com/Kubernetes/website',
        {
          'infra-atlas.io/owners-files':
            'https://github.com/kubernetes/website/blob/main/OWNERS',
          'github.com/project-slug': 'should/not-win',
        },
      ],
    ]),
  );
  const processor = new RepositoryAnnotationsProcessor(annotations);

  it('adds what the crawl knows to entities of that repository, keeping what they say', async () => {
    const result = await processor.preProcessEntity(entity, {
      type: 'url',
      target:
        'https://github.com/kubernetes/website/blob/main/catalog-info.yaml',
    });
    expect(result.metadata.annotations).toEqual({
      'infra-atlas.io/owners-files':
        'https://github.com/kubernetes/website/blob/main/OWNERS',
      'github.com/project-slug': 'kubernetes/website',
    });
    expect(result.spec).toEqual(entity.spec);
  });

  it('leaves entities from other repositories and other location types alone', async () => {
    for (const location of [
      {
        type: 'url',
        target:
          'https://github.com/kubernetes/websites/blob/main/catalog-info.yaml',
      },
      { type: 'file', target: '/tmp/catalog-info.yaml' },
    ]) {
      expect(await processor.preProcessEntity(entity, location)).toBe(entity);
    }
  });
});
