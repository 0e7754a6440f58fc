import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  GithubEmulator,
  generateSyntheticGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import { teamEntities } from '../transform/teams';
import { RequestStats, createGithubClient } from './github';
import { listOrganizationTeams } from './teams';

describe('listOrganizationTeams', () => {
  let github: GithubEmulator;
  const estate = generateSyntheticGithubEstate({ repositories: 3 });
  const org = estate.organizations[0];
  // A team larger than one page of members, as large organizations have.
  const everyone = Array.from({ length: 150 }, (_, i) => `member-${i}`);
  org.teams = [
    ...(org.teams ?? []),
    {
      slug: 'everyone',
      name: 'Everyone',
      description: null,
      members: everyone,
    },
  ];

  beforeAll(async () => {
    github = await startGithubEmulator({ estate });
  });
  afterAll(() => github.stop());

  async function list(pageSize: number) {
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [{ host: 'github.com', apiBaseUrl: github.url, token: 't' }],
        },
      }),
    );
    const stats = new RequestStats();
    const client = createGithubClient({
      integrations,
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      host: 'github.com',
      organization: org.login,
      logger: mockServices.logger.mock(),
      stats,
    });
    const teams = await listOrganizationTeams(org.login, {
      client,
      stats,
      pageSize,
    });
    return { teams, stats };
  }

  it('reads every team with its direct members, paging teams and large teams', async () => {
    const { teams, stats } = await list(2);
    expect(teams.map(t => t.slug).sort()).toEqual(
      org.teams!.map(t => t.slug).sort(),
    );
    for (const expected of org.teams!) {
      const team = teams.find(t => t.slug === expected.slug)!;
      expect(team.members.map(m => m.login).sort()).toEqual(
        [...expected.members].sort(),
      );
      expect(team.parent).toBe(expected.parent);
    }
    // Pages of two teams, plus one more query for the 50 members past the first 100.
    expect(stats.requests.graphql).toBe(Math.ceil(org.teams!.length / 2) + 1);
    expect(stats.graphqlPoints).toBeGreaterThan(0);
  });

  it('makes Groups of teams, nested as on GitHub, and Users of their members', async () => {
    const { teams } = await list(100);
    const entities = teamEntities(teams);
    const group = entities.find(
      e =>
        e.metadata.annotations?.['github.com/team-slug'] ===
        `${org.login}/platform`,
    );
    expect(group).toMatchObject({
      kind: 'Group',
      metadata: {
        name: `github-team--${org.login}--platform`,
        title: `@${org.login}/platform`,
      },
      spec: {
        type: 'github-team',
        parent: `group:default/github-team--${org.login}--engineering`,
      },
    });
    const platform = org.teams!.find(t => t.slug === 'platform')!;
    const member = entities.find(
      e => e.kind === 'User' && e.metadata.title === platform.members[0],
    );
    expect(member?.spec?.memberOf).toContain(
      `group:default/github-team--${org.login}--platform`,
    );
    // The GitHub profile name, not the bare login.
    expect(
      (member?.spec?.profile as { displayName: string }).displayName,
    ).toMatch(/ Example$/);
  });
});
