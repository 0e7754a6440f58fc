import { status } from '@grpc/grpc-js';
import { clientsFor, failure, ONCE } from './__testUtils__/clients';
import { smallEstate } from './__testUtils__/estates';
import { GcpEmulator, startGcpEmulator } from './server';

describe('Resource Manager v3', () => {
  let emulator: GcpEmulator;
  let clients: ReturnType<typeof clientsFor>;

  beforeAll(async () => {
    emulator = await startGcpEmulator({ estate: smallEstate() });
    clients = clientsFor(emulator);
  });

  afterAll(async () => {
    await clients.close();
    await emulator.stop();
  });

  it('gets an organization with v3 fields and a precise timestamp', async () => {
    const [org] = await clients.organizations.getOrganization(
      { name: 'organizations/1' },
      ONCE,
    );
    expect(org).toMatchObject({
      name: 'organizations/1',
      displayName: 'example.org',
      directoryCustomerId: 'C0example',
      state: 'ACTIVE',
      createTime: {
        seconds: String(Date.parse('2020-01-02T03:04:05Z') / 1000),
        nanos: 123456000,
      },
    });
  });

  it('answers NOT_FOUND for unknown names and INVALID_ARGUMENT for malformed ones', async () => {
    expect(
      await failure(
        clients.organizations.getOrganization(
          { name: 'organizations/2' },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.NOT_FOUND });
    expect(
      await failure(clients.folders.getFolder({ name: 'folders/99' }, ONCE)),
    ).toMatchObject({ code: status.NOT_FOUND });
    expect(
      await failure(
        clients.projects.getProject({ name: 'projects/nope' }, ONCE),
      ),
    ).toMatchObject({ code: status.NOT_FOUND });
    expect(
      await failure(clients.folders.getFolder({ name: 'engineering' }, ONCE)),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('searches organizations by domain and directory customer ID', async () => {
    const [byDomain] = await clients.organizations.searchOrganizations(
      { query: 'domain:EXAMPLE.org' },
      ONCE,
    );
    expect(byDomain.map(o => o.name)).toEqual(['organizations/1']);
    const [none] = await clients.organizations.searchOrganizations(
      { query: 'directoryCustomerId:C0other' },
      ONCE,
    );
    expect(none).toEqual([]);
  });

  it('lists direct child folders, deleted ones only with show_deleted', async () => {
    const [active] = await clients.folders.listFolders(
      { parent: 'organizations/1' },
      ONCE,
    );
    expect(active.map(f => f.name)).toEqual(['folders/10']);
    const [all] = await clients.folders.listFolders(
      { parent: 'organizations/1', showDeleted: true },
      ONCE,
    );
    expect(all.map(f => [f.name, f.state])).toEqual([
      ['folders/10', 'ACTIVE'],
      ['folders/12', 'DELETE_REQUESTED'],
    ]);
    const [nested] = await clients.folders.listFolders(
      { parent: 'folders/10' },
      ONCE,
    );
    expect(nested).toEqual([
      expect.objectContaining({ name: 'folders/11', parent: 'folders/10' }),
    ]);
  });

  it('gets a project by ID or by number', async () => {
    const [byId] = await clients.projects.getProject(
      { name: 'projects/deep-project' },
      ONCE,
    );
    const [byNumber] = await clients.projects.getProject(
      { name: 'projects/900' },
      ONCE,
    );
    expect(byId).toEqual(byNumber);
    expect(byId).toMatchObject({
      name: 'projects/900',
      projectId: 'deep-project',
      parent: 'folders/11',
      labels: { team: 'payments' },
    });
  });

  it('requires a known list parent, like the real API', async () => {
    expect(
      await failure(clients.projects.listProjects({ parent: '' }, ONCE)),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(
      await failure(
        clients.projects.listProjects({ parent: 'folders/404' }, ONCE),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('filters SearchProjects by parent, labels, state and ID prefix', async () => {
    const search = async (query: string) =>
      (
        await clients.projects.searchProjects({ query, pageSize: 500 }, ONCE)
      )[0].map(p => p.projectId);
    expect(await search('parent:folders/11')).toEqual(['deep-project']);
    expect(await search('parent.type:folder parent.id:11')).toEqual([
      'deep-project',
    ]);
    expect(await search('labels.team:payments')).toEqual(['deep-project']);
    expect(await search('-state:ACTIVE')).toEqual(['gone-project']);
    expect(await search('id:p-2* AND parent:organizations/1')).toEqual([
      'p-20',
      'p-21',
      'p-22',
      'p-23',
      'p-24',
    ]);
    expect(await search('')).toHaveLength(27);
    expect(
      await failure(
        clients.projects.searchProjects({ query: 'color:red' }, ONCE),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('returns IAM policies, an empty one as an empty policy', async () => {
    const [org] = await clients.organizations.getIamPolicy(
      { resource: 'organizations/1' },
      ONCE,
    );
    expect(org.bindings).toEqual([
      {
        role: 'roles/resourcemanager.organizationAdmin',
        members: ['group:admins@example.org'],
        condition: null,
      },
    ]);
    const [folder] = await clients.folders.getIamPolicy(
      { resource: 'folders/11' },
      ONCE,
    );
    expect(folder).toMatchObject({ version: 0, bindings: [] });
    const [project] = await clients.projects.getIamPolicy(
      { resource: 'projects/deep-project' },
      ONCE,
    );
    expect(project.bindings?.[0].members).toEqual(['group:pay@example.org']);
  });
});
