import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { InventoryIndex } from './InventoryIndex';

const FIRST_BUILD = { retryMs: 2_000, giveUpMs: 3 * 60_000 };

/** Whether the index has been built, and if not, why (the 503 `current()` would throw). */
export function notBuilt(index: InventoryIndex): Error | undefined {
  try {
    index.current();
    return undefined;
  } catch (error) {
    if (isError(error) && error.name === 'ServiceUnavailableError') {
      return error;
    }
    throw error;
  }
}

/**
 * Builds the index until a build succeeds. Run as the plugin's startup hook: the backend's
 * readiness (`/.backstage/health/v1/readiness`) turns green only once every plugin has started,
 * so a replica takes traffic only when the inventory can answer. A build that fails (the
 * catalog not answering yet) is tried again every 2 seconds. After 3 minutes the start-up
 * fails: the backend then exits, rather than hang unready (a plugin that failed its start-up,
 * e.g. the catalog, waits for the others to finish before the process ends), and Kubernetes
 * restarts it.
 */
export async function untilIndexBuilt(
  index: InventoryIndex,
  logger: LoggerService,
  timing = FIRST_BUILD,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    await index.refresh();
    const reason = notBuilt(index);
    if (!reason) break;
    if (Date.now() - started >= timing.giveUpMs) {
      throw new Error(
        `No inventory index could be built in ${Math.round(
          timing.giveUpMs / 1000,
        )} s after start-up: ${reason.message}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, timing.retryMs));
  }
  logger.info(
    `Inventory ready: first index built ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s after start-up`,
  );
}

/**
 * Until the first index is built, every route answers 503 with the reason, logged at info: a
 * replica starting is not an error, and `/status` must not answer 200 with 0 entities as if
 * the inventory were empty. Backstage's error handler would log each of these at error level.
 */
export function untilReady(
  index: InventoryIndex,
  logger: LoggerService,
): RequestHandler {
  return (req, res, next) => {
    const reason = notBuilt(index);
    if (!reason) {
      next();
      return;
    }
    logger.info(`Not ready, answered 503 to ${req.method} ${req.path}`);
    res.status(503).json({
      error: { name: reason.name, message: reason.message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
      ready: false,
    });
  };
}
