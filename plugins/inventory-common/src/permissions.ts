import { createPermission } from '@backstage/plugin-permission-common';
import { inventoryBillingReadPermission } from './billing';

/**
 * Reading personal details in inventory answers: people's e-mail addresses (Google Group
 * members, IAM members), the User entities named after them and grants made to individual
 * people. Without it, answers still come back, with those fields replaced by `[redacted]`
 * (see answerFields.ts), and nothing that only an address links to a person.
 *
 * @public
 */
export const inventoryPersonalDetailsReadPermission = createPermission({
  name: 'inventory.personal-details.read',
  attributes: { action: 'read' },
});

/** @public */
export const inventoryPermissions = [
  inventoryPersonalDetailsReadPermission,
  inventoryBillingReadPermission,
];
