import { generateKeyPairSync } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import {
  GithubEntityProvider,
  GithubOrgEntityProvider,
} from '@backstage/plugin-catalog-backend-module-github';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { loadK8sInfraGithubEstate } from './k8sInfraSeed';
import { GithubEmulator, startGithubEmulator } from './server';
import { generateSyntheticGithubEstate } from './syntheticEstate';

/*
 * Backstage's own GitHub clients, unmodified, against the emulator: the UrlReader (REST
 * contents, commit status, tarball, trees and blobs) with a token and with GitHub App
 * credentials, and the stock catalog providers (GraphQL).
 */

const k8sio = loadK8sInfraGithubEstate().organizations[0].repositories[0];
const seedFile = (path: string) => k8sio.files[path] as Buffer;

const integration = (emulator: GithubEmulator, auth: object) =>
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', apiBaseUrl: emulator.url, ...auth }],
    },
  });

type TaskRunner = NonNullable<
  Parameters<typeof GithubEntityProvider.fromConfig>[1]['schedule']
>;
type Task = Parameters<TaskRunner['run']>[0];

/** A scheduler task runner that runs the task only when the test says so. */
function manualRunner() {
  const tasks: Task[] = [];
  return {
    run: async (task: Task) => {
      tasks.push(task);
    },
    runAll: () =>
      Promise.all(tasks.map(task => task.fn(new AbortController().signal))),
  };
}

function capturingConnection() {
  const applyMutation = jest.fn();
  const connection: EntityProviderConnection = {
    applyMutation,
    refresh: jest.fn(),
  };
  return { connection, applyMutation };
}

