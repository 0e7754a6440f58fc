import { buffer } from 'node:stream/consumers';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { readObject, walkTree } from './gitObjects';
import { RepositoryState } from './repositories';

/** The directory GitHub's tarballs put everything under: `{owner}-{repo}-{sha7}`. */
export function tarballPrefix(repo: RepositoryState, sha: string): string {
  return `${repo.owner.login}-${repo.metadata.name}-${sha.slice(0, 7)}`;
}

/**
 * The commit's files as `git archive` (which GitHub's codeload runs) writes them: gzipped
 * tar, a directory entry per tree, symlinks as symlink entries, every time the commit time,
 * permissions after git's default umask 002.
 */
export async function buildTarball(
  repo: RepositoryState,
  sha: string,
): Promise<Buffer> {
  const commit = readObject(repo.objects, sha, 'commit')!;
  const mtime = new Date(commit.date);
  const prefix = tarballPrefix(repo, sha);
  const tar = pack();
  const gzipped = buffer(tar.pipe(createGzip()));
  tar.entry({ name: `${prefix}/`, type: 'directory', mode: 0o775, mtime });
  for (const entry of walkTree(repo.objects, commit.tree)) {
    const name = `${prefix}/${entry.path}`;
    if (entry.type === 'tree') {
      tar.entry({ name: `${name}/`, type: 'directory', mode: 0o775, mtime });
      continue;
    }
    const data = readObject(repo.objects, entry.sha, 'blob')!.data;
    if (entry.mode === '120000') {
      tar.entry({
        name,
        type: 'symlink',
        linkname: data.toString(),
        mode: 0o777,
        mtime,
      });
    } else {
      tar.entry({ name, type: 'file', mode: 0o664, mtime }, data);
    }
  }
  tar.finalize();
  return gzipped;
}
