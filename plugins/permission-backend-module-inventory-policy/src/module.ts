import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { InventoryPolicy, readInventoryPolicyOptions } from './policy';

/**
 * Installs {@link InventoryPolicy} as the permission backend's policy, configured by
 * `infraAtlas.permissions` (see config.d.ts and the README).
 */
export const permissionModuleInventoryPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'inventory-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const options = readInventoryPolicyOptions(config);
        // Which groups see people is a decision worth finding in the start-up log.
        logger.info(
          `Personal details for ${
            options.personalDetailsGroups.join(', ') || 'nobody'
          }; billing figures for ${
            options.billingGroups.join(', ') || 'nobody'
          }; owners-only kinds: ${
            options.ownersOnlyKinds.join(', ') || 'none'
          }`,
        );
        policy.setPolicy(new InventoryPolicy(options));
      },
    });
  },
});
