import { PlacementResponse } from '@infra-atlas/inventory-common';
import { screen, within } from '@testing-library/react';
import { renderCard, summary } from '../__testUtils__/cards';
import { PlacementCard } from './PlacementCard';

const declared = (url: string) => ({ kind: 'declared' as const, url });

/** kettle on the k8s-infra snapshot: it runs as its own service account, bound to GCP's. */
const kettle: PlacementResponse = {
  entity: summary('component:default/kettle', 'kettle'),
  chains: [],
  dnsNames: [],
  hosts: [],
  runsAs: [
    {
      serviceAccount: summary('resource:default/ksa', 'kettle (kettle)'),
      actsAs: summary(
        'resource:default/gcp-service-account--kettle--kubernetes-public',
        'kettle@kubernetes-public.iam.gserviceaccount.com',
      ),
      steps: [
        {
          from: 'component:default/kettle',
          relation: 'dependsOn',
          to: 'resource:default/ksa',
          provenance: declared(
            'https://github.com/kubernetes/k8s.io/tree/main/apps/kettle',
          ),
        },
      ],
    },
  ],
  staticIps: [
    {
      name: 'gcsweb-k8s-io',
      address: summary(
        'resource:default/gcp-address--kubernetes-public--global--gcsweb-k8s-io',
        'gcsweb-k8s-io',
      ),
    },
    { name: '203.0.113.7' },
  ],
};

describe('PlacementCard: identities and addresses', () => {
  it('shows the service account the app runs as, the GCP one it acts as, and its static IPs', async () => {
    await renderCard(<PlacementCard />, {
      placement: jest.fn().mockResolvedValue(kettle),
    });
    const accounts = await screen.findByRole('list', {
      name: 'Service accounts',
    });
    expect(accounts).toHaveTextContent(
      'kettle (kettle), acting in GCP as kettle@kubernetes-public.iam.gserviceaccount.com',
    );
    expect(screen.getByText('Reached at 2 static IPs')).toBeInTheDocument();
    const ips = screen.getByRole('list', { name: 'Static IPs' });
    expect(within(ips).getByText('gcsweb-k8s-io')).toBeInTheDocument();
    expect(within(ips).getByText('203.0.113.7')).toBeInTheDocument();
  });
});

describe('PlacementCard: where it runs', () => {
  it('names each hop of the chain by its title and its type in words', async () => {
    const hop = (ref: string, title: string, type: string) => ({
      ...summary(ref, title),
      type,
    });
    await renderCard(<PlacementCard />, {
      placement: jest.fn().mockResolvedValue({
        ...kettle,
        runsAs: [],
        staticIps: [],
        chains: [
          {
            path: [
              hop('component:default/gcsweb', 'gcsweb', 'service'),
              hop('resource:default/ns', 'gcsweb', 'k8s-namespace'),
              hop('resource:default/aaa', 'aaa', 'gke-cluster'),
              hop('resource:default/kp', 'kubernetes-public', 'gcp-project'),
              hop('resource:default/org', 'kubernetes.io', 'gcp-organization'),
            ],
            steps: [],
          },
        ],
      }),
    });
    expect(await screen.findByLabelText('Chain 1')).toHaveTextContent(
      'gcsweb (service) → gcsweb (Kubernetes namespace) → aaa (GKE cluster) → kubernetes-public (project) → kubernetes.io (organization)',
    );
  });
});
