import { status } from '@grpc/grpc-js';
import { clientsFor, failure, ONCE } from './__testUtils__/clients';
import { smallEstate } from './__testUtils__/estates';
import { GcpEmulator, startGcpEmulator } from './server';

describe('faults, latency and request counts', () => {
  let emulator: GcpEmulator;
  let clients: ReturnType<typeof clientsFor>;
  const getProject = () =>
    clients.projects.getProject({ name: 'projects/p-01' }, ONCE);
  const listFolders = (parent: string) =>
    clients.folders.listFolders({ parent }, ONCE);

  beforeAll(async () => {
    emulator = await startGcpEmulator({
      estate: smallEstate(),
      faults: [
        {
          method: 'Projects/GetProject',
          code: 'UNAVAILABLE',
          afterCalls: 2,
          times: 1,
        },
      ],
    });
    clients = clientsFor(emulator);
  });

  afterEach(() => {
    emulator.setFaults([]);
    emulator.setLatency(0);
  });

  afterAll(async () => {
    await clients.close();
    await emulator.stop();
  });

  it('fails the call after afterCalls successes, for `times` calls', async () => {
    await getProject();
    await getProject();
    expect(await failure(getProject())).toMatchObject({
      code: status.UNAVAILABLE,
      details: 'Injected fault: UNAVAILABLE',
    });
    await expect(getProject()).resolves.toBeDefined();
  });

  it('matches full method names and request predicates', async () => {
    emulator.setFaults([
      {
        method: 'google.cloud.resourcemanager.v3.Folders/ListFolders',
        code: 'RESOURCE_EXHAUSTED',
        message: 'Quota exceeded for quota metric Read requests',
        when: request => request.parent === 'folders/10',
      },
    ]);
    await expect(listFolders('organizations/1')).resolves.toBeDefined();
    for (let i = 0; i < 3; i++) {
      expect(await failure(listFolders('folders/10'))).toMatchObject({
        code: status.RESOURCE_EXHAUSTED,
        details: 'Quota exceeded for quota metric Read requests',
      });
    }
  });

  it('stalls a call past the client deadline with hangMs', async () => {
    emulator.setFaults([
      { method: 'AssetService/SearchAllResources', hangMs: 5_000 },
    ]);
    const started = Date.now();
    expect(
      await failure(
        clients.assets.searchAllResources(
          { scope: 'organizations/1' },
          { ...ONCE, timeout: 200 },
        ),
      ),
    ).toMatchObject({ code: status.DEADLINE_EXCEEDED });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('delays answers globally and per method', async () => {
    await getProject(); // connect first, so that only latency is measured
    const timed = async (call: () => Promise<unknown>) => {
      const started = Date.now();
      await call();
      return Date.now() - started;
    };
    emulator.setLatency(300);
    expect(await timed(getProject)).toBeGreaterThanOrEqual(290);
    emulator.setLatency({ methods: { 'Projects/GetProject': 300 } });
    expect(await timed(getProject)).toBeGreaterThanOrEqual(290);
    expect(await timed(() => listFolders('organizations/1'))).toBeLessThan(250);
  });

  it('counts requests per method, failed ones included', async () => {
    emulator.resetCounts();
    emulator.setFaults([
      { method: 'Projects/GetProject', code: 'PERMISSION_DENIED' },
    ]);
    await failure(getProject());
    await failure(getProject());
    await listFolders('organizations/1');
    expect(emulator.requestCounts()).toEqual({
      'Projects/GetProject': 2,
      'Folders/ListFolders': 1,
    });
    emulator.resetCounts();
    expect(emulator.requestCounts()).toEqual({});
  });

  it('rejects rules for methods it does not serve', () => {
    expect(() =>
      emulator.setFaults([
        { method: 'Projects/CreateProject', code: 'INTERNAL' },
      ]),
    ).toThrow(/Unknown method "Projects\/CreateProject"/);
  });
});
