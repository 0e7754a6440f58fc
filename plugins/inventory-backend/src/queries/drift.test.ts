import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from '../graph/InventoryGraph';
import { drift } from './drift';

/*
 * Findings from the link rules' misses: their messages are what the drift card and report
 * show, so they name entities by title, as every page does, never by entity ref.
 */
const promoter = entity(
  'resource:gcp-service-account--k8s-infra-promoter--k8s-artifacts-prod',
  {
    type: 'gcp-service-account',
    title: 'artifact promoter',
  },
);

const graphWith = (resolution: Partial<InventoryGraph['resolution']>) =>
  InventoryGraph.build([promoter], () => ({
    links: [],
    ambiguous: [],
    unresolved: [],
    ...resolution,
  }));

const messages = (graph: InventoryGraph) =>
  drift(graph, { emeritus: new Map() }).findings.map(f => f.message);

describe('drift: link misses', () => {
  it('names the service account a workload identity binding comes from by its title', () => {
    const source =
      'resource:default/gcp-service-account--k8s-infra-promoter--k8s-artifacts-prod';
    const graph = graphWith({
      unresolved: [
        {
          rule: 'workload-identity-binding',
          source,
          wanted: 'namespace test-pods on a cluster of k8s-infra-prow-build',
        },
        {
          rule: 'workload-identity-binding',
          source,
          wanted: 'namespace test-pods on a cluster of k8s-prow',
          outsideEstate: true,
        },
      ],
    });
    expect(messages(graph)).toEqual(
      expect.arrayContaining([
        'artifact promoter trusts namespace test-pods on a cluster of k8s-infra-prow-build, which no app declares',
        'artifact promoter trusts namespace test-pods on a cluster of k8s-prow, a project outside the crawled estate',
      ]),
    );
    expect(messages(graph).join('\n')).not.toMatch(/default\/|--/);
  });

  it('names a source the catalog does not hold by a readable form of its ref', () => {
    const graph = graphWith({
      ambiguous: [
        {
          rule: 'owner-label',
          source: 'resource:default/gcp-project--k8s-gone',
          wanted: 'team=infra',
          candidates: ['group:default/a', 'group:default/b'],
        },
      ],
    });
    expect(messages(graph)).toContain(
      'k8s-gone: team=infra matches 2 entities; none was chosen (owner-label)',
    );
  });
});