describe('Backstage GitHub integration against the emulator', () => {
  describe('UrlReader with a token', () => {
    let emulator: GithubEmulator;
    let reader: ReturnType<typeof UrlReaders.default>;

    beforeAll(async () => {
      emulator = await startGithubEmulator({
        estate: loadK8sInfraGithubEstate(),
        requiredToken: 'pat',
      });
      reader = UrlReaders.default({
        config: integration(emulator, { token: 'pat' }),
        logger: mockServices.logger.mock(),
      });
    });

    afterAll(() => emulator.stop());

    it('reads a file, then gets NotModified for its ETag', async () => {
      const url =
        'https://github.com/kubernetes/k8s.io/blob/main/apps/gcsweb/README.md';
      const response = await reader.readUrl(url);
      expect(await response.buffer()).toEqual(
        seedFile('apps/gcsweb/README.md'),
      );
      expect(response.etag).toBeDefined();
      await expect(
        reader.readUrl(url, { etag: response.etag }),
      ).rejects.toThrow(expect.objectContaining({ name: 'NotModifiedError' }));
      expect(emulator.requestCounts()['repos.getContent:304']).toBe(1);
    });

    it('reads a directory tree from the tarball', async () => {
      const tree = await reader.readTree(
        'https://github.com/kubernetes/k8s.io/tree/main/apps/gcsweb',
      );
      const files = await tree.files();
      const expected = Object.keys(k8sio.files)
        .filter(path => path.startsWith('apps/gcsweb/'))
        .map(path => path.slice('apps/gcsweb/'.length));
      expect(files.map(f => f.path).sort()).toEqual(expected.sort());
      for (const file of files) {
        expect(await file.content()).toEqual(
          seedFile(`apps/gcsweb/${file.path}`),
        );
      }
      expect(tree.etag).toMatch(/^[0-9a-f]{40}$/);
      expect(emulator.requestCounts()).toMatchObject({
        'repos.getCombinedStatusForRef': 1,
        'repos.downloadTarballArchive': 1,
        'codeload.legacyTarGz': 1,
      });
    });

    it('searches with a glob through the trees and blobs APIs', async () => {
      const result = await reader.search(
        'https://github.com/kubernetes/k8s.io/tree/main/apps/*/OWNERS',
      );
      const expected = Object.keys(k8sio.files).filter(p =>
        /^apps\/[^/]+\/OWNERS$/.test(p),
      );
      expect(result.files.map(f => f.url).sort()).toEqual(
        expected
          .map(p => `https://github.com/kubernetes/k8s.io/tree/main/${p}`)
          .sort(),
      );
      expect(await result.files[0].content()).toEqual(
        seedFile(result.files[0].url.split('/tree/main/')[1]),
      );
    });
  });

  it('authenticates as a GitHub App through installation tokens', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const emulator = await startGithubEmulator({
      estate: loadK8sInfraGithubEstate(),
      requiredToken: 'nobody-has-this',
    });
    try {
      const reader = UrlReaders.default({
        config: integration(emulator, {
          apps: [
            {
              appId: 1,
              privateKey,
              clientId: 'client',
              clientSecret: 'secret',
            },
          ],
        }),
        logger: mockServices.logger.mock(),
      });
      const response = await reader.readUrl(
        'https://github.com/kubernetes/k8s.io/blob/main/OWNERS',
      );
      expect(await response.buffer()).toEqual(seedFile('OWNERS'));
      expect(emulator.requestCounts()).toMatchObject({
        'apps.listInstallations': 1,
        'apps.createInstallationAccessToken': 1,
        'repos.getContent': 1,
      });
    } finally {
      await emulator.stop();
    }
  });

  describe('catalog providers', () => {
    const estate = generateSyntheticGithubEstate({
      repositories: 60,
      catalogInfoRatio: 0.5,
      seed: 11,
    });
    let emulator: GithubEmulator;

    beforeAll(async () => {
      emulator = await startGithubEmulator({ estate });
    });

    afterAll(() => emulator.stop());

    /** One refresh of the stock provider; the locations it emits. */
    async function discoverLocations(): Promise<string[]> {
      const runner = manualRunner();
      const [provider] = GithubEntityProvider.fromConfig(
        new ConfigReader({
          ...integration(emulator, { token: 'x' }).get<object>(),
          catalog: {
            providers: {
              github: {
                x: {
                  organization: 'synthetic-org',
                  catalogPath: '/catalog-info.yaml',
                  // Emit only repositories where the GraphQL query found the file.
                  validateLocationsExist: true,
                  // One page: the provider waits a second between pages.
                  pageSizes: { repositories: 100 },
                },
              },
            },
          },
        }),
        { logger: mockServices.logger.mock(), schedule: runner },
      );
      const { connection, applyMutation } = capturingConnection();
      await provider.connect(connection);
      await runner.runAll();
      expect(applyMutation).toHaveBeenCalledTimes(1);
      const mutation = applyMutation.mock.calls[0][0];
      expect(mutation.type).toBe('full');
      return mutation.entities.map((e: any) => e.entity.spec.target).sort();
    }

    // Archived repositories are left out by the provider's default filters.
    const expectedLocations = () =>
      estate.organizations[0].repositories
        .filter(r => r.files['catalog-info.yaml'] && !r.isArchived)
        .map(
          r =>
            `https://github.com/synthetic-org/${r.name}/blob/${r.defaultBranch}/catalog-info.yaml`,
        )
        .sort();

    afterEach(() => {
      emulator.setFaults([]);
      emulator.resetCounts();
    });

    it("GithubEntityProvider finds the repositories' catalog-info.yaml", async () => {
      expect(expectedLocations().length).toBeGreaterThan(15);
      expect(await discoverLocations()).toEqual(expectedLocations());
      expect(emulator.requestCounts().graphql).toBe(1);
      expect(emulator.graphqlPoints()).toBe(1);
    });

    it("GithubEntityProvider's throttling plugin waits out a secondary rate limit", async () => {
      emulator.setFaults([
        { route: 'graphql', secondaryLimitSeconds: 1, times: 1 },
      ]);
      const start = Date.now();
      expect(await discoverLocations()).toEqual(expectedLocations());
      expect(Date.now() - start).toBeGreaterThanOrEqual(1000);
      expect(emulator.requestCounts().graphql).toBe(2);
    });

    it('GithubOrgEntityProvider reads members and nested teams', async () => {
      const provider = GithubOrgEntityProvider.fromConfig(
        integration(emulator, { token: 'x' }),
        {
          id: 'test',
          orgUrl: 'https://github.com/synthetic-org',
          logger: mockServices.logger.mock(),
          schedule: 'manual',
        },
      );
      const { connection, applyMutation } = capturingConnection();
      await provider.connect(connection);
      await provider.read();

      const entities = applyMutation.mock.calls[0][0].entities.map(
        (e: any) => e.entity,
      );
      const users = entities.filter((e: any) => e.kind === 'User');
      const groups = entities.filter((e: any) => e.kind === 'Group');
      expect(users.map((u: any) => u.metadata.name).sort()).toEqual(
        estate.organizations[0].members!.map(m => m.login).sort(),
      );
      expect(
        users.find((u: any) => u.metadata.name === 'alice').spec.profile,
      ).toMatchObject({
        displayName: 'Alice Example',
        email: 'alice@example.com',
      });
      expect(groups).toHaveLength(13);
      expect(
        groups.find((g: any) => g.metadata.name === 'payments').spec.parent,
      ).toBe('engineering');
    });
  });
});
