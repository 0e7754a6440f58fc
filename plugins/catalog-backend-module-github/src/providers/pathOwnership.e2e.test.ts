/*
 * Path ownership end to end: the GitHub emulator serves the repositories, the provider crawls
 * them through real Octokit, and the rules its Components carry answer path questions the way
 * the inventory backend answers them — on the k8s-infra snapshot and on a synthetic
 * organization with nested OWNERS hierarchies, aliases and CODEOWNERS teams.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  GithubEmulator,
  generateSyntheticGithubEstate,
  loadK8sInfraGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import {
  OwnersRules,
  codeOwnershipOf,
  codeownerRef,
  codeownersFor,
  loginsOf,
} from '@infra-atlas/inventory-common';
import { CrawlRunStore } from '@infra-atlas/plugin-inventory-node';
import { RecordingConnection, inMemoryDatabase } from '@infra-atlas/test-utils';
import { DEFAULT_COMPONENT_TYPES } from '../lib/config';
import { createGithubClient } from '../lib/github';
import { GithubInventoryProvider } from './GithubInventoryProvider';

/** The Components of one full crawl of `organization`, nested OWNERS files read. */
async function crawlComponents(github: GithubEmulator, organization: string) {
  const db = inMemoryDatabase();
  try {
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: github.url, token: 'secret' },
          ],
        },
      }),
    );
    const logger = mockServices.logger.mock();
    const credentials =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    const provider = new GithubInventoryProvider(
      {
        id: 'path-ownership',
        host: 'github.com',
        organizations: [organization],
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
        removalCeiling: 1,
        pageSize: 100,
        ownersDepth: 'tree',
        useCatalogInfo: false,
        teams: false,
        componentTypes: DEFAULT_COMPONENT_TYPES,
        fallbackOwner: 'group:default/unknown',
        maxFileBytes: 1024 * 1024,
        archiveConcurrency: 4,
        analyzers: [],
      },
      {
        logger,
        taskRunner: { run: async () => {} },
        store: await CrawlRunStore.create(db.database),
        client: (org, stats) =>
          createGithubClient({
            integrations,
            credentials,
            host: 'github.com',
            organization: org,
            logger,
            stats,
            retryAfterBaseValue: 1,
          }),
      },
    );
    const connection = new RecordingConnection();
    await provider.connect(connection);
    const run = await provider.refresh();
    expect(run.outcome).toBe('complete');
    return (connection.last as { entities: DeferredEntity[] }).entities
      .map(d => d.entity)
      .filter(e => e.kind === 'Component');
  } finally {
    await db.destroy();
  }
}

describe('path ownership through the GitHub emulator', () => {
  const emulators: GithubEmulator[] = [];
  afterAll(() => Promise.all(emulators.map(e => e.stop())));
  const start = async (estate: Parameters<typeof startGithubEmulator>[0]) => {
    const github = await startGithubEmulator(estate);
    emulators.push(github);
    return github;
  };

  it('answers kubernetes/k8s.io paths from the rules the crawl stored', async () => {
    const github = await start({ estate: loadK8sInfraGithubEstate() });
    const components = await crawlComponents(github, 'kubernetes');
    const k8sIo = components.find(
      c => c.metadata.name === 'kubernetes--k8s.io',
    );
    const rules = codeOwnershipOf(k8sIo)!;
    expect(rules.url).toMatch(/\/kubernetes\/k8s\.io$/);
    expect(rules.ownersDepth).toBe('tree');
    expect(rules.owners).toHaveLength(152);
    const tree = new OwnersRules(rules);

    const deploy = tree.ownersOf('apps/gcsweb/deploy.yaml');
    expect(deploy.files).toEqual([
      'apps/gcsweb/OWNERS',
      'apps/OWNERS',
      'OWNERS',
    ]);
    expect(loginsOf(deploy.approvers)).toEqual(
      expect.arrayContaining(['spiffxp', 'thockin', 'ameukam']),
    );

    const zone = tree.ownersOf('dns/zone-configs/k8s.io._0_base.yaml');
    expect(zone.inheritanceStoppedAt).toEqual({ file: 'dns/OWNERS', line: 4 });
    expect(loginsOf(zone.approvers)).not.toContain('madhavjivrajani');
    expect(
      zone.approvers.find(p => p.login === 'ameukam')!.grants[0].alias?.name,
    ).toBe('sig-k8s-infra-leads');
  });

  it('answers a synthetic organization: nested no_parent_owners, aliases and team code owners', async () => {
    const github = await start({
      estate: generateSyntheticGithubEstate({
        organization: 'acme',
        repositories: 30,
        nestedOwnersRatio: 1,
        catalogInfoRatio: 0,
        seed: 7,
      }),
    });
    const components = await crawlComponents(github, 'acme');
    const withRules = components.map(c => codeOwnershipOf(c)!);
    expect(withRules).toHaveLength(30);
    expect(withRules.every(r => r.ownersDepth === 'tree')).toBe(true);

    // Below every nested OWNERS file that stops inheritance, its approvers alone approve.
    let stops = 0;
    for (const rules of withRules) {
      const tree = new OwnersRules(rules);
      for (const file of rules.owners.filter(f => f.noParentOwners)) {
        stops++;
        const below = tree.ownersOf(file.path.replace(/OWNERS$/, 'x.go'));
        expect(below.inheritanceStoppedAt?.file).toBe(file.path);
        expect(loginsOf(below.approvers)).toEqual(
          Object.keys(file.approvers ?? {}).sort(),
        );
      }
    }
    expect(stops).toBeGreaterThan(0);

    // Aliases expand, citing the alias; CODEOWNERS teams resolve to the team Group.
    const aliased = withRules.find(r => r.aliases)!;
    const viaAlias = new OwnersRules(aliased).ownersOf('README.md').approvers;
    expect(viaAlias.length).toBeGreaterThan(0);
    expect(viaAlias.every(p => p.grants[0].alias)).toBe(true);
    const coded = withRules.find(r => r.codeowners)!;
    const rule = codeownersFor(coded.codeowners!, 'main.go')!;
    expect(rule.line).toBe(1);
    expect(codeownerRef(rule.owners[0])).toEqual({
      ref: expect.stringMatching(/^group:default\/github-team--acme--/),
    });
  });
});
