/*
 * The module in a real catalog backend: entities from a catalog file get the relations their
 * spec fields state, and the placeholder owner of unowned things exists.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogApi } from '@infra-atlas/test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import catalogModuleInventoryRelations from './index';

const ENTITIES = `
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: cluster }
spec: { type: gke-cluster, owner: group:default/unowned, parent: resource:default/project }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: project }
spec: { type: gcp-project, owner: group:default/unowned }
`;

describe('catalogModuleInventoryRelations', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-relations-'));
    fs.writeFileSync(path.join(dir, 'entities.yaml'), ENTITIES);
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInventoryRelations,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Resource', 'Group', 'Location'] }],
              locations: [
                { type: 'file', target: path.join(dir, 'entities.yaml') },
              ],
            },
          },
        }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const api = () =>
    catalogApi(
      `http://localhost:${backend.server.port()}/api/catalog`,
      mockCredentials.user.header(),
    );
  const related = (type: string, target: string) => (e: Entity) =>
    (e.relations ?? []).some(r => r.type === type && r.targetRef === target);

  it('turns spec.parent into childOf and parentOf', async () => {
    await api().entity(
      'resource:cluster',
      related('childOf', 'resource:default/project'),
      30_000,
    );
    await api().entity(
      'resource:project',
      related('parentOf', 'resource:default/cluster'),
      30_000,
    );
  });

  it('provides the group that owns what nobody owns', async () => {
    const unowned = await api().entity('group:unowned', undefined, 30_000);
    expect(unowned.kind).toBe('Group');
  });
});
