import {
  GithubEstate,
  GithubFileContent,
  GithubRepository,
  GithubTeam,
  GithubUser,
  githubTime,
} from './estate';
import {
  FileToCommit,
  ObjectStore,
  readObject,
  writeCommit,
  writeTree,
} from './gitObjects';

/** What the REST and GraphQL APIs say about a repository, besides its files. */
export type RepositoryMetadata = Omit<GithubRepository, 'files'>;

export type OrganizationState = {
  login: string;
  id: number;
  name: string | null;
  description: string | null;
  createdAt: string;
  /** By lower-cased name, in creation order. */
  repositories: Map<string, RepositoryState>;
  members: GithubUser[];
  teams: GithubTeam[];
};

export type RepositoryState = {
  id: number;
  owner: OrganizationState;
  metadata: RepositoryMetadata;
  objects: ObjectStore;
  /** The default branch's commit; undefined while the repository is empty. */
  head?: string;
  /** The files at `head`, kept to build the next commit from. */
  files: Map<string, FileToCommit>;
};

/**
 * GitHub's legacy global node ID (`MDEwOlJlcG9zaXRvcnkx` …): base64 of
 * `0<type length>:<type><key>`. Still accepted by GitHub and opaque to clients.
 */
export function nodeId(type: string, key: string | number): string {
  return Buffer.from(`0${type.length}:${type}${key}`).toString('base64');
}

function toFile(content: GithubFileContent): FileToCommit {
  if (typeof content === 'string' || Buffer.isBuffer(content)) {
    return { mode: '100644', data: Buffer.from(content) };
  }
  return { mode: '120000', data: Buffer.from(content.symlink) };
}

function normalizePath(path: string): string {
  const normalized = path.replace(/^\/+/, '');
  if (
    normalized === '' ||
    normalized
      .split('/')
      .some(part => part === '' || part === '.' || part === '..')
  ) {
    throw new Error(`Invalid repository path "${path}"`);
  }
  return normalized;
}

/**
 * The live state of the emulated GitHub: organizations, repositories and their commits.
 * Lookups by owner and name ignore case, as GitHub's do. Changes make commits on the default
 * branch; older commits stay readable by SHA.
 */
export class GithubStore {
  private readonly organizationsByLogin = new Map<string, OrganizationState>();
  private readonly userIds = new Map<string, number>();
  private nextRepositoryId = 100000001;

  constructor(estate: GithubEstate) {
    estate.organizations.forEach((org, index) => {
      const state: OrganizationState = {
        login: org.login,
        id: 1000001 + index,
        name: org.name ?? null,
        description: org.description ?? null,
        createdAt:
          org.createdAt ??
          org.repositories.map(r => r.createdAt).sort()[0] ??
          githubTime(0),
        repositories: new Map(),
        members: org.members ?? [],
        teams: org.teams ?? [],
      };
      this.organizationsByLogin.set(org.login.toLowerCase(), state);
      org.repositories.forEach(repo => this.addRepository(org.login, repo));
      state.members.forEach(member => this.userId(member.login));
      state.teams.forEach(team => team.members.forEach(m => this.userId(m)));
    });
  }

  /** A user's numeric id: stable for a login, in order of first appearance in the estate. */
  userId(login: string): number {
    const key = login.toLowerCase();
    if (!this.userIds.has(key)) {
      this.userIds.set(key, 5000001 + this.userIds.size);
    }
    return this.userIds.get(key)!;
  }

  organizations(): OrganizationState[] {
    return [...this.organizationsByLogin.values()];
  }

  organization(login: string): OrganizationState | undefined {
    return this.organizationsByLogin.get(login.toLowerCase());
  }

  repository(owner: string, name: string): RepositoryState | undefined {
    return this.organization(owner)?.repositories.get(name.toLowerCase());
  }

  addRepository(owner: string, repository: GithubRepository): void {
    const org = this.organization(owner);
    if (!org) throw new Error(`Unknown organization "${owner}"`);
    const key = repository.name.toLowerCase();
    if (org.repositories.has(key)) {
      throw new Error(`Repository ${owner}/${repository.name} already exists`);
    }
    const { files, ...metadata } = repository;
    const state: RepositoryState = {
      id: this.nextRepositoryId++,
      owner: org,
      metadata: { ...metadata, topics: [...metadata.topics] },
      objects: new Map(),
      files: new Map(
        Object.entries(files).map(([path, content]) => [
          normalizePath(path),
          toFile(content),
        ]),
      ),
    };
    org.repositories.set(key, state);
    if (state.files.size > 0) {
      this.commit(
        state,
        `Import ${org.login}/${repository.name}`,
        metadata.pushedAt,
      );
    }
  }

  removeRepository(owner: string, name: string): void {
    const repo = this.require(owner, name);
    repo.owner.repositories.delete(name.toLowerCase());
  }

  putFile(
    owner: string,
    name: string,
    path: string,
    content: GithubFileContent,
  ): void {
    const repo = this.require(owner, name);
    const key = normalizePath(path);
    const verb = repo.files.has(key) ? 'Update' : 'Create';
    repo.files.set(key, toFile(content));
    this.commit(repo, `${verb} ${key}`);
  }

  deleteFile(owner: string, name: string, path: string): void {
    const repo = this.require(owner, name);
    const key = normalizePath(path);
    if (!repo.files.delete(key)) {
      throw new Error(`${owner}/${name} has no file "${key}"`);
    }
    this.commit(repo, `Delete ${key}`);
  }

  /**
   * The commit a ref names, as GitHub resolves `{ref}` in REST paths and `<rev>:` in GraphQL
   * expressions: `HEAD`, the branch (also as `heads/…` or `refs/heads/…`), or a commit SHA,
   * full or abbreviated to at least 7 characters.
   */
  resolveRef(repo: RepositoryState, ref: string): string | undefined {
    const branch = repo.metadata.defaultBranch;
    if (
      ['HEAD', branch, `heads/${branch}`, `refs/heads/${branch}`].includes(ref)
    ) {
      return repo.head;
    }
    if (!/^[0-9a-f]{7,40}$/i.test(ref)) return undefined;
    const prefix = ref.toLowerCase();
    if (repo.objects.get(prefix)?.type === 'commit') return prefix;
    const matches = [...repo.objects.keys()].filter(
      sha => sha.startsWith(prefix) && repo.objects.get(sha)!.type === 'commit',
    );
    return matches.length === 1 ? matches[0] : undefined;
  }

  private require(owner: string, name: string): RepositoryState {
    const repo = this.repository(owner, name);
    if (!repo) throw new Error(`Unknown repository ${owner}/${name}`);
    return repo;
  }

  /**
   * Commits the repository's files on top of its head. A change that leaves the tree as it
   * was makes no commit, as git would refuse an empty one.
   */
  private commit(repo: RepositoryState, message: string, date?: string): void {
    const tree = writeTree(repo.objects, repo.files);
    const parent = repo.head && readObject(repo.objects, repo.head, 'commit');
    if (parent && parent.tree === tree) return;
    const pushedAt = date ?? this.nextPushTime(repo);
    repo.head = writeCommit(repo.objects, {
      tree,
      parents: repo.head ? [repo.head] : [],
      date: pushedAt,
      message,
    });
    repo.metadata.pushedAt = pushedAt;
  }

  /** Now, but always after the previous push, so that every change moves `pushedAt`. */
  private nextPushTime(repo: RepositoryState): string {
    const previous = Date.parse(repo.metadata.pushedAt);
    const now = Math.floor(Date.now() / 1000) * 1000;
    return githubTime(Math.max(now, previous + 1000));
  }
}
