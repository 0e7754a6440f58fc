import { AuthScheme, Credentials } from './auth';
import { getContent, getRaw } from './contents';
import { githubTime } from './estate';
import { readObject } from './gitObjects';
import { HttpError, json, notFound, Reply } from './http';
import { byKey } from './ordering';
import { paginate } from './pagination';
import { RateLimitResource, RateLimits } from './rateLimits';
import { GithubStore, RepositoryState } from './repositories';
import {
  blobJson,
  branchJson,
  combinedStatusJson,
  commitJson,
  installationJson,
  organizationJson,
  repositoryJson,
  treeJson,
} from './restShapes';
import { buildTarball, tarballPrefix } from './tarball';

/** What a handler gets: the decoded path captures and the request. */
export type RouteRequest = {
  params: string[];
  /** Absolute, on the emulator. */
  url: URL;
  /** `http://host:port`, for the absolute URLs in answers. */
  base: string;
  accept: string;
  token?: string;
  body: Buffer;
};

export type Route = {
  /** Octokit's name for the endpoint (`repos.getContent`); used for counts and faults. */
  name: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  auth: AuthScheme;
  /**
   * The rate limit the answer reports, and whether each request spends 1 from it. GraphQL
   * spends its points itself; `/rate_limit` is free; codeload and raw files are other hosts,
   * outside the API's limits.
   */
  budget?: { resource: RateLimitResource; perRequest: boolean };
  handle(request: RouteRequest): Reply | Promise<Reply>;
};

const CORE = { resource: 'core', perRequest: true } as const;
const REPO = '^/repos/([^/]+)/([^/]+)';

const GZIP = 'application/x-gzip';

/** The sort orders of the repository lists, by their `sort` parameter. */
const REPO_SORT_KEYS: Record<string, (r: RepositoryState) => string> = {
  created: r => r.metadata.createdAt,
  updated: r => r.metadata.pushedAt,
  pushed: r => r.metadata.pushedAt,
  full_name: r => `${r.owner.login}/${r.metadata.name}`.toLowerCase(),
};

/** The `type` filter of `GET /orgs/{org}/repos`. */
const REPO_TYPES: Record<string, (r: RepositoryState) => boolean> = {
  all: () => true,
  member: () => true,
  public: r => r.metadata.visibility === 'PUBLIC',
  private: r => r.metadata.visibility !== 'PUBLIC',
  forks: r => r.metadata.isFork,
  sources: r => !r.metadata.isFork,
};

function sortRepositories(
  repos: RepositoryState[],
  url: URL,
  defaultSort: string,
): RepositoryState[] {
  const sort = url.searchParams.get('sort') ?? defaultSort;
  const key = REPO_SORT_KEYS[sort];
  if (!key) throw new HttpError(422, `Invalid sort: ${sort}`);
  const direction =
    url.searchParams.get('direction') ??
    (sort === 'full_name' ? 'asc' : 'desc');
  return [...repos].sort(byKey(key, direction !== 'asc'));
}

