import { status } from '@grpc/grpc-js';
import { clientsFor, failure, ONCE } from './__testUtils__/clients';
import { smallEstate } from './__testUtils__/estates';
import { GcpEmulator, startGcpEmulator } from './server';
import { generateSyntheticGcpEstate } from './syntheticEstate';

describe('pagination', () => {
  let emulator: GcpEmulator;
  let clients: ReturnType<typeof clientsFor>;
  // 40 projects × 30 resources with their enabled APIs and custom roles, plus the
  // organization, 12 folders and 40 projects as assets.
  const estate = generateSyntheticGcpEstate({
    projects: 40,
    assetsPerProject: 30,
    folderDepth: 2,
    foldersPerFolder: 3,
    seed: 3,
  });
  // The organization, its folders and projects, and every asset (resources, enabled APIs and
  // custom roles).
  const searchable = 1 + 12 + 40 + estate.assets.length;

  beforeAll(async () => {
    const small = smallEstate();
    emulator = await startGcpEmulator({
      estate: {
        organizations: [...estate.organizations, ...small.organizations],
        folders: [...estate.folders, ...small.folders],
        projects: [...estate.projects, ...small.projects],
        assets: estate.assets,
      },
    });
    clients = clientsFor(emulator);
  });

  afterAll(async () => {
    await clients.close();
    await emulator.stop();
  });

  /** Follows page tokens by hand, recording every page. */
  async function allPages<T>(
    fetch: (pageToken: string) => Promise<[T[], unknown, unknown]>,
  ) {
    const pages: T[][] = [];
    let pageToken = '';
    do {
      const [items, , response] = await fetch(pageToken);
      pages.push(items);
      pageToken = (response as { nextPageToken: string }).nextPageToken;
    } while (pageToken);
    return pages;
  }

  it('lists projects page by page, each exactly once', async () => {
    const pages = await allPages(pageToken =>
      clients.projects.listProjects(
        { parent: 'organizations/1', pageSize: 7, pageToken },
        ONCE,
      ),
    );
    expect(pages.map(page => page.length)).toEqual([7, 7, 7, 4]);
    const ids = pages.flat().map(p => p.projectId);
    expect(new Set(ids).size).toBe(25);
    expect(ids).not.toContain('gone-project');
  });

  it('includes DELETE_REQUESTED projects only with show_deleted', async () => {
    const [projects] = await clients.projects.listProjects(
      { parent: 'organizations/1', pageSize: 500, showDeleted: true },
      ONCE,
    );
    expect(projects).toHaveLength(26);
    expect(projects.find(p => p.projectId === 'gone-project')?.state).toBe(
      'DELETE_REQUESTED',
    );
  });

  it('works with the clients’ own pagination', async () => {
    emulator.resetCounts();
    const ids: string[] = [];
    for await (const project of clients.projects.listProjectsAsync(
      { parent: 'organizations/1', pageSize: 3 },
      ONCE,
    )) {
      ids.push(project.projectId!);
    }
    expect(new Set(ids).size).toBe(25);
    expect(emulator.requestCounts()).toEqual({ 'Projects/ListProjects': 9 });
  });

  it('searches resources page by page, each exactly once, in a stable order', async () => {
    const scope = estate.organizations[0].name;
    const pages = await allPages(pageToken =>
      clients.assets.searchAllResources(
        { scope, pageSize: 97, pageToken },
        ONCE,
      ),
    );
    const names = pages.flat().map(r => r.name);
    expect(pages).toHaveLength(Math.ceil(searchable / 97));
    expect(names).toHaveLength(searchable);
    expect(new Set(names).size).toBe(searchable);

    const again = await allPages(pageToken =>
      clients.assets.searchAllResources(
        { scope, pageSize: 500, pageToken },
        ONCE,
      ),
    );
    expect(again.flat().map(r => r.name)).toEqual(names);
  });

  it('clamps the page size at 500 and defaults it to 100', async () => {
    const scope = estate.organizations[0].name;
    const [big, , bigResponse] = await clients.assets.searchAllResources(
      { scope, pageSize: 10_000 },
      ONCE,
    );
    expect(big).toHaveLength(500);
    expect(bigResponse.nextPageToken).not.toBe('');
    const [policies] = await clients.assets.searchAllIamPolicies(
      { scope, pageSize: 10_000 },
      ONCE,
    );
    expect(policies).toHaveLength(500);
    const [unsized] = await clients.assets.searchAllResources({ scope }, ONCE);
    expect(unsized).toHaveLength(100);
  });

  it('refuses a malformed page token or one issued for another request', async () => {
    const scope = estate.organizations[0].name;
    expect(
      await failure(
        clients.assets.searchAllResources(
          { scope, pageToken: 'not-a-token' },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });

    const [, , first] = await clients.assets.searchAllResources(
      { scope, pageSize: 10 },
      ONCE,
    );
    const pageToken = first.nextPageToken!;
    const [second] = await clients.assets.searchAllResources(
      { scope, pageSize: 10, pageToken },
      ONCE,
    );
    expect(second).toHaveLength(10);
    expect(
      await failure(
        clients.assets.searchAllResources(
          {
            scope,
            pageSize: 10,
            pageToken,
            assetTypes: ['pubsub.googleapis.com/Topic'],
          },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(
      await failure(
        clients.projects.listProjects(
          { parent: 'organizations/1', pageToken },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });
  });
});
