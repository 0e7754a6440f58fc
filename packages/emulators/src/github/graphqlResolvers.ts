import { posix } from 'node:path';
import { GraphQLError } from 'graphql';
import { ConnectionArgs, connection } from './graphqlConnections';
import { QueryCost } from './graphqlCost';
import {
  COMMIT_AUTHOR,
  isBinary,
  readObject,
  resolvePath,
  TreeEntry,
} from './gitObjects';
import { GithubTeam, GithubUser, githubTime } from './estate';
import { HTML_BASE } from './http';
import { byKey } from './ordering';
import { RateLimitStatus } from './rateLimits';
import {
  GithubStore,
  nodeId,
  OrganizationState,
  RepositoryState,
} from './repositories';

/**
 * GitHub cuts `Blob.text` and answers `isTruncated: true` past this many bytes. The limit is
 * not documented (the schema says only "Indicates whether the contents is truncated"); 512,000
 * bytes is what users observed byte for byte (sveltia/sveltia-cms#950: a 543,840-byte file
 * came back as exactly its first 512,000 bytes; orbiting/backends#116 saw it near 500 kB).
 */
export const BLOB_TEXT_LIMIT = 512_000;

/*
 * The values GitHub's schema is executed against. Each node is a plain object whose
 * properties are the schema's field names; a field with arguments is a function of them
 * (graphql-js's default resolver calls it). `__typename` lets graphql-js resolve the
 * `RepositoryOwner` and `GitObject` interfaces. A field a node does not have is one the
 * emulator does not serve, and answers an error saying so.
 */

type Args = Record<string, any>;

const avatarUrl = (id: number) =>
  `https://avatars.githubusercontent.com/u/${id}?v=4`;

function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });
}

/** `repositories(isFork, isArchived, privacy, visibility, orderBy)` on an owner. */
function repositoriesOf(org: OrganizationState, args: Args): RepositoryState[] {
  const repos = [...org.repositories.values()].filter(
    ({ metadata }) =>
      (args.isFork === undefined ||
        args.isFork === null ||
        metadata.isFork === args.isFork) &&
      (args.isArchived === undefined ||
        args.isArchived === null ||
        metadata.isArchived === args.isArchived) &&
      (!args.privacy ||
        (args.privacy === 'PUBLIC') === (metadata.visibility === 'PUBLIC')) &&
      (!args.visibility || metadata.visibility === args.visibility),
  );
  if (!args.orderBy) return repos;
  const keys: Record<string, (r: RepositoryState) => string | number> = {
    CREATED_AT: r => r.metadata.createdAt,
    NAME: r => r.metadata.name.toLowerCase(),
    PUSHED_AT: r => r.metadata.pushedAt,
    UPDATED_AT: r => r.metadata.pushedAt,
    // Nothing is starred here: creation order.
    STARGAZERS: r => r.id,
  };
  return repos.sort(
    byKey(keys[args.orderBy.field], args.orderBy.direction === 'DESC'),
  );
}

/** Builds the nodes; nested fields build theirs only when a query asks for them. */
class Nodes {
  constructor(private readonly store: GithubStore) {}

  organization(org: OrganizationState) {
    const url = `${HTML_BASE}/${org.login}`;
    return {
      __typename: 'Organization',
      id: nodeId('Organization', org.id),
      databaseId: org.id,
      login: org.login,
      name: org.name,
      description: org.description,
      createdAt: org.createdAt,
      url,
      resourcePath: `/${org.login}`,
      avatarUrl: avatarUrl(org.id),
      repositories: (args: Args) =>
        connection(repositoriesOf(org, args), args, r => this.repository(r)),
      repository: ({ name }: Args) => {
        const repo = org.repositories.get(name.toLowerCase());
        return repo ? this.repository(repo) : null;
      },
      membersWithRole: (args: ConnectionArgs) =>
        connection(
          org.members,
          args,
          user => this.user(user),
          () => ({ role: 'MEMBER' }),
        ),
      teams: (args: Args) =>
        connection(this.teamsOf(org, args), args, t => this.team(org, t)),
      team: ({ slug }: Args) => {
        const team = org.teams.find(t => t.slug === slug);
        return team ? this.team(org, team) : null;
      },
    };
  }

