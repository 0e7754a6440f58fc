import { createHash } from 'node:crypto';

/**
 * Git's object model, for real: blobs, trees and commits hashed exactly as git hashes them
 * (`sha1("<type> <length>\0" + body)`), so that the SHAs the emulator serves are the ones a
 * clone of the same files would have, and a client that caches by SHA behaves as on GitHub.
 */

/** Modes as the REST API writes them; inside a tree object a tree is `40000`. */
export type EntryMode = '100644' | '120000' | '040000';

export type TreeEntry = {
  name: string;
  mode: EntryMode;
  type: 'blob' | 'tree';
  sha: string;
};

export type CommitObject = {
  type: 'commit';
  tree: string;
  parents: string[];
  /** RFC 3339, whole seconds. */
  date: string;
  message: string;
};

export type GitObject =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | CommitObject;

/** A repository's object database: every object of every commit, by SHA. */
export type ObjectStore = Map<string, GitObject>;

/** A file to commit: mode 100644 or 120000 (symlink, whose data is the target path). */
export type FileToCommit = { mode: '100644' | '120000'; data: Buffer };

/** Who the emulator's commits are by; it has no notion of users pushing. */
export const COMMIT_AUTHOR = {
  name: 'Infra Atlas emulator',
  email: 'emulator@infra-atlas.invalid',
};

function hashObject(type: GitObject['type'], body: Buffer): string {
  return createHash('sha1')
    .update(`${type} ${body.length}\0`)
    .update(body)
    .digest('hex');
}

export function writeBlob(store: ObjectStore, data: Buffer): string {
  const sha = hashObject('blob', data);
  store.set(sha, { type: 'blob', data });
  return sha;
}

type Directory = Map<string, FileToCommit | Directory>;

/**
 * Writes the trees for `files` (repository path → file), bottom up, and returns the root
 * tree's SHA. Entries are ordered as git orders them: by name, a tree compared as `name/`.
 */
export function writeTree(
  store: ObjectStore,
  files: ReadonlyMap<string, FileToCommit>,
): string {
  const root: Directory = new Map();
  for (const [path, file] of files) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const child = dir.get(part) ?? new Map();
      if (!(child instanceof Map)) {
        throw new Error(`"${path}" is under "${part}", which is a file`);
      }
      dir.set(part, child);
      dir = child;
    }
    dir.set(parts[parts.length - 1], file);
  }
  return writeDirectory(store, root);
}

function writeDirectory(store: ObjectStore, dir: Directory): string {
  const entries: TreeEntry[] = [...dir].map(([name, child]) =>
    child instanceof Map
      ? {
          name,
          mode: '040000',
          type: 'tree',
          sha: writeDirectory(store, child),
        }
      : {
          name,
          mode: child.mode,
          type: 'blob',
          sha: writeBlob(store, child.data),
        },
  );
  const sortKey = (e: TreeEntry) =>
    Buffer.from(e.type === 'tree' ? `${e.name}/` : e.name);
  entries.sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const body = Buffer.concat(
    entries.flatMap(e => [
      Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`),
      Buffer.from(e.sha, 'hex'),
    ]),
  );
  const sha = hashObject('tree', body);
  store.set(sha, { type: 'tree', entries });
  return sha;
}

export function writeCommit(
  store: ObjectStore,
  commit: Omit<CommitObject, 'type'>,
): string {
  const seconds = Math.floor(Date.parse(commit.date) / 1000);
  const signature = `${COMMIT_AUTHOR.name} <${COMMIT_AUTHOR.email}> ${seconds} +0000`;
  const body = [
    `tree ${commit.tree}`,
    ...commit.parents.map(parent => `parent ${parent}`),
    `author ${signature}`,
    `committer ${signature}`,
    '',
    `${commit.message}\n`,
  ].join('\n');
  const sha = hashObject('commit', Buffer.from(body));
  store.set(sha, { type: 'commit', ...commit });
  return sha;
}

export function readObject<T extends GitObject['type']>(
  store: ObjectStore,
  sha: string,
  type: T,
): Extract<GitObject, { type: T }> | undefined {
  const object = store.get(sha);
  return object?.type === type
    ? (object as Extract<GitObject, { type: T }>)
    : undefined;
}

/** The entry at `path` under the tree `treeSha`; `''` is the tree itself. */
export function resolvePath(
  store: ObjectStore,
  treeSha: string,
  path: string,
): TreeEntry | undefined {
  let entry: TreeEntry = {
    name: '',
    mode: '040000',
    type: 'tree',
    sha: treeSha,
  };
  for (const part of path.split('/').filter(Boolean)) {
    const tree = readObject(store, entry.sha, 'tree');
    const child = tree?.entries.find(e => e.name === part);
    if (!child) return undefined;
    entry = child;
  }
  return entry;
}

/** Every entry under a tree, depth first in tree order, with its repository path. */
export function* walkTree(
  store: ObjectStore,
  treeSha: string,
  prefix = '',
): Generator<TreeEntry & { path: string }> {
  for (const entry of readObject(store, treeSha, 'tree')?.entries ?? []) {
    const path = prefix + entry.name;
    yield { ...entry, path };
    if (entry.type === 'tree') yield* walkTree(store, entry.sha, `${path}/`);
  }
}

/** Git's own test for binary content: a NUL byte in the first 8,000 bytes. */
export function isBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}
