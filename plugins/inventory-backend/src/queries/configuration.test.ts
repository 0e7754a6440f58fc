import { InputError } from '@backstage/errors';
import { configuredBucket } from '../__testUtils__/configuration';
import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { configuration, explorerSettings } from './configuration';

function estate() {
  return InventoryGraph.build([
    configuredBucket('k8s-artifacts-prod', {
      retention: 'unlocked',
      retentionPeriodSeconds: 315576000,
    }),
    configuredBucket('vault', {
      retention: 'locked',
      retentionPeriodSeconds: 2592000,
    }),
    configuredBucket('scratch', { versioning: true }),
    // Crawled before configuration was read: counted neither way.
    entity('resource:gcs-bucket--old', {
      type: 'gcs-bucket',
      spec: { gcp: {} },
    }),
    entity('resource:gke-cluster--aaa', {
      type: 'gke-cluster',
      spec: {
        gcp: {
          configuration: {
            version: '1.27.11-gke.1062001',
            releaseChannel: 'REGULAR',
            workloadPool: 'kubernetes-public.svc.id.goog',
            nodePools: [],
            machineTypes: ['n1-standard-2', 'e2-highmem-4'],
            nodeServiceAccounts: ['default'],
          },
        },
      },
    }),
    entity('resource:gcp-project--kubernetes-public', {
      type: 'gcp-project',
      spec: {
        gcp: {
          projectId: 'kubernetes-public',
          enabledServices: ['container.googleapis.com', 'dns.googleapis.com'],
        },
      },
    }),
    entity('resource:gcp-project--k8s-staging-kind', {
      type: 'gcp-project',
      spec: { gcp: { enabledServices: ['storage.googleapis.com'] } },
    }),
  ]);
}

describe('configuration questions', () => {
  it('answers "which buckets have a retention policy", with counts per value', () => {
    const answer = configuration(estate(), {
      type: 'gcs-bucket',
      setting: 'retention',
    });
    expect(answer).toMatchObject({
      total: 3,
      matching: 2,
      counts: { unlocked: 1, locked: 1, none: 1 },
      truncated: false,
    });
    expect(answer.entities.map(m => [m.entity.ref, m.value])).toEqual([
      ['resource:default/gcs-bucket--k8s-artifacts-prod', 'unlocked'],
      ['resource:default/gcs-bucket--vault', 'locked'],
    ]);
    expect(answer.entities[0]).toMatchObject({
      projectId: 'k8s-artifacts-prod',
      lines: expect.arrayContaining([
        { label: 'Retention', text: '10 years, unlocked' },
      ]),
    });
    expect(
      configuration(estate(), {
        type: 'gcs-bucket',
        setting: 'retention',
        value: 'LOCKED',
      }).entities.map(m => m.entity.title),
    ).toEqual(['vault']);
  });

  it('matches booleans and lists, and limits the listing but not the counts', () => {
    expect(
      configuration(estate(), {
        type: 'gcs-bucket',
        setting: 'versioning',
        value: 'true',
      }).matching,
    ).toBe(1);
    expect(
      configuration(estate(), {
        type: 'gke-cluster',
        setting: 'machineTypes',
        value: 'e2-highmem-4',
      }).matching,
    ).toBe(1);
    const limited = configuration(estate(), { type: 'gcs-bucket', limit: 1 });
    expect(limited).toMatchObject({ total: 3, matching: 3, truncated: true });
    expect(limited.entities).toHaveLength(1);
  });

  it('answers "which projects enable API X"', () => {
    const answer = configuration(estate(), {
      service: 'container.googleapis.com',
    });
    expect(answer).toMatchObject({
      question: { type: 'gcp-project', service: 'container.googleapis.com' },
      total: 2,
      matching: 1,
      counts: { enabled: 1, 'not enabled': 1 },
    });
    expect(answer.entities[0].entity.ref).toBe(
      'resource:default/gcp-project--kubernetes-public',
    );
  });

  it('refuses unknown types and settings with the ones it knows', () => {
    expect(() => configuration(estate(), { type: 'pubsub-topic' })).toThrow(
      InputError,
    );
    expect(() =>
      configuration(estate(), { type: 'gcs-bucket', setting: 'colour' }),
    ).toThrow(/retention/);
  });
});

describe('explorer settings', () => {
  it('are the type’s settings, a project’s APIs, and never a role’s permissions', () => {
    const graph = estate();
    expect(
      explorerSettings(graph.entity('resource:default/gcs-bucket--vault')!),
    ).toEqual({
      storageClass: 'STANDARD',
      versioning: false,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'inherited',
      retention: 'locked',
      lifecycleRules: 0,
    });
    expect(
      explorerSettings(
        graph.entity('resource:default/gcp-project--kubernetes-public')!,
      ),
    ).toEqual({ api: ['container.googleapis.com', 'dns.googleapis.com'] });
    expect(
      explorerSettings(
        entity('resource:gcp-custom-role--1--viewer', {
          type: 'gcp-custom-role',
          spec: {
            gcp: {
              configuration: {
                role: 'organizations/1/roles/viewer',
                stage: 'GA',
                permissions: ['a.b.get'],
              },
            },
          },
        }),
      ),
    ).toEqual({ stage: 'GA' });
    expect(
      explorerSettings(graph.entity('resource:default/gcs-bucket--old')!),
    ).toBeUndefined();
  });
});
