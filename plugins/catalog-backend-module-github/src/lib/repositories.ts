import { GithubClient, RequestStats } from './github';

/** The root files whose content comes with the repository listing, in the same query. */
export const ROOT_BLOBS = {
  owners: 'OWNERS',
  ownersAliases: 'OWNERS_ALIASES',
  codeownersGithub: '.github/CODEOWNERS',
  codeownersRoot: 'CODEOWNERS',
  codeownersDocs: 'docs/CODEOWNERS',
  catalogInfo: 'catalog-info.yaml',
} as const;

type BlobKey = keyof typeof ROOT_BLOBS;

/** What the catalog needs of a repository, from one page of one GraphQL query. */
export type RepositoryInfo = {
  owner: string;
  name: string;
  description?: string;
  url: string;
  topics: string[];
  primaryLanguage?: string;
  isArchived: boolean;
  isFork: boolean;
  visibility: string;
  defaultBranch?: string;
  /** Head commit of the default branch; unset for an empty repository. */
  headCommit?: string;
  pushedAt?: string;
  /** Root files present in the repository, by path → text (whole files only). */
  rootFiles: Map<string, string>;
  /**
   * Root files whose text GitHub truncated in the listing (it cuts `Blob.text`, at 512,000
   * bytes as observed): never parsed from the listing, read from the archive instead.
   */
  truncatedFiles: Array<{ path: string; byteSize: number }>;
};

const REPOSITORY_FIELDS = `
  name
  owner { login }
  description
  url
  isArchived
  isFork
  visibility
  pushedAt
  primaryLanguage { name }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  defaultBranchRef { name target { ... on Commit { oid } } }
  ${Object.entries(ROOT_BLOBS)
    .map(
      ([alias, path]) =>
        `${alias}: object(expression: "HEAD:${path}") { ... on Blob { text isBinary isTruncated byteSize } }`,
    )
    .join('\n  ')}
`;

const ORGANIZATION_QUERY = `
query infraAtlasRepositories($login: String!, $pageSize: Int!, $cursor: String) {
  rateLimit { cost remaining resetAt }
  organization(login: $login) {
    repositories(first: $pageSize, after: $cursor, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${REPOSITORY_FIELDS} }
    }
  }
}`;

const REPOSITORY_QUERY = `
query infraAtlasRepository($owner: String!, $name: String!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) { ${REPOSITORY_FIELDS} }
}`;

type BlobNode = {
  text?: string | null;
  isBinary?: boolean;
  isTruncated?: boolean;
  byteSize?: number;
} | null;
type RepositoryNode = {
  name: string;
  owner: { login: string };
  description: string | null;
  url: string;
  isArchived: boolean;
  isFork: boolean;
  visibility: string;
  pushedAt: string | null;
  primaryLanguage: { name: string } | null;
  repositoryTopics: { nodes: Array<{ topic: { name: string } }> };
  defaultBranchRef: { name: string; target: { oid?: string } | null } | null;
} & Record<BlobKey, BlobNode>;

export type RateLimit = { cost: number; remaining: number; resetAt: string };

type OrganizationPage = {
  rateLimit: RateLimit;
  organization: {
    repositories: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: RepositoryNode[];
    };
  } | null;
};

function toRepositoryInfo(node: RepositoryNode): RepositoryInfo {
  const rootFiles = new Map<string, string>();
  const truncatedFiles: RepositoryInfo['truncatedFiles'] = [];
  for (const [alias, path] of Object.entries(ROOT_BLOBS)) {
    const blob = node[alias as BlobKey];
    if (blob?.isTruncated) {
      truncatedFiles.push({ path, byteSize: blob.byteSize ?? 0 });
    } else if (blob && !blob.isBinary && typeof blob.text === 'string') {
      rootFiles.set(path, blob.text);
    }
  }
  return {
    owner: node.owner.login,
    name: node.name,
    description: node.description ?? undefined,
    url: node.url,
    topics: node.repositoryTopics.nodes.map(n => n.topic.name),
    primaryLanguage: node.primaryLanguage?.name,
    isArchived: node.isArchived,
    isFork: node.isFork,
    visibility: node.visibility,
    defaultBranch: node.defaultBranchRef?.name,
    headCommit: node.defaultBranchRef?.target?.oid,
    pushedAt: node.pushedAt ?? undefined,
    rootFiles,
    truncatedFiles,
  };
}

/** GitHub answers a missing repository with a NOT_FOUND error, not with null. */
function isNotFound(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ type?: string }> }).errors;
  return !!errors?.length && errors.every(e => e.type === 'NOT_FOUND');
}

/** GitHub answered 200 with an `errors` payload (Octokit's GraphqlResponseError). */
const isGraphqlErrorPayload = (error: unknown) =>
  (error as { name?: string }).name === 'GraphqlResponseError';

/**
 * Retries a GraphQL call that came back with an `errors` payload: other errors than GitHub's
 * transient "Something went wrong" (which plugin-retry already handles), e.g. a timeout of a
 * heavy page, usually pass on a second try. HTTP failures are not retried here: plugin-retry
 * and the throttling plugin have already done what is sensible with them. A missing
 * repository (NOT_FOUND) is an answer, not a failure.
 */
async function withGraphqlRetries<T>(
  call: () => Promise<T>,
  attempts: number,
  baseDelayMs: number,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (
        attempt >= attempts ||
        !isGraphqlErrorPayload(error) ||
        isNotFound(error)
      ) {
        throw error;
      }
      await new Promise(r => setTimeout(r, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** One GraphQL query with its retries, its cost counted from the `rateLimit` it asks for. */
export async function query<T extends { rateLimit?: RateLimit }>(
  options: ListOptions,
  document: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const result = await withGraphqlRetries(
    () => options.client.graphql<T>(document, variables),
    options.attempts ?? 3,
    options.baseDelayMs ?? 1000,
  );
  options.stats.graphqlPoints += result.rateLimit?.cost ?? 0;
  return result;
}

export type ListOptions = {
  client: GithubClient;
  stats: RequestStats;
  pageSize: number;
  /** Attempts per page for GraphQL error payloads. */
  attempts?: number;
  baseDelayMs?: number;
};

/**
 * Every repository of an organization with its root ownership files: one GraphQL query per
 * 100 repositories, nothing per repository. Throws if any page fails after its retries, so
 * that the caller never mistakes a truncated list for the organization.
 */
export async function listOrganizationRepositories(
  login: string,
  options: ListOptions,
): Promise<RepositoryInfo[]> {
  const repositories: RepositoryInfo[] = [];
  const fetchPage = (cursor: string | null) =>
    query<OrganizationPage>(options, ORGANIZATION_QUERY, {
      login,
      pageSize: options.pageSize,
      cursor,
    });
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    if (!page.organization) {
      throw new Error(`GitHub organization '${login}' was not found`);
    }
    const { nodes, pageInfo } = page.organization.repositories;
    repositories.push(...nodes.map(toRepositoryInfo));
    cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (cursor);
  return repositories;
}

/** One repository, as the listing would return it; `undefined` if it no longer exists. */
export async function getRepository(
  owner: string,
  name: string,
  options: ListOptions,
): Promise<RepositoryInfo | undefined> {
  try {
    const result = await query<{
      rateLimit: RateLimit;
      repository: RepositoryNode | null;
    }>(options, REPOSITORY_QUERY, { owner, name });
    return result.repository ? toRepositoryInfo(result.repository) : undefined;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}
