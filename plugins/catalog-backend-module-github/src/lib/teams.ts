import { ListOptions, RateLimit, query } from './repositories';

/** An organization team as the catalog needs it: CODEOWNERS names teams as `@org/slug`. */
export type TeamInfo = {
  organization: string;
  slug: string;
  name: string;
  description?: string;
  /** Slug of the parent team, if nested. */
  parent?: string;
  /** Direct members (not those of child teams): child teams are Groups of their own. */
  members: Array<{ login: string; name?: string }>;
  url: string;
};

type MemberPage = {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{ login: string; name: string | null }>;
};

type TeamNode = {
  slug: string;
  name: string;
  description: string | null;
  url: string;
  parentTeam: { slug: string } | null;
  members: MemberPage;
};

const MEMBERS = `members(first: 100, after: $memberCursor, membership: IMMEDIATE) {
  pageInfo { hasNextPage endCursor }
  nodes { login name }
}`;

const TEAMS_QUERY = `
query infraAtlasTeams($login: String!, $pageSize: Int!, $cursor: String, $memberCursor: String) {
  rateLimit { cost remaining resetAt }
  organization(login: $login) {
    teams(first: $pageSize, after: $cursor, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { slug name description url parentTeam { slug } ${MEMBERS} }
    }
  }
}`;

const TEAM_MEMBERS_QUERY = `
query infraAtlasTeamMembers($login: String!, $slug: String!, $memberCursor: String) {
  rateLimit { cost remaining resetAt }
  organization(login: $login) { team(slug: $slug) { ${MEMBERS} } }
}`;

type TeamsPage = {
  rateLimit: RateLimit;
  organization: {
    teams: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: TeamNode[];
    };
  } | null;
};

type TeamMembersPage = {
  rateLimit: RateLimit;
  organization: { team: { members: MemberPage } | null } | null;
};

/** The rest of a team's members, for the rare team with more than a page of them. */
async function remainingMembers(
  login: string,
  team: TeamNode,
  options: ListOptions,
): Promise<MemberPage['nodes']> {
  const members: MemberPage['nodes'] = [];
  let page = team.members;
  while (page.pageInfo.hasNextPage) {
    const next: TeamMembersPage = await query<TeamMembersPage>(
      options,
      TEAM_MEMBERS_QUERY,
      { login, slug: team.slug, memberCursor: page.pageInfo.endCursor },
    );
    if (!next.organization?.team) {
      throw new Error(
        `GitHub team '${login}/${team.slug}' disappeared while its members were read`,
      );
    }
    page = next.organization.team.members;
    members.push(...page.nodes);
  }
  return members;
}

/**
 * Every team of an organization with its direct members: one GraphQL query per 100 teams
 * (members come in the same query), plus one per further 100 members of a larger team. Needs
 * the `read:org` scope (a token) or the Members read permission (a GitHub App); throws if a
 * page fails, so that the caller never mistakes a partial list for the organization's teams.
 */
export async function listOrganizationTeams(
  login: string,
  options: ListOptions,
): Promise<TeamInfo[]> {
  const teams: TeamInfo[] = [];
  let cursor: string | null = null;
  do {
    const page: TeamsPage = await query<TeamsPage>(options, TEAMS_QUERY, {
      login,
      pageSize: options.pageSize,
      cursor,
    });
    if (!page.organization) {
      throw new Error(`GitHub organization '${login}' was not found`);
    }
    const { nodes, pageInfo } = page.organization.teams;
    for (const node of nodes) {
      const members = [
        ...node.members.nodes,
        ...(await remainingMembers(login, node, options)),
      ];
      teams.push({
        organization: login,
        slug: node.slug,
        name: node.name,
        description: node.description ?? undefined,
        parent: node.parentTeam?.slug,
        members: members.map(m => ({
          login: m.login,
          ...(m.name ? { name: m.name } : {}),
        })),
        url: node.url,
      });
    }
    cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (cursor);
  return teams;
}
