import { entity } from '../__testUtils__/entities';
import { InventoryGraph } from './InventoryGraph';
import { ownerOf } from './specs';

describe('ownerOf', () => {
  it('names the owner spec.owner gives, not a co-owner whose relation comes first', () => {
    const repo = entity('component:provider-ibmcloud', {
      spec: {
        owner: 'group:default/sig-cloud-provider',
        coOwners: [{ ref: 'group:default/sig-cluster-lifecycle' }],
      },
      relations: [
        ['ownedBy', 'group:sig-cluster-lifecycle'],
        ['ownedBy', 'group:sig-cloud-provider'],
      ],
    });
    const graph = InventoryGraph.build([
      repo,
      entity('group:sig-cloud-provider'),
      entity('group:sig-cluster-lifecycle'),
    ]);
    expect(ownerOf(graph, 'component:default/provider-ibmcloud')).toBe(
      'group:default/sig-cloud-provider',
    );
  });
});
