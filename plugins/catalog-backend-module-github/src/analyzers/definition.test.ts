import { ConfigReader } from '@backstage/config';
import { readGithubInventoryConfigs } from '../lib/config';
import { BUILT_IN_ANALYZERS } from './builtIn';
import { AnalyzerRegistry, createAnalyzer } from './definition';
import { snapshotOf, testContext } from './__testUtils__/k8sIoSnapshot';

/** The configuration of one provider `k8s` with these analyzers, as the module reads it. */
const read = (analyzers: object[], registry?: AnalyzerRegistry) =>
  readGithubInventoryConfigs(
    new ConfigReader({
      catalog: {
        providers: {
          githubInventory: {
            k8s: { organizations: ['kubernetes'], analyzers },
          },
        },
      },
    }),
    registry,
  )[0].analyzers;

const AT = 'catalog.providers.githubInventory.k8s.analyzers';

describe('analyzer options, checked at startup', () => {
  it('fills in defaults and takes the paths to read from the definition', () => {
    const [octodns, groups] = read([
      { type: 'octodns', repository: 'kubernetes/k8s.io' },
      { type: 'google-groups', repository: 'kubernetes/k8s.io' },
    ]);
    expect(octodns.paths).toEqual([
      'dns/octodns-config.yaml',
      'dns/zone-configs',
    ]);
    expect(groups.paths).toEqual(['groups']);
    expect(groups.decidesOwnership).toBe(false);
  });

  it("points sigs.yaml's Slack channels at the configured workspace, Kubernetes' by default", () => {
    const sigsYaml = [
      'sigs:',
      '  - dir: sig-payments',
      '    name: Payments',
      '    contact: { slack: payments }',
      '',
    ].join('\n');
    const slackLink = (options: object) => {
      const [sigs] = read([
        { type: 'sigs', repository: 'acme/community', ...options },
      ]);
      const { entities } = sigs.analyze(
        testContext(snapshotOf({ 'sigs.yaml': sigsYaml })),
      );
      return entities.find(e => e.kind === 'Group')?.metadata.links?.[0].url;
    };
    expect(slackLink({})).toBe(
      'https://kubernetes.slack.com/messages/payments',
    );
    expect(slackLink({ slackWorkspaceUrl: 'https://acme.slack.com' })).toBe(
      'https://acme.slack.com/messages/payments',
    );
  });

  it('names the configuration path of a missing option', () => {
    expect(() =>
      read([
        { type: 'sigs', repository: 'kubernetes/community' },
        { type: 'octodns', repository: 'kubernetes/k8s.io' },
        {
          type: 'apps',
          repository: 'kubernetes/k8s.io',
          cluster: { projectId: 'kubernetes-public', location: 'us-central1' },
        },
      ]),
    ).toThrow(`${AT}[2].cluster.name is required`);
  });

  it('refuses unknown options, unknown types and malformed repositories', () => {
    expect(() =>
      read([
        { type: 'octodns', repository: 'kubernetes/k8s.io', zoneDir: 'x' },
      ]),
    ).toThrow(`${AT}[0].zoneDir is not an option of this analyzer`);
    expect(() =>
      read([{ type: 'terraform', repository: 'kubernetes/k8s.io' }]),
    ).toThrow(
      `${AT}[0].type 'terraform' is not an analyzer; the registered ones are apps, declared-gcp-projects, google-groups, octodns, promoter-manifests, sigs`,
    );
    expect(() => read([{ type: 'sigs', repository: 'community' }])).toThrow(
      `${AT}[0].repository must be 'owner/name', got "community"`,
    );
    expect(() =>
      read([
        {
          type: 'sigs',
          repository: 'kubernetes/community',
          slackWorkspaceUrl: 'kubernetes',
        },
      ]),
    ).toThrow(`${AT}[0].slackWorkspaceUrl: Invalid URL`);
  });

  it("explains that google-groups' domain is gone, and what replaces it", () => {
    expect(() =>
      read([
        {
          type: 'google-groups',
          repository: 'acme/groups',
          domain: 'acme.example',
        },
      ]),
    ).toThrow(`${AT}[0].domain: is no longer read`);
    expect(() =>
      read([
        {
          type: 'google-groups',
          repository: 'acme/groups',
          undeclaredGroups: ['(unclosed'],
        },
      ]),
    ).toThrow(
      `${AT}[0].undeclaredGroups[0]: '(unclosed' is not a regular expression`,
    );
  });

  it('takes analyzers from elsewhere on the same terms, but no type twice', () => {
    const teams = createAnalyzer({
      type: 'acme-teams',
      options: z => z.object({ path: z.string().default('teams.yaml') }),
      paths: options => [options.path],
      analyze: (_ctx, options) => ({
        entities: [],
        problems: [{ path: options.path, message: 'read' }],
      }),
    });
    const registry = new AnalyzerRegistry([...BUILT_IN_ANALYZERS, teams]);
    const [configured] = read(
      [{ type: 'acme-teams', repository: 'acme/org', path: 'org/teams.yaml' }],
      registry,
    );
    expect(configured.paths).toEqual(['org/teams.yaml']);
    expect(configured.analyze(testContext(snapshotOf({}))).problems).toEqual([
      { path: 'org/teams.yaml', message: 'read' },
    ]);
    expect(() => registry.add(teams)).toThrow(
      "Two GitHub inventory analyzers are registered as type 'acme-teams'",
    );
  });
});
