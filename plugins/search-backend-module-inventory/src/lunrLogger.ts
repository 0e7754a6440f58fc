import type { LoggerService } from '@backstage/backend-plugin-api';
import { SEARCH_KEYS_FIELD } from './searchKeys';

/**
 * The logger for the Lunr engine, without its warning about list-valued filters on the search
 * keys. Lunr warns "Non-scalar filter value used for field …" on every such filter, and the
 * exact-match look-up uses one on purpose (see `RankedSearchEngine`), so the warning would
 * repeat on every search and hide real ones. Warnings about any other field pass through.
 */
export function lunrLogger(logger: LoggerService): LoggerService {
  const expected = `Non-scalar filter value used for field ${SEARCH_KEYS_FIELD}.`;
  return {
    error: (message, meta) => logger.error(message, meta),
    warn: (message, meta) => {
      if (!message.startsWith(expected)) logger.warn(message, meta);
    },
    info: (message, meta) => logger.info(message, meta),
    debug: (message, meta) => logger.debug(message, meta),
    child: meta => lunrLogger(logger.child(meta)),
  };
}
