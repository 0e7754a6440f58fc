import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { octokitFor } from './__testUtils__/octokit';
import { GithubFileContent } from './estate';
import { loadK8sInfraGithubEstate } from './k8sInfraSeed';
import { GithubEmulator, startGithubEmulator } from './server';

/** Staging projects whose images.yaml lists images in the snapshot's registry index. */
const STAGING_WITH_IMAGES = 71;

const CANARY_ZONES = [
  'etcd.io',
  'k8s-e2e.com',
  'k8s.dev',
  'k8s.io',
  'kubernetes.dev',
  'kubernetes.io',
  'x-k8s.io',
];

/** name → file content or symlink target, of a gzipped tarball. */
async function untar(
  archive: Buffer,
): Promise<Map<string, { type: string; content: string }>> {
  const entries = new Map<string, { type: string; content: string }>();
  for await (const entry of Readable.from(archive)
    .pipe(createGunzip())
    .pipe(extract())) {
    const { name, type, linkname } = entry.header;
    const content = (await buffer(entry)).toString();
    entries.set(name, {
      type: type ?? 'file',
      content: type === 'symlink' ? linkname! : content,
    });
  }
  return entries;
}

describe('loadK8sInfraGithubEstate', () => {
  const estate = loadK8sInfraGithubEstate();
  const [org] = estate.organizations;
  const [k8sio, community] = org.repositories;

  it('reads every vendored file of kubernetes/k8s.io and kubernetes/community', () => {
    expect(org.login).toBe('kubernetes');
    expect(org.repositories.map(r => r.name)).toEqual(['k8s.io', 'community']);
    const paths = Object.keys(k8sio.files);
    const symlinks = paths.filter(p => !Buffer.isBuffer(k8sio.files[p]));
    const imageLists = paths.filter(p =>
      /^registry\.k8s\.io\/images\/[^/]+\/images\.yaml$/.test(p),
    );
    expect(paths.length - symlinks.length - imageLists.length).toBe(391);
    // Rebuilt from the snapshot's registry index: one list per staging project with images.
    expect(imageLists).toHaveLength(STAGING_WITH_IMAGES);
    expect(
      String(
        k8sio.files[
          'registry.k8s.io/images/k8s-staging-kubernetes/images.yaml'
        ],
      ),
    ).toContain('- name: kube-apiserver\n');
    expect(symlinks.sort()).toEqual(
      CANARY_ZONES.map(zone => `dns/zone-configs/canary.${zone}.yaml`),
    );
    for (const zone of CANARY_ZONES) {
      expect(k8sio.files[`dns/zone-configs/canary.${zone}.yaml`]).toEqual({
        symlink: `${zone}._0_base.yaml`,
      });
    }
    expect(String(k8sio.files['apps/gcsweb/README.md'])).toContain('gcsweb');
    expect(Object.keys(community.files)).toEqual(['sigs.yaml']);
    expect(k8sio).toMatchObject({
      defaultBranch: 'main',
      pushedAt: '2024-06-06T11:33:17Z',
      description:
        'Code and configuration to manage Kubernetes project infrastructure, including various *.k8s.io sites',
    });
    expect(community).toMatchObject({
      description: 'Kubernetes community content',
      pushedAt: '2024-06-05T13:44:28Z',
    });
  });

  describe('served', () => {
    let emulator: GithubEmulator;
    let octokit: ReturnType<typeof octokitFor>;
    const repo = { owner: 'kubernetes', repo: 'k8s.io' };

    beforeAll(async () => {
      emulator = await startGithubEmulator({ estate });
      octokit = octokitFor(emulator);
    });

    afterAll(() => emulator.stop());

    it('has the tree git has for the vendored directories', async () => {
      // `git rev-parse HEAD:packages/emulators/seed/k8s-infra/github/kubernetes/<repo>`
      const treeOf = async (name: string) =>
        (
          await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
            owner: 'kubernetes',
            repo: name,
            ref: 'main',
          })
        ).data.commit.tree.sha;
      expect(await treeOf('k8s.io')).toBe(
        'f3a3cf087fb3e9d7733153dd71f155e0ee0dce41',
      );
      expect(await treeOf('community')).toBe(
        'bb654ed28c0c0618c26c60532446edf89cb2793d',
      );
    });

    it('serves a canary zone symlink as the file it points to', async () => {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/contents/{path}',
        { ...repo, path: 'dns/zone-configs/canary.k8s.io.yaml' },
      );
      expect(data).toMatchObject({
        type: 'file',
        path: 'dns/zone-configs/k8s.io._0_base.yaml',
      });
      expect(Buffer.from((data as any).content, 'base64')).toEqual(
        k8sio.files['dns/zone-configs/k8s.io._0_base.yaml'],
      );
    });

    it('redirects to a tarball of the seed, symlinks included', async () => {
      const redirect = await fetch(
        `${emulator.url}/repos/kubernetes/k8s.io/tarball`,
        {
          redirect: 'manual',
        },
      );
      expect(redirect.status).toBe(302);
      const { data: sha } = await octokit.request(
        'GET /repos/{owner}/{repo}/commits/{ref}',
        {
          ...repo,
          ref: 'main',
          headers: { accept: 'application/vnd.github.sha' },
        },
      );
      expect(redirect.headers.get('location')).toBe(
        `${emulator.url}/codeload/kubernetes/k8s.io/legacy.tar.gz/${sha}`,
      );

      // Octokit follows the redirect, as it does on GitHub.
      const { data, headers } = await octokit.request(
        'GET /repos/{owner}/{repo}/tarball/{ref}',
        { ...repo, ref: 'main' },
      );
      expect(headers['content-type']).toBe('application/x-gzip');
      const entries = await untar(Buffer.from(data as ArrayBuffer));
      const prefix = `kubernetes-k8s.io-${String(sha).slice(0, 7)}/`;
      expect(entries.get(prefix)?.type).toBe('directory');
      expect(entries.get(`${prefix}dns/zone-configs/`)?.type).toBe('directory');
      const expected = Object.entries(k8sio.files).map(
        ([path, content]: [string, GithubFileContent]) => [
          `${prefix}${path}`,
          Buffer.isBuffer(content)
            ? { type: 'file', content: content.toString() }
            : {
                type: 'symlink',
                content: (content as { symlink: string }).symlink,
              },
        ],
      );
      const actual = [...entries].filter(([, e]) => e.type !== 'directory');
      expect(new Map(actual)).toEqual(new Map(expected as any));
      expect(
        entries.get(`${prefix}dns/zone-configs/canary.k8s.io.yaml`),
      ).toEqual({
        type: 'symlink',
        content: 'k8s.io._0_base.yaml',
      });
    });
  });
});
