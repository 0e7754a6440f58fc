import { posix } from 'node:path';
import { readObject, resolvePath, TreeEntry } from './gitObjects';
import { HTML_BASE, HttpError, notFound, Reply } from './http';
import { GithubStore, RepositoryState } from './repositories';
import { base64Lines, repositoryApiUrl } from './restShapes';

/*
 * `GET /repos/{owner}/{repo}/contents/{path}` and the raw.githubusercontent.com-style file
 * download it links to, with GitHub's rules for symlinks: a link to a regular file answers
 * with that file; any other link is described as `type: symlink` with its `target`.
 */

const RAW_MEDIA_TYPE = /application\/vnd\.github(\.v3)?\.raw/;
const OBJECT_MEDIA_TYPE = /application\/vnd\.github(\.v3)?\.object/;
/** Above this size GitHub leaves `content` empty (`encoding: none`). */
const MAX_INLINE_BYTES = 1024 * 1024;
/** Like git, give up on chains of symlinks longer than this. */
const MAX_SYMLINK_HOPS = 40;

const TEXT = 'text/plain; charset=utf-8';

const encodePath = (path: string) =>
  path.split('/').map(encodeURIComponent).join('/');

type Located = { path: string; entry: TreeEntry };

/** The regular file a symlink ends at, if it stays inside the repository. */
function followSymlink(
  repo: RepositoryState,
  tree: string,
  link: Located,
): Located | undefined {
  let current = link;
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    const target = readObject(repo.objects, current.entry.sha, 'blob')!.data;
    const path = posix.normalize(
      posix.join(posix.dirname(current.path), target.toString()),
    );
    if (path.startsWith('../') || posix.isAbsolute(path)) return undefined;
    const entry = resolvePath(repo.objects, tree, path);
    if (!entry || entry.type === 'tree') return undefined;
    if (entry.mode === '100644') return { path, entry };
    current = { path, entry };
  }
  return undefined;
}

/** What every answer of one contents request shares. */
type Request = {
  base: string;
  repo: RepositoryState;
  /** The ref as asked (default: the default branch): GitHub echoes it in URLs. */
  ref: string;
  accept: string;
};

function describe(request: Request, at: Located, type: string) {
  const { base, repo, ref } = request;
  const isTree = at.entry.type === 'tree';
  const fullName = `${repo.owner.login}/${repo.metadata.name}`;
  const path = encodePath(at.path);
  const self = `${repositoryApiUrl(
    base,
    repo,
  )}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${repositoryApiUrl(base, repo)}/git/${
    isTree ? 'trees' : 'blobs'
  }/${at.entry.sha}`;
  const html = `${HTML_BASE}/${fullName}/${
    isTree ? 'tree' : 'blob'
  }/${ref}/${path}`;
  return {
    type,
    size: isTree
      ? 0
      : readObject(repo.objects, at.entry.sha, 'blob')!.data.length,
    name: posix.basename(at.path),
    path: at.path,
    sha: at.entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: isTree ? null : `${base}/raw/${fullName}/${ref}/${path}`,
    _links: { self, git, html },
  };
}

function fileReply(request: Request, at: Located): Reply {
  const data = readObject(request.repo.objects, at.entry.sha, 'blob')!.data;
  if (RAW_MEDIA_TYPE.test(request.accept)) {
    return { status: 200, headers: { 'content-type': TEXT }, body: data };
  }
  const inline = data.length <= MAX_INLINE_BYTES;
  return {
    status: 200,
    body: {
      ...describe(request, at, 'file'),
      content: inline ? base64Lines(data) : '',
      encoding: inline ? 'base64' : 'none',
    },
  };
}

function directoryReply(request: Request, at: Located): Reply {
  const tree = readObject(request.repo.objects, at.entry.sha, 'tree')!;
  const listing = tree.entries.map(child => {
    const path = at.path ? `${at.path}/${child.name}` : child.name;
    const type = child.mode === '120000' ? 'symlink' : 'file';
    return describe(
      request,
      { path, entry: child },
      child.type === 'tree' ? 'dir' : type,
    );
  });
  const body = OBJECT_MEDIA_TYPE.test(request.accept)
    ? { ...describe(request, at, 'dir'), entries: listing }
    : listing;
  return { status: 200, body };
}

function symlinkReply(request: Request, tree: string, link: Located): Reply {
  const target = followSymlink(request.repo, tree, link);
  if (target) return fileReply(request, target);
  const data = readObject(request.repo.objects, link.entry.sha, 'blob')!.data;
  if (RAW_MEDIA_TYPE.test(request.accept)) {
    return { status: 200, headers: { 'content-type': TEXT }, body: data };
  }
  return {
    status: 200,
    body: { ...describe(request, link, 'symlink'), target: data.toString() },
  };
}

export function getContent(options: {
  base: string;
  store: GithubStore;
  repo: RepositoryState;
  path: string;
  ref?: string;
  accept: string;
}): Reply {
  const { base, store, repo, accept } = options;
  if (!repo.head) throw notFound('This repository is empty.');
  const ref = options.ref || repo.metadata.defaultBranch;
  const sha = store.resolveRef(repo, ref);
  if (!sha) {
    throw new HttpError(
      404,
      `No commit found for the ref ${ref}`,
      {},
      'https://docs.github.com/rest/repos/contents#get-repository-content',
    );
  }
  const tree = readObject(repo.objects, sha, 'commit')!.tree;
  const path = options.path.replace(/^\/+|\/+$/g, '');
  const entry = resolvePath(repo.objects, tree, path);
  if (!entry) throw notFound();
  const request = { base, repo, ref, accept };
  if (entry.type === 'tree') return directoryReply(request, { path, entry });
  if (entry.mode === '120000')
    return symlinkReply(request, tree, { path, entry });
  return fileReply(request, { path, entry });
}

/**
 * `GET /raw/{owner}/{repo}/{ref}/{path}`, as raw.githubusercontent.com serves files: the
 * blob's bytes as text, a symlink as its target path. `{ref}` is a branch, `refs/heads/…`
 * or a commit SHA.
 */
export function getRaw(
  store: GithubStore,
  repo: RepositoryState,
  refAndPath: string,
): Reply {
  const parts = refAndPath.split('/');
  const refLength = refAndPath.startsWith('refs/heads/') ? 3 : 1;
  const sha = store.resolveRef(repo, parts.slice(0, refLength).join('/'));
  const tree = sha && readObject(repo.objects, sha, 'commit')!.tree;
  const entry =
    tree && resolvePath(repo.objects, tree, parts.slice(refLength).join('/'));
  if (!entry || entry.type !== 'blob') {
    return {
      status: 404,
      headers: { 'content-type': TEXT },
      body: '404: Not Found',
    };
  }
  return {
    status: 200,
    headers: { 'content-type': TEXT },
    body: readObject(repo.objects, entry.sha, 'blob')!.data,
  };
}
