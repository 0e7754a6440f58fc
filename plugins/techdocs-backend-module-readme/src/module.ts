import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  UrlPreparer,
  techdocsPreparerExtensionPoint,
} from '@backstage/plugin-techdocs-node';
import { ReadmePreparer } from './ReadmePreparer';

/**
 * Registers {@link ReadmePreparer} for `url:` TechDocs references, so that an entity whose
 * `backstage.io/techdocs-ref` points at a directory with only a README gets docs.
 * `techdocs.readme.theme` picks the mkdocs theme (default `material`).
 */
export const techdocsModuleReadme = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'readme',
  register(reg) {
    reg.registerInit({
      deps: {
        preparers: techdocsPreparerExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
      },
      async init({ preparers, config, logger, urlReader }) {
        preparers.registerPreparer(
          'url',
          new ReadmePreparer(
            UrlPreparer.fromConfig({ logger, reader: urlReader }),
            config.getOptionalString('techdocs.readme.theme') ?? 'material',
          ),
        );
      },
    });
  },
});
