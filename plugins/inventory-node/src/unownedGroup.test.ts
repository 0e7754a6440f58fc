import { RecordingConnection } from '@infra-atlas/test-utils';
import { UNOWNED_REF } from '@infra-atlas/inventory-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { UnownedGroupProvider } from './unownedGroup';

describe('UnownedGroupProvider', () => {
  it('emits the one placeholder Group that unowned entities point at', async () => {
    const connection = new RecordingConnection();
    await new UnownedGroupProvider().connect(connection);
    const mutation = connection.last as {
      type: string;
      entities: Array<{ entity: any }>;
    };
    expect(mutation.type).toBe('full');
    expect(mutation.entities).toHaveLength(1);
    const [{ entity }] = mutation.entities;
    expect(stringifyEntityRef(entity)).toBe(UNOWNED_REF);
    expect(entity.metadata.title).toBe('Unowned');
    expect(entity.metadata.description).toMatch(/^Not a team/);
  });
});
