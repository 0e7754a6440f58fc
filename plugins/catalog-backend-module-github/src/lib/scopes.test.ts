import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { readGithubInventoryConfigs } from './config';
import { CrawlResult } from './crawl';
import { entityScopeOf, holdsOf } from './scopes';

const [config] = readGithubInventoryConfigs(
  new ConfigReader({
    catalog: {
      providers: {
        githubInventory: {
          k8s: {
            organizations: ['kubernetes'],
            analyzers: [
              {
                type: 'apps',
                repository: 'kubernetes/k8s.io',
                path: 'apps',
                cluster: { projectId: 'p', location: 'l', name: 'c' },
              },
              { type: 'octodns', repository: 'kubernetes/k8s.io' },
            ],
          },
        },
      },
    },
  }),
);

const entity = (
  annotations: Record<string, string>,
  spec: Entity['spec'] = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: annotations['github.com/team-slug'] ? 'Group' : 'Resource',
  metadata: { name: 'x', annotations },
  spec,
});

const declaredIn = (path: string) =>
  entity({
    'infra-atlas.io/declared-in': `https://github.com/kubernetes/k8s.io/blob/main/${path}`,
  });

describe('scopes of a GitHub crawl', () => {
  const team = entity({
    'github.com/team-slug': 'kubernetes/sig-release',
    'backstage.io/view-url':
      'https://github.com/orgs/kubernetes/teams/sig-release',
  });
  const scopeOf = entityScopeOf(config, [
    { ...team, metadata: { ...team.metadata, name: 'github-team--k--sr' } },
  ]);

  it('gives an entity the narrowest scope that declared it', () => {
    expect(scopeOf(declaredIn('dns/zone-configs/k8s.io.yaml'))).toBe(
      'kubernetes/k8s.io/octodns',
    );
    expect(scopeOf(declaredIn('apps/gcsweb'))).toBe('kubernetes/k8s.io/apps');
    // Ownership files decide the repository's people, wherever they are.
    expect(scopeOf(declaredIn('apps/gcsweb/OWNERS'))).toBe('kubernetes/k8s.io');
    expect(scopeOf(declaredIn('catalog-info.yaml'))).toBe('kubernetes/k8s.io');
    expect(
      scopeOf(entity({ 'github.com/project-slug': 'Kubernetes/Website' })),
    ).toBe('kubernetes/website');
    expect(scopeOf(team)).toBe('kubernetes/@teams');
    expect(
      scopeOf(
        entity(
          { 'backstage.io/view-url': 'https://github.com/someone' },
          { memberOf: ['group:default/github-team--k--sr'] },
        ),
      ),
    ).toBe('kubernetes/@teams');
    expect(
      scopeOf(
        entity({
          'infra-atlas.io/declared-in':
            'https://ghe.example.com/kubernetes/k8s.io/blob/main/apps/x',
        }),
      ),
    ).toBeUndefined();
  });

  it('holds what each failure and unread file declares, and nothing for a fallback snapshot', () => {
    const crawl: CrawlResult = {
      repositories: [],
      teams: [],
      skippedFiles: [],
      archivesRead: 0,
      failures: [
        { step: 'list repositories', target: 'Kubernetes', message: '502' },
        { step: 'list teams', target: 'kubernetes', message: '502' },
        { step: 'read archive', target: 'kubernetes/a@1', message: '500' },
        {
          step: 'read archive',
          target: 'kubernetes/b@2',
          message: '500',
          fallback: '1',
        },
      ],
    };
    const holds = holdsOf(
      crawl,
      [
        {
          repository: 'kubernetes/k8s.io',
          path: 'dns/octodns-config.yaml',
          message: 'bad YAML',
        },
        { repository: 'kubernetes/k8s.io', path: 'OWNERS', message: 'bad' },
      ],
      config,
    );
    expect(holds.map(h => h.scope)).toEqual([
      'kubernetes',
      'kubernetes/@teams',
      'kubernetes/a',
      'kubernetes/k8s.io/octodns',
      'kubernetes/k8s.io',
    ]);
    expect(holds[3].reason).toBe(
      'kubernetes/k8s.io/dns/octodns-config.yaml: bad YAML',
    );
  });
});