  repository(repo: RepositoryState) {
    const { metadata } = repo;
    const nameWithOwner = `${repo.owner.login}/${metadata.name}`;
    const branchRef = () => (repo.head ? this.branchRef(repo) : null);
    return {
      __typename: 'Repository',
      id: nodeId('Repository', repo.id),
      databaseId: repo.id,
      name: metadata.name,
      nameWithOwner,
      owner: () => this.organization(repo.owner),
      description: metadata.description,
      url: `${HTML_BASE}/${nameWithOwner}`,
      resourcePath: `/${nameWithOwner}`,
      sshUrl: `git@github.com:${nameWithOwner}.git`,
      homepageUrl: null,
      isArchived: metadata.isArchived,
      isFork: metadata.isFork,
      isPrivate: metadata.visibility !== 'PUBLIC',
      isDisabled: false,
      isEmpty: repo.head === undefined,
      isLocked: false,
      isMirror: false,
      isTemplate: false,
      visibility: metadata.visibility,
      createdAt: metadata.createdAt,
      pushedAt: metadata.pushedAt,
      updatedAt: metadata.pushedAt,
      primaryLanguage:
        metadata.primaryLanguage === null
          ? null
          : {
              id: nodeId('Language', metadata.primaryLanguage),
              name: metadata.primaryLanguage,
              color: null,
            },
      repositoryTopics: (args: ConnectionArgs) =>
        connection(metadata.topics, args, topic => ({
          id: nodeId('RepositoryTopic', `${repo.id}:${topic}`),
          topic: { id: nodeId('Topic', topic), name: topic },
          url: `${HTML_BASE}/topics/${topic}`,
          resourcePath: `/topics/${topic}`,
        })),
      defaultBranchRef: branchRef,
      ref: ({ qualifiedName }: Args) =>
        [
          metadata.defaultBranch,
          `refs/heads/${metadata.defaultBranch}`,
        ].includes(qualifiedName)
          ? branchRef()
          : null,
      object: ({ expression, oid }: Args) => this.object(repo, expression, oid),
    };
  }

  private branchRef(repo: RepositoryState) {
    const name = repo.metadata.defaultBranch;
    return {
      id: nodeId('Ref', `${repo.id}:refs/heads/${name}`),
      name,
      prefix: 'refs/heads/',
      target: () => this.gitObject(repo, repo.head!, ''),
      repository: () => this.repository(repo),
    };
  }

  /**
   * `object(expression: "<rev>:<path>")` or `object(oid:)`. `<rev>` is `HEAD`, the branch or
   * a commit SHA; without `:<path>` the expression names the commit itself.
   */
  private object(repo: RepositoryState, expression?: string, oid?: string) {
    if (oid) return this.gitObject(repo, oid, '');
    if (!expression) return null;
    const colon = expression.indexOf(':');
    const rev = colon < 0 ? expression : expression.slice(0, colon);
    const commit = this.store.resolveRef(repo, rev || 'HEAD');
    if (!commit) return null;
    if (colon < 0) return this.gitObject(repo, commit, '');
    const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
    const tree = readObject(repo.objects, commit, 'commit')!.tree;
    const entry = resolvePath(repo.objects, tree, path);
    return entry ? this.gitObject(repo, entry.sha, path) : null;
  }

  /** A blob, tree or commit; `path` is where a tree sits, for its entries' paths. */
  private gitObject(repo: RepositoryState, sha: string, path: string) {
    const object = repo.objects.get(sha);
    if (!object) return null;
    const common = {
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      repository: () => this.repository(repo),
    };
    const html = `${HTML_BASE}/${repo.owner.login}/${repo.metadata.name}`;
    switch (object.type) {
      case 'blob':
        return {
          __typename: 'Blob',
          id: nodeId('Blob', `${repo.id}:${sha}`),
          ...common,
          byteSize: object.data.length,
          isBinary: isBinary(object.data),
          isTruncated: object.data.length > BLOB_TEXT_LIMIT,
          text: () =>
            isBinary(object.data)
              ? null
              : object.data.subarray(0, BLOB_TEXT_LIMIT).toString(),
        };
      case 'tree':
        return {
          __typename: 'Tree',
          id: nodeId('Tree', `${repo.id}:${sha}`),
          ...common,
          entries: () =>
            object.entries.map(entry =>
              this.treeEntry(
                repo,
                entry,
                path ? `${path}/${entry.name}` : entry.name,
              ),
            ),
        };
      case 'commit': {
        const signature = { ...COMMIT_AUTHOR, date: object.date, user: null };
        const [headline, ...body] = object.message.split('\n');
        return {
          __typename: 'Commit',
          id: nodeId('Commit', `${repo.id}:${sha}`),
          ...common,
          committedDate: object.date,
          authoredDate: object.date,
          message: object.message,
          messageHeadline: headline,
          messageBody: body.join('\n').trim(),
          author: signature,
          committer: signature,
          url: `${html}/commit/${sha}`,
          commitUrl: `${html}/commit/${sha}`,
          resourcePath: `/${repo.owner.login}/${repo.metadata.name}/commit/${sha}`,
          tree: () => this.gitObject(repo, object.tree, ''),
        };
      }
      default:
        throw new Error(`Unknown git object ${object satisfies never}`);
    }
  }

