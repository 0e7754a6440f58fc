import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { explorerRouteRef } from '../routes';
import { ConfigurationCard } from './ConfigurationCard';

const resource = (type: string, gcp: Record<string, unknown>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: `${type}--x`, namespace: 'default' },
  spec: { type, owner: 'group:default/sig-k8s-infra', gcp } as Entity['spec'],
});

const render = (entity: Entity) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <ConfigurationCard />
    </EntityProvider>,
    { mountedRoutes: { '/inventory/explorer': explorerRouteRef } },
  );

describe('ConfigurationCard', () => {
  it('leads a bucket with its retention in plain words', async () => {
    await render(
      resource('gcs-bucket', {
        configuration: {
          storageClass: 'STANDARD',
          versioning: false,
          uniformBucketLevelAccess: true,
          publicAccessPrevention: 'inherited',
          retention: 'locked',
          retentionPeriodSeconds: 315576000,
          lifecycleRules: [{ action: 'Delete', condition: { age: 90 } }],
        },
      }),
    );
    expect(
      (await screen.findByText('Retention:')).parentElement,
    ).toHaveTextContent('Retention: 10 years, locked');
    const settings = screen.getByLabelText('Settings');
    expect(settings).toHaveTextContent('Versioning: off');
    expect(settings).toHaveTextContent('Storage class: STANDARD');
    expect(settings).toHaveTextContent('Lifecycle: Delete when 90 days old');
  });

  it('says what a cluster runs: version, channel, Workload Identity, node pools', async () => {
    await render(
      resource('gke-cluster', {
        configuration: {
          version: '1.27.11-gke.1062001',
          releaseChannel: 'REGULAR',
          workloadPool: 'kubernetes-public.svc.id.goog',
          nodePools: [
            {
              name: 'pool1',
              machineType: 'n1-standard-2',
              serviceAccount:
                'gke-nodes-aaa@kubernetes-public.iam.gserviceaccount.com',
              autoscaling: { enabled: true, minNodeCount: 1, maxNodeCount: 20 },
            },
          ],
          machineTypes: ['n1-standard-2'],
          nodeServiceAccounts: [],
        },
      }),
    );
    expect(
      (await screen.findByText('Version:')).parentElement,
    ).toHaveTextContent('Version: 1.27.11-gke.1062001, REGULAR channel');
    const settings = screen.getByLabelText('Settings');
    expect(settings).toHaveTextContent(
      'Workload Identity: kubernetes-public.svc.id.goog',
    );
    expect(settings).toHaveTextContent(
      'Node pool pool1: n1-standard-2, autoscaling 1–20 nodes, runs as gke-nodes-aaa@kubernetes-public.iam.gserviceaccount.com',
    );
  });

  it('says what a custom role grants', async () => {
    await render(
      resource('gcp-custom-role', {
        configuration: {
          role: 'projects/k8s-infra-ii-sandbox/roles/BigQueryAsnEtlCi',
          stage: 'GA',
          permissions: ['bigquery.jobs.create'],
        },
      }),
    );
    expect(
      (await screen.findByText('Grants:')).parentElement,
    ).toHaveTextContent('Grants: 1 permission: bigquery.jobs.create');
  });

  it('lists a project’s enabled APIs, each leading to the projects that enable it', async () => {
    await render(
      resource('gcp-project', {
        enabledServices: ['container.googleapis.com', 'dns.googleapis.com'],
      }),
    );
    expect(await screen.findByText('2 APIs enabled')).toBeInTheDocument();
    const link = within(
      screen.getByRole('list', { name: 'Enabled APIs' }),
    ).getByRole('link', { name: 'dns.googleapis.com' });
    expect(link).toHaveAttribute(
      'href',
      '/inventory/explorer?setting=api%3Ddns.googleapis.com',
    );
  });
});
