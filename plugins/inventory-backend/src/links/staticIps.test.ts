import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { staticIpRule } from './staticIps';

const gcsweb = entity('component:k8s-app--kubernetes-public--gcsweb', {
  annotations: {
    'infra-atlas.io/gcp-project-id': 'kubernetes-public',
    'infra-atlas.io/static-ips': 'gcsweb-k8s-io,203.0.113.7',
  },
});
const elekto = entity('component:k8s-app--kubernetes-public--elekto', {
  annotations: {
    'infra-atlas.io/gcp-project-id': 'kubernetes-public',
    'infra-atlas.io/static-ips': 'k8s-io-elections',
  },
});
const address = entity(
  'resource:gcp-address--kubernetes-public--global--gcsweb-k8s-io',
  { type: 'gcp-address' },
);

describe('static IP names', () => {
  it('make an app depend on the global address of that name in its project, and report one that is missing', () => {
    const result = staticIpRule.resolve(
      InventoryGraph.build([gcsweb, elekto, address]),
    );
    expect(result.links).toEqual([
      {
        source: 'component:default/k8s-app--kubernetes-public--gcsweb',
        type: 'dependsOn',
        target:
          'resource:default/gcp-address--kubernetes-public--global--gcsweb-k8s-io',
        provenance: {
          kind: 'inferred',
          rule: 'static-ip-name',
          detail: 'its Ingress names the static IP gcsweb-k8s-io',
        },
      },
    ]);
    // The IP literal names no address; elekto's name has none in the crawled addresses.
    expect(result.unresolved).toEqual([
      {
        rule: 'static-ip-name',
        source: 'component:default/k8s-app--kubernetes-public--elekto',
        wanted: 'global address k8s-io-elections in project kubernetes-public',
      },
    ]);
  });

  it('report nothing when the GCP inventory crawls no addresses at all', () => {
    const result = staticIpRule.resolve(InventoryGraph.build([gcsweb, elekto]));
    expect(result.links).toEqual([]);
    expect(result.unresolved).toEqual([]);
  });
});
