import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  githubTeamEntityName,
} from '@infra-atlas/inventory-common';
import { TeamInfo } from '../lib/teams';
import { githubUserEntity } from './people';

const teamRef = (organization: string, slug: string) =>
  `group:default/${githubTeamEntityName(organization, slug)}`;

/**
 * Organization teams as Groups (type `github-team`, nested as on GitHub), and their direct
 * members as Users, so that a CODEOWNERS owner `@org/team` is a Group whose members the catalog
 * knows. Members carry their GitHub profile name; the same login named in OWNERS files is the
 * same User (the provider merges them).
 */
export function teamEntities(teams: TeamInfo[]): Entity[] {
  const slugs = new Set(teams.map(t => `${t.organization}/${t.slug}`));
  const groups: Entity[] = teams.map(team => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: githubTeamEntityName(team.organization, team.slug),
      title: `@${team.organization}/${team.slug}`,
      ...(team.description ? { description: team.description } : {}),
      links: [{ url: team.url, title: 'Team on GitHub', icon: 'github' }],
      annotations: {
        'github.com/team-slug': `${team.organization}/${team.slug}`,
        'backstage.io/view-url': team.url,
        [ANNOTATIONS.provenance]: 'observed',
      },
    },
    spec: {
      type: 'github-team',
      profile: { displayName: team.name },
      // A parent team outside the listing (hidden from the crawler) would be a dangling ref.
      ...(team.parent && slugs.has(`${team.organization}/${team.parent}`)
        ? { parent: teamRef(team.organization, team.parent) }
        : {}),
      children: [],
    },
  }));

  const people = new Map<
    string,
    { name?: string; profileUrl: string; teams: Set<string> }
  >();
  for (const team of teams) {
    for (const member of team.members) {
      const login = member.login.toLowerCase();
      const person = people.get(login) ?? {
        // The team's host: github.com or a GitHub Enterprise server.
        profileUrl: `${new URL(team.url).origin}/${member.login}`,
        teams: new Set<string>(),
      };
      person.name ??= member.name;
      person.teams.add(teamRef(team.organization, team.slug));
      people.set(login, person);
    }
  }
  const users = [...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([login, person]) =>
      githubUserEntity(login, {
        displayName: person.name,
        memberOf: [...person.teams],
        annotations: {
          'backstage.io/view-url': person.profileUrl,
          [ANNOTATIONS.provenance]: 'observed',
        },
      }),
    );
  return [...groups, ...users];
}
