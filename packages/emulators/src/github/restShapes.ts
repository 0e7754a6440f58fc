import { HTML_BASE } from './http';
import { COMMIT_AUTHOR, readObject, walkTree } from './gitObjects';
import { nodeId, OrganizationState, RepositoryState } from './repositories';

/*
 * The JSON of GitHub's REST API v3 (field names from `@octokit/openapi-types`), built from
 * the emulator's state. API URLs are absolute on the emulator (`base`), because clients
 * follow them verbatim; web URLs point to github.com, as the real API's do.
 */

/** The app that every emulated installation belongs to. */
const APP = { id: 1, slug: 'infra-atlas-emulator' };

const avatarUrl = (id: number) =>
  `https://avatars.githubusercontent.com/u/${id}?v=4`;

/** File and blob contents as GitHub encodes them: base64 in lines of 60 characters. */
export function base64Lines(data: Buffer): string {
  const encoded = data.toString('base64');
  return encoded === '' ? '' : `${encoded.match(/.{1,60}/g)!.join('\n')}\n`;
}

export function repositoryApiUrl(base: string, repo: RepositoryState): string {
  return `${base}/repos/${repo.owner.login}/${repo.metadata.name}`;
}

export function ownerJson(base: string, org: OrganizationState) {
  const url = `${base}/users/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('Organization', org.id),
    avatar_url: avatarUrl(org.id),
    gravatar_id: '',
    url,
    html_url: `${HTML_BASE}/${org.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'Organization',
    site_admin: false,
  };
}

