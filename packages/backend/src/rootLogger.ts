import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import { format, transports } from 'winston';

/**
 * Backstage's root logger, with each production line timestamped. With NODE_ENV=production
 * Backstage writes one JSON object per line without a time, so a line read anywhere but in the
 * cluster's log store (a file, `kubectl logs` without `--timestamps`) cannot be placed in
 * time; here every line carries `timestamp` (ISO 8601, UTC). Development keeps Backstage's
 * coloured lines, which are timestamped already. Secrets from the configuration are redacted
 * as in Backstage's own factory; the level is `LOG_LEVEL` (default `info`).
 */
export const timestampedRootLoggerServiceFactory = createServiceFactory({
  service: coreServices.rootLogger,
  deps: { config: coreServices.rootConfig },
  async factory({ config }) {
    const logger = WinstonLogger.create({
      meta: { service: 'backstage' },
      level: process.env.LOG_LEVEL || 'info',
      format:
        process.env.NODE_ENV === 'production'
          ? format.combine(format.timestamp(), format.json())
          : WinstonLogger.colorFormat(),
      // Straight to stdout, one line per entry: the console transport goes through
      // `console`, which test runners and some hosts replace.
      transports: [new transports.Stream({ stream: process.stdout })],
    });
    const secrets = await createConfigSecretEnumerator({ logger });
    logger.addRedactions(secrets(config));
    config.subscribe?.(() => logger.addRedactions(secrets(config)));
    return logger;
  },
});
