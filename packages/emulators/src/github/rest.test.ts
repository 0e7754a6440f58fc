import { createHash } from 'node:crypto';
import { smallGithubEstate } from './__testUtils__/estates';
import { failure, links, octokitFor } from './__testUtils__/octokit';
import { GithubEmulator, startGithubEmulator } from './server';

const gitBlobSha = (content: string | Buffer) => {
  const data = Buffer.from(content);
  return createHash('sha1')
    .update(`blob ${data.length}\0`)
    .update(data)
    .digest('hex');
};

describe('GitHub REST API', () => {
  let emulator: GithubEmulator;
  let octokit: ReturnType<typeof octokitFor>;

  beforeAll(async () => {
    emulator = await startGithubEmulator({ estate: smallGithubEstate() });
    octokit = octokitFor(emulator);
  });

  afterAll(() => emulator.stop());

  describe('repository lists', () => {
    it('pages with absolute Link URLs that Octokit follows to the end', async () => {
      const first = await octokit.request('GET /orgs/{org}/repos', {
        org: 'acme',
        per_page: 15,
      });
      expect(first.data).toHaveLength(15);
      const firstLinks = links(first.headers.link);
      expect(Object.keys(firstLinks)).toEqual(['next', 'last']);
      expect(firstLinks.next).toBe(
        `${emulator.url}/orgs/acme/repos?per_page=15&page=2`,
      );
      expect(firstLinks.last).toBe(
        `${emulator.url}/orgs/acme/repos?per_page=15&page=3`,
      );

      const second = await octokit.request({
        method: 'GET',
        url: firstLinks.next,
      });
      expect(Object.keys(links(second.headers.link))).toEqual([
        'prev',
        'next',
        'last',
        'first',
      ]);
      const third = await octokit.request({
        method: 'GET',
        url: links(second.headers.link).next,
      });
      expect(links(third.headers.link).next).toBeUndefined();

      const names = [first, second, third].flatMap(page =>
        (page.data as Array<{ name: string }>).map(r => r.name),
      );
      expect(new Set(names).size).toBe(42);
      // Default order: newest first.
      expect(names[0]).toBe('repo-39');
    });

    it('filters by type and sorts by full_name', async () => {
      const { data } = await octokit.request('GET /orgs/{org}/repos', {
        org: 'acme',
        type: 'forks',
        sort: 'full_name',
      });
      expect(data.map(r => r.name)).toEqual([
        'repo-03',
        'repo-13',
        'repo-23',
        'repo-33',
      ]);
      expect(data[0]).toMatchObject({
        full_name: 'acme/repo-03',
        owner: { login: 'acme', type: 'Organization' },
        fork: true,
        html_url: 'https://github.com/acme/repo-03',
        url: `${emulator.url}/repos/acme/repo-03`,
        archive_url: `${emulator.url}/repos/acme/repo-03/{archive_format}{/ref}`,
        default_branch: 'main',
      });
    });

    it('lists only public repositories of a user (or organization) login', async () => {
      const { data } = await octokit.request('GET /users/{username}/repos', {
        username: 'acme',
        per_page: 100,
      });
      expect(data.every(r => r.visibility === 'public' && !r.private)).toBe(
        true,
      );
      expect(data).toHaveLength(42 - 10);
    });
  });

  describe('contents', () => {
    const getContent = (path: string, extra: Record<string, unknown> = {}) =>
      octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: 'acme',
        repo: 'tools',
        path,
        ...extra,
      });

    it('returns a file base64-encoded with its git blob SHA', async () => {
      const { data } = await getContent('docs/guide.md');
      expect(data).toMatchObject({
        type: 'file',
        encoding: 'base64',
        name: 'guide.md',
        path: 'docs/guide.md',
        size: 6,
        sha: gitBlobSha('Guide\n'),
        html_url: 'https://github.com/acme/tools/blob/main/docs/guide.md',
      });
      expect(Buffer.from((data as any).content, 'base64').toString()).toBe(
        'Guide\n',
      );
    });

    it('returns raw content with the raw media types', async () => {
      for (const format of ['raw', 'v3.raw']) {
        const { data, headers } = await getContent('README.md', {
          headers: { accept: `application/vnd.github.${format}` },
        });
        expect(headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(data).toBe('# tools\n');
      }
      // Bytes stay bytes (Octokit would decode the body as UTF-8 text).
      const response = await fetch(
        `${emulator.url}/repos/acme/tools/contents/logo.png`,
        { headers: { accept: 'application/vnd.github.raw' } },
      );
      expect(Buffer.from(await response.arrayBuffer())).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      );
    });

    it('lists a directory, with symlinks as symlinks', async () => {
      const { data } = await getContent('docs');
      expect(
        (data as Array<{ name: string; type: string }>).map(e => [
          e.name,
          e.type,
        ]),
      ).toEqual([
        ['all', 'symlink'],
        ['gone.md', 'symlink'],
        ['guide.md', 'file'],
        ['latest.md', 'symlink'],
      ]);
      const root = await getContent('');
      expect(
        (
          root.data as Array<{
            name: string;
            type: string;
            download_url: string | null;
          }>
        ).find(e => e.name === 'cmd'),
      ).toMatchObject({ type: 'dir', download_url: null });
    });

    it('follows a symlink to a file, and describes any other symlink', async () => {
      expect((await getContent('docs/latest.md')).data).toMatchObject({
        type: 'file',
        path: 'docs/guide.md',
      });
      expect((await getContent('docs/all')).data).toMatchObject({
        type: 'symlink',
        target: '.',
        path: 'docs/all',
      });
      expect((await getContent('docs/gone.md')).data).toMatchObject({
        type: 'symlink',
        target: 'missing.md',
      });
    });

    it("answers 404 in GitHub's shape", async () => {
      const error = await failure(getContent('nope.md'));
      expect(error.status).toBe(404);
      expect(error.response!.data).toEqual({
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
      expect(
        (await failure(getContent('README.md', { ref: 'nope' }))).status,
      ).toBe(404);
      const empty = await failure(
        octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: 'acme',
          repo: 'empty',
          path: 'README.md',
        }),
      );
      expect(empty.response!.data.message).toBe('This repository is empty.');
    });

    it('serves download_url like raw.githubusercontent.com', async () => {
      const { data } = await getContent('docs/guide.md');
      const response = await fetch((data as any).download_url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('Guide\n');
    });
  });

  describe('git data, commits and branches', () => {
    it('returns the tree recursively with git modes', async () => {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
        { owner: 'acme', repo: 'tools', tree_sha: 'main', recursive: '1' },
      );
      expect(data.truncated).toBe(false);
      const byPath = Object.fromEntries(data.tree.map(e => [e.path, e]));
      expect(byPath['cmd/tool/main.go']).toMatchObject({
        mode: '100644',
        type: 'blob',
        size: 13,
        sha: gitBlobSha('package main\n'),
      });
      expect(byPath['docs/latest.md']).toMatchObject({
        mode: '120000',
        type: 'blob',
        sha: gitBlobSha('guide.md'),
      });
      expect(byPath['cmd/tool']).toMatchObject({
        mode: '040000',
        type: 'tree',
      });
      expect(byPath['cmd/tool']).not.toHaveProperty('size');

      const top = await octokit.request(
        'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
        { owner: 'acme', repo: 'tools', tree_sha: data.sha },
      );
      expect(top.data.tree.map(e => e.path)).toEqual([
        'OWNERS',
        'README.md',
        'cmd',
        'docs',
        'logo.png',
      ]);
      const blob = await octokit.request(
        'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
        { owner: 'acme', repo: 'tools', file_sha: byPath.OWNERS.sha },
      );
      expect(Buffer.from(blob.data.content, 'base64').toString()).toBe(
        'approvers:\n  - ann\n',
      );
    });

    it('resolves a commit, also as a bare SHA, and the branch', async () => {
      const { data: commit } = await octokit.request(
        'GET /repos/{owner}/{repo}/commits/{ref}',
        { owner: 'acme', repo: 'tools', ref: 'main' },
      );
      expect(commit.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(commit.commit.committer!.date).toBe('2024-01-02T03:04:05Z');
      expect(commit.parents).toEqual([]);
      const { data: sha } = await octokit.request(
        'GET /repos/{owner}/{repo}/commits/{ref}',
        {
          owner: 'acme',
          repo: 'tools',
          ref: 'refs/heads/main',
          headers: { accept: 'application/vnd.github.sha' },
        },
      );
      expect(sha).toBe(commit.sha);
      const { data: branch } = await octokit.request(
        'GET /repos/{owner}/{repo}/branches/{branch}',
        { owner: 'acme', repo: 'tools', branch: 'main' },
      );
      expect(branch).toMatchObject({
        name: 'main',
        protected: false,
        commit: { sha: commit.sha },
      });
      const byShortSha = await octokit.request(
        'GET /repos/{owner}/{repo}/commits/{ref}',
        { owner: 'acme', repo: 'tools', ref: commit.sha.slice(0, 7) },
      );
      expect(byShortSha.data.sha).toBe(commit.sha);
      expect(
        (
          await failure(
            octokit.request('GET /repos/{owner}/{repo}/branches/{branch}', {
              owner: 'acme',
              repo: 'tools',
              branch: 'dev',
            }),
          )
        ).status,
      ).toBe(404);
    });
  });

  describe('conditional requests', () => {
    it('answers 304 to a matching If-None-Match without spending the budget', async () => {
      const first = await octokit.request('GET /repos/{owner}/{repo}', {
        owner: 'acme',
        repo: 'tools',
      });
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const used = Number(first.headers['x-ratelimit-used']);
      emulator.resetCounts();

      const notModified = await failure(
        octokit.request('GET /repos/{owner}/{repo}', {
          owner: 'acme',
          repo: 'tools',
          headers: { 'if-none-match': etag },
        }),
      );
      expect(notModified.status).toBe(304);
      expect(notModified.response!.headers.etag).toBe(etag);
      expect(Number(notModified.response!.headers['x-ratelimit-used'])).toBe(
        used,
      );
      expect(emulator.requestCounts()).toEqual({
        'repos.get': 1,
        'repos.get:304': 1,
      });

      const changed = await octokit.request('GET /repos/{owner}/{repo}', {
        owner: 'acme',
        repo: 'tools',
        headers: { 'if-none-match': '"something-else"' },
      });
      expect(changed.status).toBe(200);
      expect(Number(changed.headers['x-ratelimit-used'])).toBe(used + 1);
    });
  });

  describe('changes', () => {
    it('makes a new head commit per change, keeping older commits readable', async () => {
      const head = async () =>
        (
          await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
            owner: 'acme',
            repo: 'repo-00',
            ref: 'main',
          })
        ).data;
      const before = await head();

      emulator.putFile(
        'acme',
        'repo-00',
        'catalog-info.yaml',
        'kind: Component\n',
      );
      const after = await head();
      expect(after.sha).not.toBe(before.sha);
      expect(after.parents.map(p => p.sha)).toEqual([before.sha]);
      expect(after.commit.message).toBe('Create catalog-info.yaml');
      const repo = await octokit.request('GET /repos/{owner}/{repo}', {
        owner: 'acme',
        repo: 'repo-00',
      });
      expect(Date.parse(repo.data.pushed_at!)).toBeGreaterThan(
        Date.parse('2024-01-02T03:04:05Z'),
      );

      const file = (ref?: string) =>
        octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: 'acme',
          repo: 'repo-00',
          path: 'catalog-info.yaml',
          ...(ref && { ref }),
        });
      expect((await file()).data).toMatchObject({
        sha: gitBlobSha('kind: Component\n'),
      });
      expect((await failure(file(before.sha))).status).toBe(404);

      // The same content again changes nothing, as git makes no empty commit.
      emulator.putFile(
        'acme',
        'repo-00',
        'catalog-info.yaml',
        'kind: Component\n',
      );
      expect((await head()).sha).toBe(after.sha);

      emulator.deleteFile('acme', 'repo-00', 'catalog-info.yaml');
      const deleted = await head();
      expect(deleted.commit.tree.sha).toBe(before.commit.tree.sha);
      expect(deleted.sha).not.toBe(before.sha);
      expect((await failure(file())).status).toBe(404);
      expect((await file(after.sha)).status).toBe(200);
    });

    it('adds and removes repositories', async () => {
      emulator.addRepository('acme', {
        name: 'fresh',
        description: null,
        topics: [],
        primaryLanguage: null,
        isArchived: false,
        isFork: false,
        visibility: 'PUBLIC',
        defaultBranch: 'main',
        createdAt: '2025-01-01T00:00:00Z',
        pushedAt: '2025-01-01T00:00:00Z',
        files: { 'README.md': 'fresh\n' },
      });
      const listed = await octokit.request('GET /orgs/{org}/repos', {
        org: 'acme',
        per_page: 1,
      });
      expect(listed.data[0].name).toBe('fresh');
      emulator.removeRepository('acme', 'fresh');
      expect(
        (
          await failure(
            octokit.request('GET /repos/{owner}/{repo}', {
              owner: 'acme',
              repo: 'fresh',
            }),
          )
        ).status,
      ).toBe(404);
      expect(() => emulator.removeRepository('acme', 'fresh')).toThrow(
        'Unknown repository acme/fresh',
      );
    });
  });
});