export function organizationJson(base: string, org: OrganizationState) {
  const url = `${base}/orgs/${org.login}`;
  const repositories = [...org.repositories.values()];
  const publicRepos = repositories.filter(
    r => r.metadata.visibility === 'PUBLIC',
  ).length;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('Organization', org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: avatarUrl(org.id),
    description: org.description,
    name: org.name,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${HTML_BASE}/${org.login}`,
    created_at: org.createdAt,
    updated_at: org.createdAt,
    type: 'Organization',
    total_private_repos: repositories.length - publicRepos,
    owned_private_repos: repositories.length - publicRepos,
  };
}

/** Disk usage in KiB, as `size` reports it: the head's files. */
function sizeKib(repo: RepositoryState): number {
  if (!repo.head) return 0;
  const commit = readObject(repo.objects, repo.head, 'commit')!;
  let bytes = 0;
  for (const entry of walkTree(repo.objects, commit.tree)) {
    if (entry.type === 'blob') {
      bytes += readObject(repo.objects, entry.sha, 'blob')!.data.length;
    }
  }
  return Math.ceil(bytes / 1024);
}

export function repositoryJson(base: string, repo: RepositoryState) {
  const { metadata } = repo;
  const fullName = `${repo.owner.login}/${metadata.name}`;
  const u = repositoryApiUrl(base, repo);
  const owner = ownerJson(base, repo.owner);
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: metadata.name,
    full_name: fullName,
    private: metadata.visibility !== 'PUBLIC',
    owner,
    html_url: `${HTML_BASE}/${fullName}`,
    description: metadata.description,
    fork: metadata.isFork,
    url: u,
    forks_url: `${u}/forks`,
    keys_url: `${u}/keys{/key_id}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    teams_url: `${u}/teams`,
    hooks_url: `${u}/hooks`,
    issue_events_url: `${u}/issues/events{/number}`,
    events_url: `${u}/events`,
    assignees_url: `${u}/assignees{/user}`,
    branches_url: `${u}/branches{/branch}`,
    tags_url: `${u}/tags`,
    blobs_url: `${u}/git/blobs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    trees_url: `${u}/git/trees{/sha}`,
    statuses_url: `${u}/statuses/{sha}`,
    languages_url: `${u}/languages`,
    stargazers_url: `${u}/stargazers`,
    contributors_url: `${u}/contributors`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    commits_url: `${u}/commits{/sha}`,
    git_commits_url: `${u}/git/commits{/sha}`,
    comments_url: `${u}/comments{/number}`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    contents_url: `${u}/contents/{+path}`,
    compare_url: `${u}/compare/{base}...{head}`,
    merges_url: `${u}/merges`,
    archive_url: `${u}/{archive_format}{/ref}`,
    downloads_url: `${u}/downloads`,
    issues_url: `${u}/issues{/number}`,
    pulls_url: `${u}/pulls{/number}`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    labels_url: `${u}/labels{/name}`,
    releases_url: `${u}/releases{/id}`,
    deployments_url: `${u}/deployments`,
    created_at: metadata.createdAt,
    updated_at: metadata.pushedAt,
    pushed_at: metadata.pushedAt,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${HTML_BASE}/${fullName}.git`,
    svn_url: `${HTML_BASE}/${fullName}`,
    homepage: null,
    size: sizeKib(repo),
    stargazers_count: 0,
    watchers_count: 0,
    language: metadata.primaryLanguage,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: metadata.isArchived,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: metadata.topics,
    visibility: metadata.visibility.toLowerCase(),
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: metadata.defaultBranch,
    permissions: {
      admin: false,
      maintain: false,
      push: false,
      triage: false,
      pull: true,
    },
    organization: owner,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function commitJson(base: string, repo: RepositoryState, sha: string) {
  const commit = readObject(repo.objects, sha, 'commit')!;
  const u = repositoryApiUrl(base, repo);
  const html = `${HTML_BASE}/${repo.owner.login}/${repo.metadata.name}`;
  const signature = { ...COMMIT_AUTHOR, date: commit.date };
  return {
    sha,
    node_id: nodeId('Commit', `${repo.id}:${sha}`),
    commit: {
      author: signature,
      committer: signature,
      message: commit.message,
      tree: { sha: commit.tree, url: `${u}/git/trees/${commit.tree}` },
      url: `${u}/git/commits/${sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${u}/commits/${sha}`,
    html_url: `${html}/commit/${sha}`,
    comments_url: `${u}/commits/${sha}/comments`,
    // No GitHub account made the emulator's commits.
    author: null,
    committer: null,
    parents: commit.parents.map(parent => ({
      sha: parent,
      url: `${u}/commits/${parent}`,
      html_url: `${html}/commit/${parent}`,
    })),
  };
}

export function branchJson(base: string, repo: RepositoryState) {
  const name = repo.metadata.defaultBranch;
  const u = repositoryApiUrl(base, repo);
  return {
    name,
    commit: commitJson(base, repo, repo.head!),
    _links: {
      self: `${u}/branches/${name}`,
      html: `${HTML_BASE}/${repo.owner.login}/${repo.metadata.name}/tree/${name}`,
    },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: {
        enforcement_level: 'off',
        contexts: [],
        checks: [],
      },
    },
    protection_url: `${u}/branches/${name}/protection`,
  };
}

/** No CI reports to the emulator: no statuses, hence `pending`, as GitHub says then. */
export function combinedStatusJson(
  base: string,
  repo: RepositoryState,
  ref: string,
  sha: string,
) {
  const u = repositoryApiUrl(base, repo);
  return {
    state: 'pending',
    statuses: [],
    sha,
    total_count: 0,
    repository: repositoryJson(base, repo),
    commit_url: `${u}/commits/${sha}`,
    url: `${u}/commits/${ref}/status`,
  };
}

export function treeJson(
  base: string,
  repo: RepositoryState,
  treeSha: string,
  recursive: boolean,
) {
  const u = repositoryApiUrl(base, repo);
  const entries = recursive
    ? [...walkTree(repo.objects, treeSha)]
    : readObject(repo.objects, treeSha, 'tree')!.entries.map(e => ({
        ...e,
        path: e.name,
      }));
  return {
    sha: treeSha,
    url: `${u}/git/trees/${treeSha}`,
    tree: entries.map(entry =>
      entry.type === 'blob'
        ? {
            path: entry.path,
            mode: entry.mode,
            type: entry.type,
            sha: entry.sha,
            size: readObject(repo.objects, entry.sha, 'blob')!.data.length,
            url: `${u}/git/blobs/${entry.sha}`,
          }
        : {
            path: entry.path,
            mode: entry.mode,
            type: entry.type,
            sha: entry.sha,
            url: `${u}/git/trees/${entry.sha}`,
          },
    ),
    // GitHub truncates past 100,000 entries or 7 MB; no emulated repository gets there.
    truncated: false,
  };
}

export function blobJson(base: string, repo: RepositoryState, sha: string) {
  const blob = readObject(repo.objects, sha, 'blob')!;
  return {
    sha,
    node_id: nodeId('Blob', `${repo.id}:${sha}`),
    size: blob.data.length,
    url: `${repositoryApiUrl(base, repo)}/git/blobs/${sha}`,
    content: base64Lines(blob.data),
    encoding: 'base64',
  };
}

/** One installation of the emulator's app per organization, with the organization's id. */
export function installationJson(base: string, org: OrganizationState) {
  return {
    id: org.id,
    account: ownerJson(base, org),
    repository_selection: 'all',
    access_tokens_url: `${base}/app/installations/${org.id}/access_tokens`,
    repositories_url: `${base}/installation/repositories`,
    html_url: `${HTML_BASE}/organizations/${org.login}/settings/installations/${org.id}`,
    app_id: APP.id,
    app_slug: APP.slug,
    target_id: org.id,
    target_type: 'Organization',
    permissions: { contents: 'read', metadata: 'read', members: 'read' },
    events: [],
    created_at: org.createdAt,
    updated_at: org.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
