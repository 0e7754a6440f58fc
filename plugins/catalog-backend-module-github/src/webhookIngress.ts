import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { GithubEventRouter } from '@backstage/plugin-events-backend-module-github';
import {
  eventsServiceRef,
  HttpBodyParser,
  RequestDetails,
  RequestValidationContext,
} from '@backstage/plugin-events-node';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secrets a delivery may be signed with: `events.modules.github.webhookSecret`, and each
 * GitHub App's `webhookSecret` in `integrations.github[].apps`.
 */
function webhookSecrets(config: Config): string[] {
  const apps = ScmIntegrations.fromConfig(config)
    .github.list()
    .flatMap(i => i.config.apps ?? [])
    .map(app => app.webhookSecret);
  return [
    config.getOptionalString('events.modules.github.webhookSecret'),
    ...apps,
  ].filter((secret): secret is string => !!secret);
}

/** Whether `signature` (`x-hub-signature-256`) is the body's HMAC-SHA256 under `secret`. */
export function isSignedBy(
  secret: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The events backend's JSON body parser parses before any validator runs, so an unsigned
 * request with a malformed body was a 500. This one keeps the raw body and parses only what
 * parses; the ingress's validator judges the signature first, then the JSON.
 */
const rawThenJson: HttpBodyParser = async (request, mediaType) => {
  const bodyBuffer = Buffer.isBuffer(request.body)
    ? request.body
    : Buffer.alloc(0);
  const charset = mediaType.parameters.charset ?? 'utf-8';
  const encoding = Buffer.isEncoding(charset) ? charset : 'utf-8';
  return {
    bodyBuffer,
    encoding,
    bodyParsed: parsedOrUndefined(bodyBuffer.toString(encoding)),
  };
};

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * GitHub's webhooks at POST /api/events/http/github (the events backend limits a body to
 * 5 MB: larger is a 413). A delivery is checked in this order, so that nothing about its body
 * is read before it is known to come from GitHub: a signature that is not the body's HMAC
 * under one of the {@link webhookSecrets} is a 401; a signed body that is not JSON is a 400;
 * the rest is published on topic `github`, which Backstage's GithubEventRouter republishes as
 * `github.<x-github-event>`. Without any secret there is no endpoint (404). Replaces
 * @backstage/plugin-events-backend-module-github, whose ingress parsed first.
 */
export const eventsModuleGithubWebhook = createBackendModule({
  pluginId: 'events',
  moduleId: 'infra-atlas-github-webhook',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        events: eventsServiceRef,
        extension: eventsExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ config, events, extension, logger }) {
        await new GithubEventRouter({ events }).subscribe();
        const secrets = webhookSecrets(config);
        if (!secrets.length) {
          return;
        }
        extension.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: rawThenJson,
        });
        extension.addHttpPostIngress({
          topic: 'github',
          validator: async (
            request: RequestDetails,
            context: RequestValidationContext,
          ) => {
            const header = request.headers['x-hub-signature-256'];
            const signature = typeof header === 'string' ? header : undefined;
            if (
              !secrets.some(secret =>
                isSignedBy(secret, request.raw.body, signature),
              )
            ) {
              logger.warn(
                `GitHub webhook refused: ${
                  signature ? 'invalid signature' : 'no signature'
                } (delivery ${request.headers['x-github-delivery'] ?? '?'})`,
              );
              context.reject({
                status: 401,
                payload: { message: 'invalid signature' },
              });
              return;
            }
            if (request.body === undefined) {
              context.reject({
                status: 400,
                payload: { message: 'the body is not JSON' },
              });
            }
          },
        });
      },
    });
  },
});
