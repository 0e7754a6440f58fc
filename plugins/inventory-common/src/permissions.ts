import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading personal details in inventory answers: people's e-mail addresses (Google Group
 * members, IAM members) and grants made to individual people. Without it, answers still come
 * back whole, with those details replaced by `[redacted]`.
 *
 * @public
 */
export const inventoryPersonalDetailsReadPermission = createPermission({
  name: 'inventory.personal-details.read',
  attributes: { action: 'read' },
});

/** @public */
export const inventoryPermissions = [inventoryPersonalDetailsReadPermission];
