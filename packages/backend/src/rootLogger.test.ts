import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { timestampedRootLoggerServiceFactory } from './rootLogger';

describe('the production root logger', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
    jest.restoreAllMocks();
  });

  it('writes one JSON object per line with an ISO timestamp, secrets redacted', async () => {
    process.env.NODE_ENV = 'production';
    const written: string[] = [];
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    const backend = await startTestBackend({
      features: [
        timestampedRootLoggerServiceFactory,
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { logger: coreServices.logger },
              async init({ logger }) {
                logger.info('calling with recognisable-fake-token-1234');
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: {
                      token: 'recognisable-fake-token-1234',
                      subject: 's',
                    },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    await backend.stop();
    const lines = written
      .join('')
      .split('\n')
      .filter(l => l.startsWith('{'))
      .map(l => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.timestamp).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
      );
      expect(line).toHaveProperty('level');
      expect(line).toHaveProperty('message');
    }
    expect(lines.map(l => l.message)).toContain('calling with ***');
    expect(written.join('')).not.toContain('recognisable-fake-token-1234');
  });
});
