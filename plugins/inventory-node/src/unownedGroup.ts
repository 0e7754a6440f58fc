import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ANNOTATIONS, UNOWNED_REF } from '@infra-atlas/inventory-common';

const PROVIDER_NAME = 'infra-atlas-unowned';

/**
 * The Group every provider names as the owner of what no ownership rule attributes. Backstage
 * requires an owner, and a ref to a Group that does not exist leaves readers at "entity not
 * found"; this placeholder's page instead says what it is and, through the catalog's
 * ownership card, lists everything unowned. Answers never present it as an owner.
 *
 * @public
 */
export function unownedGroupEntity(): Entity {
  const { name, namespace } = parseEntityRef(UNOWNED_REF);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace,
      title: 'Unowned',
      description:
        'Not a team: the placeholder owner of everything that no ownership rule attributes to a group or person. Each entity says which rules were tried (owner labels, project patterns, IAM administrators, OWNERS, CODEOWNERS); give it an owner label, an OWNERS file or a configured pattern to attribute it.',
      annotations: {
        'backstage.io/managed-by-location': `${PROVIDER_NAME}:placeholder`,
        'backstage.io/managed-by-origin-location': `${PROVIDER_NAME}:placeholder`,
        [ANNOTATIONS.provenance]: 'inferred',
      },
      tags: ['unowned'],
    },
    spec: { type: 'unowned', children: [] },
  };
}

/**
 * Emits {@link unownedGroupEntity} once the catalog connects it.
 *
 * @public
 */
export class UnownedGroupProvider implements EntityProvider {
  getProviderName() {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await connection.applyMutation({
      type: 'full',
      entities: [
        {
          entity: unownedGroupEntity(),
          locationKey: PROVIDER_NAME,
        },
      ],
    });
  }
}
