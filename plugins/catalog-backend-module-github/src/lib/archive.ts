import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { GithubClient } from './github';

export type ArchiveFiles = {
  /** Repository path → UTF-8 content, symlinks resolved to their target's content. */
  files: Map<string, string>;
  /** Files the caller wanted but that were too large, or links that lead nowhere. */
  skipped: Array<{ path: string; reason: string }>;
};

export type ArchiveOptions = {
  /** Which repository paths to keep; everything else is streamed past. */
  wanted: (path: string) => boolean;
  maxFileBytes: number;
};

/** Resolves a symlink inside the repository, following chains; undefined if it leaves it. */
function resolveLink(
  path: string,
  links: Map<string, string>,
  files: Map<string, string>,
): string | undefined {
  let current = path;
  for (let hops = 0; hops < 8; hops++) {
    const target = posix.normalize(
      posix.join(posix.dirname(current), links.get(current)!),
    );
    if (target.startsWith('..') || posix.isAbsolute(target)) {
      return undefined;
    }
    if (files.has(target)) {
      return files.get(target);
    }
    if (!links.has(target)) {
      return undefined;
    }
    current = target;
  }
  return undefined;
}

/**
 * Reads one repository at one commit from a single tarball request — not one request per
 * file — keeping only the files the analyzers asked for. The archive is streamed: memory
 * holds the wanted files, not the archive.
 */
export async function readRepositoryArchive(
  client: GithubClient,
  repo: { owner: string; name: string; commit: string },
  options: ArchiveOptions,
): Promise<ArchiveFiles> {
  const response = await client.request(
    'GET /repos/{owner}/{repo}/tarball/{ref}',
    {
      owner: repo.owner,
      repo: repo.name,
      ref: repo.commit,
      request: { parseSuccessResponseBody: false },
    },
  );
  const body = response.data as unknown as ReadableStream<Uint8Array>;
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  const skipped: ArchiveFiles['skipped'] = [];

  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    // GitHub prefixes every path with `{owner}-{repo}-{sha}/`.
    const path = header.name.split('/').slice(1).join('/');
    const keep = path !== '' && options.wanted(path);
    if (keep && header.type === 'symlink' && header.linkname) {
      links.set(path, header.linkname);
    } else if (keep && header.type === 'file') {
      if ((header.size ?? 0) > options.maxFileBytes) {
        skipped.push({
          path,
          reason: `${header.size} bytes, more than the ${options.maxFileBytes} bytes read per file`,
        });
      } else {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: unknown) => {
          chunks.push(chunk as Buffer);
        });
        stream.on('end', () => {
          files.set(path, Buffer.concat(chunks).toString('utf8'));
          next();
        });
        return;
      }
    }
    stream.on('end', () => next());
    stream.resume();
  });
  await pipeline(Readable.fromWeb(body as any), createGunzip(), tar);

  for (const path of links.keys()) {
    const content = resolveLink(path, links, files);
    if (content === undefined) {
      skipped.push({
        path,
        reason: 'a symlink whose target is not in the repository',
      });
    } else {
      files.set(path, content);
    }
  }
  return { files, skipped };
}