  private treeEntry(repo: RepositoryState, entry: TreeEntry, path: string) {
    const blob = readObject(repo.objects, entry.sha, 'blob');
    return {
      name: entry.name,
      nameRaw: Buffer.from(entry.name).toString('base64'),
      path,
      pathRaw: Buffer.from(path).toString('base64'),
      type: entry.type,
      oid: entry.sha,
      mode: parseInt(entry.mode, 8),
      size: blob?.data.length ?? 0,
      extension: (entry.type === 'blob' && posix.extname(entry.name)) || null,
      isGenerated: false,
      object: () => this.gitObject(repo, entry.sha, path),
      repository: () => this.repository(repo),
    };
  }

  private user(user: GithubUser) {
    const id = this.store.userId(user.login);
    return {
      __typename: 'User',
      id: nodeId('User', id),
      databaseId: id,
      login: user.login,
      name: user.name,
      email: user.email ?? '',
      bio: null,
      company: null,
      location: null,
      websiteUrl: null,
      avatarUrl: avatarUrl(id),
      url: `${HTML_BASE}/${user.login}`,
      resourcePath: `/${user.login}`,
      // Only GitHub Enterprise verifies domains; github.com answers an empty list.
      organizationVerifiedDomainEmails: () => [],
    };
  }

  /** `teams(userLogins, rootTeamsOnly, query)` of an organization. */
  private teamsOf(org: OrganizationState, args: Args): GithubTeam[] {
    const logins: string[] | undefined = args.userLogins?.map((l: string) =>
      l.toLowerCase(),
    );
    const query = args.query?.toLowerCase();
    return org.teams.filter(
      team =>
        (!logins || team.members.some(m => logins.includes(m.toLowerCase()))) &&
        (!args.rootTeamsOnly || !team.parent) &&
        (!query ||
          team.name.toLowerCase().includes(query) ||
          team.slug.includes(query)),
    );
  }

  /** Teams under `team`: its children, or all its descendants. */
  private childTeams(
    org: OrganizationState,
    team: GithubTeam,
    immediateOnly: boolean,
  ): GithubTeam[] {
    const children = org.teams.filter(t => t.parent === team.slug);
    return immediateOnly
      ? children
      : children.flatMap(child => [
          child,
          ...this.childTeams(org, child, false),
        ]);
  }

  private team(org: OrganizationState, team: GithubTeam) {
    const url = `${HTML_BASE}/orgs/${org.login}/teams/${team.slug}`;
    // A team member who is not (or no longer) listed as an organization member still shows.
    const userOf = (login: string): GithubUser =>
      org.members.find(m => m.login.toLowerCase() === login.toLowerCase()) ?? {
        login,
        name: null,
      };
    const usersOf = (teams: GithubTeam[]) =>
      [...new Set(teams.flatMap(t => t.members))].map(userOf);
    const membershipTeams: Record<string, () => GithubTeam[]> = {
      IMMEDIATE: () => [team],
      CHILD_TEAM: () => this.childTeams(org, team, false),
      ALL: () => [team, ...this.childTeams(org, team, false)],
    };
    return {
      __typename: 'Team',
      id: nodeId('Team', `${org.id}/${team.slug}`),
      slug: team.slug,
      name: team.name,
      description: team.description,
      combinedSlug: `${org.login}/${team.slug}`,
      privacy: 'VISIBLE',
      url,
      resourcePath: `/orgs/${org.login}/teams/${team.slug}`,
      editTeamUrl: `${url}/edit`,
      avatarUrl: null,
      organization: () => this.organization(org),
      parentTeam: () => {
        const parent = org.teams.find(t => t.slug === team.parent);
        return parent ? this.team(org, parent) : null;
      },
      members: (args: Args) =>
        connection(
          usersOf(membershipTeams[args.membership ?? 'ALL']()),
          args,
          user => this.user(user),
          () => ({ role: 'MEMBER' }),
        ),
      childTeams: (args: Args) =>
        connection(
          this.childTeams(org, team, args.immediateOnly ?? true),
          args,
          child => this.team(org, child),
        ),
    };
  }
}

/** The `Query` fields the emulator serves, for one query of known cost. */
export function rootValue(
  store: GithubStore,
  cost: QueryCost,
  rateLimit: () => RateLimitStatus,
) {
  const nodes = new Nodes(store);
  return {
    organization: ({ login }: Args) => {
      const org = store.organization(login);
      if (!org) {
        throw notFound(
          `Could not resolve to an Organization with the login of '${login}'.`,
        );
      }
      return nodes.organization(org);
    },
    repositoryOwner: ({ login }: Args) => {
      const org = store.organization(login);
      return org ? nodes.organization(org) : null;
    },
    repository: ({ owner, name }: Args) => {
      const repo = store.repository(owner, name);
      if (!repo) {
        throw notFound(
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      }
      return nodes.repository(repo);
    },
    rateLimit: () => {
      const status = rateLimit();
      return {
        cost: cost.points,
        limit: status.limit,
        remaining: status.remaining,
        used: status.used,
        resetAt: githubTime(status.reset * 1000),
        nodeCount: cost.nodeCount,
      };
    },
  };
}
