import { ASSET_TYPES, fullResourceName, inProject } from '../cai';
import { GcpEstate, GcpProject } from '../estate';

const ORG = 'organizations/1';
const created = '2020-01-02T03:04:05.123456Z';

const project = (
  number: number,
  projectId: string,
  parent: string,
  extra: Partial<GcpProject> = {},
): GcpProject => ({
  name: `projects/${number}`,
  projectId,
  parent,
  displayName: projectId,
  state: 'ACTIVE',
  createTime: created,
  labels: {},
  iamPolicy: {},
  ...extra,
});

/**
 * A hand-written estate: organizations/1 → folders/10 → folders/11, a deleted folders/12,
 * 25 active projects and a deleted one under the organization, and one labelled project in
 * folders/11 with a public bucket and a service account without a policy.
 */
export function smallEstate(): GcpEstate {
  const deep = project(900, 'deep-project', 'folders/11', {
    labels: { team: 'payments' },
    iamPolicy: {
      version: 1,
      bindings: [{ role: 'roles/owner', members: ['group:pay@example.org'] }],
    },
  });
  const placement = inProject(deep, ['folders/11', 'folders/10', ORG]);
  return {
    organizations: [
      {
        name: ORG,
        displayName: 'example.org',
        directoryCustomerId: 'C0example',
        state: 'ACTIVE',
        createTime: created,
        iamPolicy: {
          version: 1,
          bindings: [
            {
              role: 'roles/resourcemanager.organizationAdmin',
              members: ['group:admins@example.org'],
            },
          ],
        },
      },
    ],
    folders: [
      {
        name: 'folders/10',
        parent: ORG,
        displayName: 'engineering',
        state: 'ACTIVE',
        createTime: created,
        iamPolicy: {
          bindings: [
            {
              role: 'roles/resourcemanager.folderViewer',
              members: ['user:ann@example.org'],
            },
          ],
        },
      },
      {
        name: 'folders/11',
        parent: 'folders/10',
        displayName: 'payments',
        state: 'ACTIVE',
        createTime: created,
        iamPolicy: {},
      },
      {
        name: 'folders/12',
        parent: ORG,
        displayName: 'old',
        state: 'DELETE_REQUESTED',
        createTime: created,
        deleteTime: '2024-01-01T00:00:00Z',
        iamPolicy: {},
      },
    ],
    projects: [
      ...Array.from({ length: 25 }, (_, i) =>
        project(100 + i, `p-${String(i).padStart(2, '0')}`, ORG),
      ),
      project(999, 'gone-project', ORG, {
        state: 'DELETE_REQUESTED',
        deleteTime: '2024-01-01T00:00:00Z',
      }),
      deep,
    ],
    assets: [
      {
        ...placement,
        name: fullResourceName.bucket('deep-public'),
        assetType: ASSET_TYPES.bucket,
        displayName: 'deep-public',
        location: 'us',
        labels: { team: 'payments' },
        createTime: created,
        additionalAttributes: {
          storageClass: 'STANDARD',
          uniformBucketLevelAccess: true,
          retentionDays: 30,
          tags: ['a', null],
        },
        iamPolicy: {
          bindings: [
            { role: 'roles/storage.objectViewer', members: ['allUsers'] },
          ],
        },
        versionedResource: {
          version: 'v1',
          resource: {
            name: 'deep-public',
            storageClass: 'STANDARD',
            versioning: { enabled: true },
            retentionPolicy: { retentionPeriod: '2592000', isLocked: true },
          },
        },
      },
      {
        ...placement,
        name: fullResourceName.serviceAccount('deep-project', '1234'),
        assetType: ASSET_TYPES.serviceAccount,
        displayName: 'runner',
        location: 'global',
        additionalAttributes: {
          email: 'runner@deep-project.iam.gserviceaccount.com',
        },
        iamPolicy: { version: 1 },
      },
    ],
  };
}