/** The REST routes, in matching order (a `/status` suffix before a bare `{ref}`). */
export function restRoutes(deps: {
  store: GithubStore;
  credentials: Credentials;
  rateLimits: RateLimits;
}): Route[] {
  const { store, credentials, rateLimits } = deps;

  const repositoryOf = ({ params }: RouteRequest) => {
    const repo = store.repository(params[0], params[1]);
    if (!repo) throw notFound();
    return repo;
  };
  /** The commit `ref` names; 422 in GitHub's words when there is none. */
  const commitOf = (repo: RepositoryState, ref: string) => {
    const sha = store.resolveRef(repo, ref);
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ref}`);
    return sha;
  };
  const listReply = <T>(
    items: readonly T[],
    url: URL,
    map: (t: T) => unknown,
  ) => {
    const { page, headers } = paginate(items, url);
    return { status: 200, headers, body: page.map(map) };
  };

  return [
    {
      name: 'rateLimit.get',
      method: 'GET',
      pattern: /^\/rate_limit$/,
      auth: 'token',
      budget: { resource: 'core', perRequest: false },
      handle: () => {
        const resource = (name: RateLimitResource) => {
          const { limit, used, remaining, reset } = rateLimits.status(name);
          return { limit, used, remaining, reset };
        };
        return json({
          resources: { core: resource('core'), graphql: resource('graphql') },
          rate: resource('core'),
        });
      },
    },
    {
      name: 'orgs.get',
      method: 'GET',
      pattern: /^\/orgs\/([^/]+)$/,
      auth: 'token',
      budget: CORE,
      handle: ({ params, base }) => {
        const org = store.organization(params[0]);
        if (!org) throw notFound();
        return json(organizationJson(base, org));
      },
    },
    {
      name: 'repos.listForOrg',
      method: 'GET',
      pattern: /^\/orgs\/([^/]+)\/repos$/,
      auth: 'token',
      budget: CORE,
      handle: ({ params, url, base }) => {
        const org = store.organization(params[0]);
        if (!org) throw notFound();
        const type = url.searchParams.get('type') ?? 'all';
        const filter = REPO_TYPES[type];
        if (!filter) throw new HttpError(422, `Invalid type: ${type}`);
        const repos = sortRepositories(
          [...org.repositories.values()].filter(filter),
          url,
          'created',
        );
        return listReply(repos, url, r => repositoryJson(base, r));
      },
    },
    {
      // GitHub lists an organization's public repositories here too.
      name: 'repos.listForUser',
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/repos$/,
      auth: 'token',
      budget: CORE,
      handle: ({ params, url, base }) => {
        const org = store.organization(params[0]);
        if (!org) throw notFound();
        const repos = sortRepositories(
          [...org.repositories.values()].filter(REPO_TYPES.public),
          url,
          'full_name',
        );
        return listReply(repos, url, r => repositoryJson(base, r));
      },
    },
    {
      name: 'repos.get',
      method: 'GET',
      pattern: new RegExp(`${REPO}$`),
      auth: 'token',
      budget: CORE,
      handle: request =>
        json(repositoryJson(request.base, repositoryOf(request))),
    },
    {
      name: 'repos.getBranch',
      method: 'GET',
      pattern: new RegExp(`${REPO}/branches/(.+)$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        if (!repo.head || request.params[2] !== repo.metadata.defaultBranch) {
          throw new HttpError(404, 'Branch not found');
        }
        return json(branchJson(request.base, repo));
      },
    },
    {
      name: 'repos.getCombinedStatusForRef',
      method: 'GET',
      pattern: new RegExp(`${REPO}/commits/(.+)/status$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        const ref = request.params[2];
        return json(
          combinedStatusJson(request.base, repo, ref, commitOf(repo, ref)),
        );
      },
    },
    {
      name: 'repos.getCommit',
      method: 'GET',
      pattern: new RegExp(`${REPO}/commits/(.+)$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        const sha = commitOf(repo, request.params[2]);
        if (/application\/vnd\.github(\.v3)?\.sha/.test(request.accept)) {
          return {
            status: 200,
            headers: {
              'content-type': 'application/vnd.github.sha; charset=utf-8',
            },
            body: sha,
          };
        }
        return json(commitJson(request.base, repo, sha));
      },
    },
    {
      name: 'repos.getContent',
      method: 'GET',
      pattern: new RegExp(`${REPO}/contents(?:/(.*))?$`),
      auth: 'token',
      budget: CORE,
      handle: request =>
        getContent({
          base: request.base,
          store,
          repo: repositoryOf(request),
          path: request.params[2] ?? '',
          ref: request.url.searchParams.get('ref') ?? undefined,
          accept: request.accept,
        }),
    },
    {
      name: 'git.getTree',
      method: 'GET',
      pattern: new RegExp(`${REPO}/git/trees/(.+)$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        const given = request.params[2];
        // A tree SHA, or a commit SHA or branch whose tree is meant.
        const commit = readObject(repo.objects, given, 'tree')
          ? undefined
          : store.resolveRef(repo, given);
        const treeSha = commit
          ? readObject(repo.objects, commit, 'commit')!.tree
          : given;
        if (!readObject(repo.objects, treeSha, 'tree')) throw notFound();
        // Any value of `recursive` recurses, even "false" or "0", as GitHub documents.
        const recursive = request.url.searchParams.has('recursive');
        return json(treeJson(request.base, repo, treeSha, recursive));
      },
    },
    {
      name: 'git.getBlob',
      method: 'GET',
      pattern: new RegExp(`${REPO}/git/blobs/([^/]+)$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        if (!readObject(repo.objects, request.params[2], 'blob'))
          throw notFound();
        return json(blobJson(request.base, repo, request.params[2]));
      },
    },
    {
      // GitHub redirects to codeload.github.com; the emulator to its own /codeload.
      name: 'repos.downloadTarballArchive',
      method: 'GET',
      pattern: new RegExp(`${REPO}/tarball(?:/(.+))?$`),
      auth: 'token',
      budget: CORE,
      handle: request => {
        const repo = repositoryOf(request);
        const sha = store.resolveRef(
          repo,
          request.params[2] ?? repo.metadata.defaultBranch,
        );
        if (!sha) throw notFound();
        return {
          status: 302,
          headers: {
            location: `${request.base}/codeload/${repo.owner.login}/${repo.metadata.name}/legacy.tar.gz/${sha}`,
          },
        };
      },
    },
    {
      name: 'codeload.legacyTarGz',
      method: 'GET',
      pattern: /^\/codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/,
      auth: 'token',
      handle: async (request): Promise<Reply> => {
        const repo = repositoryOf(request);
        const sha = store.resolveRef(repo, request.params[2]);
        if (!sha) {
          return {
            status: 404,
            headers: { 'content-type': 'text/plain' },
            body: '404: Not Found',
          };
        }
        return {
          status: 200,
          headers: {
            'content-type': GZIP,
            'content-disposition': `attachment; filename=${tarballPrefix(
              repo,
              sha,
            )}.tar.gz`,
          },
          body: await buildTarball(repo, sha),
        };
      },
    },
    {
      name: 'raw.getFile',
      method: 'GET',
      pattern: /^\/raw\/([^/]+)\/([^/]+)\/(.+)$/,
      auth: 'token',
      handle: request =>
        getRaw(store, repositoryOf(request), request.params[2]),
    },
    {
      name: 'apps.listInstallations',
      method: 'GET',
      pattern: /^\/app\/installations$/,
      auth: 'app',
      budget: CORE,
      handle: ({ url, base }) =>
        listReply(store.organizations(), url, org =>
          installationJson(base, org),
        ),
    },
    {
      name: 'apps.createInstallationAccessToken',
      method: 'POST',
      pattern: /^\/app\/installations\/(\d+)\/access_tokens$/,
      auth: 'app',
      budget: CORE,
      handle: ({ params }) => {
        const org = store.organizations().find(o => o.id === Number(params[0]));
        if (!org) throw notFound();
        return json(
          {
            token: credentials.issueInstallationToken(org.id),
            expires_at: githubTime(Date.now() + 3600 * 1000),
            permissions: {
              contents: 'read',
              metadata: 'read',
              members: 'read',
            },
            repository_selection: 'all',
          },
          201,
        );
      },
    },
    {
      name: 'apps.listReposAccessibleToInstallation',
      method: 'GET',
      pattern: /^\/installation\/repositories$/,
      auth: 'token',
      budget: CORE,
      handle: ({ token, url, base }) => {
        const installation = credentials.installationOf(token);
        const org = store.organizations().find(o => o.id === installation);
        if (!org) {
          throw new HttpError(
            403,
            'This endpoint requires an installation access token',
          );
        }
        const { page, headers } = paginate([...org.repositories.values()], url);
        return {
          status: 200,
          headers,
          body: {
            total_count: org.repositories.size,
            repository_selection: 'all',
            repositories: page.map(r => repositoryJson(base, r)),
          },
        };
      },
    },
  ];
}
