/*
 * Backstage's search backend with its catalog collator and this module: a person searching for
 * a project number, a bucket or a group address finds the entity.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import { entity } from './__testUtils__/entities';
import { searchModuleInventoryIdentifiers } from './searchModule';

describe('searchModuleInventoryIdentifiers', () => {
  it('lets catalog search find entities by their identifiers', async () => {
    const backend = await startTestBackend({
      features: [
        searchPlugin,
        searchModuleCatalogCollator,
        searchModuleInventoryIdentifiers,
        catalogServiceMock.factory({
          entities: [
            entity('resource:gcp-project--k8s-artifacts-prod', {
              title: 'k8s-artifacts-prod',
              type: 'gcp-project',
              spec: {
                gcp: {
                  projectId: 'k8s-artifacts-prod',
                  projectNumber: '388270116193',
                },
              },
            }),
            entity('group:k8s-infra-gcp-org-admins--kubernetes.io', {
              spec: {
                profile: { email: 'k8s-infra-gcp-org-admins@kubernetes.io' },
              },
            }),
          ],
        }),
        // The real scheduler: the collator runs at start-up as in the backend.
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                catalog: {
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const search = async (term: string) => {
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/search/query?term=${encodeURIComponent(
          term,
        )}`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      const body = (await res.json()) as {
        results?: Array<{ document: { location: string } }>;
      };
      return (body.results ?? []).map(r => r.document.location);
    };
    // The collator indexes in the background; until then the index is missing.
    for (let i = 0; i < 100 && !(await search('admins')).length; i++) {
      await new Promise(r => setTimeout(r, 200));
    }
    expect(await search('388270116193')).toEqual([
      '/catalog/default/resource/gcp-project--k8s-artifacts-prod',
    ]);
    expect(await search('k8s-infra-gcp-org-admins@kubernetes.io')).toContain(
      '/catalog/default/group/k8s-infra-gcp-org-admins--kubernetes.io',
    );
    await backend.stop();
  }, 30_000);
});
