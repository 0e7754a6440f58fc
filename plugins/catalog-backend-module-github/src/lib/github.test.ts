import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  loadK8sInfraGithubEstate,
  startGithubEmulator,
} from '@infra-atlas/emulators';
import { RequestStats, createGithubClient } from './github';

describe('createGithubClient', () => {
  it('gives up on a request that stalls instead of holding the crawl forever', async () => {
    const github = await startGithubEmulator({
      estate: loadK8sInfraGithubEstate(),
    });
    try {
      github.setLatency(5_000);
      const integrations = ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            github: [
              { host: 'github.com', apiBaseUrl: github.url, token: 't' },
            ],
          },
        }),
      );
      const stats = new RequestStats();
      const client = createGithubClient({
        integrations,
        credentials:
          DefaultGithubCredentialsProvider.fromIntegrations(integrations),
        host: 'github.com',
        organization: 'kubernetes',
        logger: mockServices.logger.mock(),
        stats,
        retryAfterBaseValue: 1,
        requestTimeoutMs: 200,
      });
      const started = Date.now();
      await expect(
        client.request('GET /repos/{owner}/{repo}', {
          owner: 'kubernetes',
          repo: 'k8s.io',
        }),
      ).rejects.toThrow();
      // Four attempts (plugin-retry's three retries), each cut at 200 ms.
      expect(stats.requests['GET /repos/{owner}/{repo}']).toBe(4);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      github.setLatency(0);
      await github.stop();
    }
  });
});
