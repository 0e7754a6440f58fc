import type { Entity } from '@backstage/catalog-model';
import {
  hasOwnersSource,
  isOwnersRepository,
  ownersSourceOf,
  parseGitUrl,
} from './gitLocations';

const entity = (
  annotations: Record<string, string>,
  spec: Entity['spec'] = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec,
});

describe('parseGitUrl', () => {
  it('reads GitHub and GitLab file and directory URLs', () => {
    expect(
      parseGitUrl(
        'https://github.com/kubernetes/k8s.io/blob/main/groups/groups.yaml',
      ),
    ).toEqual({
      host: 'github.com',
      repo: 'kubernetes/k8s.io',
      form: 'blob',
      ref: 'main',
      path: 'groups/groups.yaml',
    });
    expect(parseGitUrl('https://github.com/o/r/tree/main/apps/web/')).toEqual(
      expect.objectContaining({ form: 'tree', path: 'apps/web' }),
    );
    expect(parseGitUrl('https://GitHub.com/o/r/TREE/main')).toEqual(
      expect.objectContaining({ host: 'github.com', form: 'tree', path: '' }),
    );
    expect(parseGitUrl('https://gitlab.com/g/p/-/blob/main/a.md')).toEqual(
      expect.objectContaining({
        host: 'gitlab.com',
        repo: 'g/p',
        path: 'a.md',
      }),
    );
  });

  it('rejects other URLs', () => {
    expect(parseGitUrl('https://github.com/o/r')).toBeUndefined();
    expect(parseGitUrl('https://example.com/runbook')).toBeUndefined();
  });
});

describe('which entities have OWNERS', () => {
  it('counts a repository with OWNERS facts', () => {
    const slug = { 'github.com/project-slug': 'o/r' };
    expect(
      isOwnersRepository(
        entity({
          ...slug,
          'infra-atlas.io/owners-files': 'https://github.com/o/r/blob/m/OWNERS',
        }),
      ),
    ).toBe(true);
    expect(isOwnersRepository(entity(slug, { ownership: [{ dir: '' }] }))).toBe(
      true,
    );
    expect(isOwnersRepository(entity(slug))).toBe(false);
  });

  it('finds where an entity is declared: declared-in, else source, else managed-by location', () => {
    expect(
      ownersSourceOf(
        entity({
          'infra-atlas.io/declared-in': 'https://github.com/o/r/tree/m/apps/a',
          'backstage.io/source-location': 'url:https://github.com/o/s/tree/m/',
        }),
      )?.location.repo,
    ).toBe('o/r');
    // What the app's card filter missed: only a source location, with its `url:` prefix.
    const fromSource = entity({
      'backstage.io/source-location': 'url:https://github.com/o/s/tree/m/dir/',
    });
    expect(ownersSourceOf(fromSource)).toEqual({
      url: 'https://github.com/o/s/tree/m/dir/',
      location: expect.objectContaining({ repo: 'o/s', path: 'dir' }),
    });
    expect(hasOwnersSource(fromSource)).toBe(true);
    expect(
      hasOwnersSource(
        entity({
          'backstage.io/managed-by-location':
            'url:https://github.com/o/s/blob/m/catalog-info.yaml',
        }),
      ),
    ).toBe(true);
    // Not on GitHub, or not in git at all.
    expect(
      hasOwnersSource(
        entity({
          'infra-atlas.io/declared-in': 'https://gitlab.com/g/p/-/tree/m/a',
          'backstage.io/managed-by-location': 'file:/tmp/catalog.yaml',
        }),
      ),
    ).toBe(false);
  });
});
