import { status } from '@grpc/grpc-js';
import { clientsFor, failure, ONCE } from './__testUtils__/clients';
import { smallEstate } from './__testUtils__/estates';
import { ASSET_TYPES } from './cai';
import { GcpEmulator, startGcpEmulator } from './server';

describe('Cloud Asset Inventory v1 search', () => {
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

  const names = async (scope: string, assetTypes: string[] = []) =>
    (
      await clients.assets.searchAllResources(
        { scope, assetTypes, pageSize: 500 },
        ONCE,
      )
    )[0].map(r => r.name);

  it('scopes a folder search to the folder, its subfolders and what they contain', async () => {
    expect(await names('folders/10')).toEqual([
      '//cloudresourcemanager.googleapis.com/folders/10',
      '//cloudresourcemanager.googleapis.com/folders/11',
      '//cloudresourcemanager.googleapis.com/projects/deep-project',
      '//storage.googleapis.com/deep-public',
      '//iam.googleapis.com/projects/deep-project/serviceAccounts/1234',
    ]);
  });

  it('accepts a project scope by ID or by number', async () => {
    const byId = await names('projects/deep-project');
    expect(byId).toHaveLength(3);
    expect(await names('projects/900')).toEqual(byId);
  });

  it('filters by exact asset type and includes the hierarchy as assets', async () => {
    expect(await names('organizations/1', [ASSET_TYPES.bucket])).toEqual([
      '//storage.googleapis.com/deep-public',
    ]);
    expect(
      await names('organizations/1', [
        ASSET_TYPES.organization,
        ASSET_TYPES.folder,
      ]),
    ).toHaveLength(4);
    expect(await names('organizations/1', [ASSET_TYPES.project])).toHaveLength(
      27,
    );
  });

  it('returns ResourceSearchResult fields, with a Struct and placement', async () => {
    const [[bucket]] = await clients.assets.searchAllResources(
      { scope: 'organizations/1', assetTypes: [ASSET_TYPES.bucket] },
      ONCE,
    );
    expect(bucket).toMatchObject({
      name: '//storage.googleapis.com/deep-public',
      assetType: 'storage.googleapis.com/Bucket',
      project: 'projects/900',
      folders: ['folders/11', 'folders/10'],
      organization: 'organizations/1',
      location: 'us',
      labels: { team: 'payments' },
      parentFullResourceName:
        '//cloudresourcemanager.googleapis.com/projects/deep-project',
      parentAssetType: 'cloudresourcemanager.googleapis.com/Project',
      createTime: { nanos: 123456000 },
    });
    expect(bucket.additionalAttributes?.fields).toMatchObject({
      storageClass: { stringValue: 'STANDARD' },
      uniformBucketLevelAccess: { boolValue: true },
      retentionDays: { numberValue: 30 },
      tags: {
        listValue: {
          values: [{ stringValue: 'a' }, { nullValue: 'NULL_VALUE' }],
        },
      },
    });
  });

  describe('read_mask', () => {
    const bucket = async (paths?: string[]) =>
      (
        await clients.assets.searchAllResources(
          {
            scope: 'organizations/1',
            assetTypes: [ASSET_TYPES.bucket],
            ...(paths ? { readMask: { paths } } : {}),
          },
          ONCE,
        )
      )[0][0];

    it('leaves versionedResources out by default, like the real API', async () => {
      const result = await bucket();
      expect(result.versionedResources).toEqual([]);
      expect(result.displayName).toBe('deep-public');
    });

    it('returns every field and the resource in its API shape for "*"', async () => {
      const result = await bucket(['*']);
      expect(result.displayName).toBe('deep-public');
      expect(result.versionedResources).toHaveLength(1);
      expect(result.versionedResources![0].version).toBe('v1');
      expect(result.versionedResources![0].resource!.fields).toMatchObject({
        storageClass: { stringValue: 'STANDARD' },
        versioning: {
          structValue: { fields: { enabled: { boolValue: true } } },
        },
        retentionPolicy: {
          structValue: {
            fields: {
              retentionPeriod: { stringValue: '2592000' },
              isLocked: { boolValue: true },
            },
          },
        },
      });
    });

    it('returns only the listed fields for a list of paths', async () => {
      const result = await bucket(['name', 'versionedResources']);
      expect(result.name).toBe('//storage.googleapis.com/deep-public');
      expect(result.versionedResources).toHaveLength(1);
      expect(result.displayName).toBe('');
      expect(result.additionalAttributes).toBeNull();
    });

    it('refuses unknown paths with INVALID_ARGUMENT', async () => {
      expect(await failure(bucket(['name', 'resourceData']))).toMatchObject({
        code: status.INVALID_ARGUMENT,
      });
    });
  });

  it('finds only policies that have bindings', async () => {
    const [results] = await clients.assets.searchAllIamPolicies(
      { scope: 'organizations/1', pageSize: 500 },
      ONCE,
    );
    expect(results.map(r => r.resource)).toEqual([
      '//cloudresourcemanager.googleapis.com/organizations/1',
      '//cloudresourcemanager.googleapis.com/folders/10',
      '//cloudresourcemanager.googleapis.com/projects/deep-project',
      '//storage.googleapis.com/deep-public',
    ]);
    expect(results[3]).toMatchObject({
      assetType: ASSET_TYPES.bucket,
      project: 'projects/900',
      folders: ['folders/11', 'folders/10'],
      policy: {
        bindings: [
          expect.objectContaining({
            role: 'roles/storage.objectViewer',
            members: ['allUsers'],
          }),
        ],
      },
    });
  });

  it('refuses scopes outside the estate and malformed ones like the real API', async () => {
    const search = (scope: string) =>
      failure(clients.assets.searchAllResources({ scope }, ONCE));
    expect(await search('organizations/2')).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    expect(await search('projects/unknown-project')).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    expect(await search('buckets/deep-public')).toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    expect(
      await failure(
        clients.assets.searchAllIamPolicies({ scope: 'folders/404' }, ONCE),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('refuses what it does not emulate instead of ignoring it', async () => {
    expect(
      await failure(
        clients.assets.searchAllResources(
          { scope: 'organizations/1', query: 'name:deep' },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.UNIMPLEMENTED });
    expect(
      await failure(
        clients.assets.searchAllResources(
          {
            scope: 'organizations/1',
            assetTypes: ['storage.googleapis.com.*'],
          },
          ONCE,
        ),
      ),
    ).toMatchObject({ code: status.UNIMPLEMENTED });
  });
});
