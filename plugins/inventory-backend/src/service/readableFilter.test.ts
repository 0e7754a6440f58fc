import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReadableRefsMemory, unreadableRefsFor } from './readableFilter';

const OPEN = 'resource:default/open';
const SECRET = 'resource:default/secret';

describe('unreadableRefsFor', () => {
  let now = 0;
  const memory = new ReadableRefsMemory(() => now);
  const getEntitiesByRefs = jest.fn(async ({ entityRefs }) => ({
    items: entityRefs.map((ref: string) =>
      ref === SECRET
        ? undefined
        : {
            kind: ref.split(':')[0],
            metadata: { namespace: 'default', name: ref.split('/')[1] },
          },
    ),
  }));
  const catalog = { getEntitiesByRefs } as unknown as CatalogService;
  const decided = (conditions: object) =>
    mockServices.permissions.mock({
      authorizeConditional: async () => [
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: conditions as never,
        },
      ],
    });
  const ask = async (conditions: object, refs: string[]) => {
    const unreadable = await (
      await unreadableRefsFor(mockCredentials.user('user:default/alice'), {
        permissions: decided(conditions),
        catalog,
        memory,
      })
    )({ refs });
    return refs.filter(ref => unreadable?.(ref));
  };
  const asked = () =>
    getEntitiesByRefs.mock.calls.map(([request]) => request.entityRefs);

  beforeEach(() => getEntitiesByRefs.mockClear());

  it('asks the catalog once per answer, and only about refs it has not asked about in the last minute', async () => {
    const rule = { rule: 'IS_ENTITY_OWNER', params: { claims: ['x'] } };
    expect(await ask(rule, [OPEN, SECRET])).toEqual([SECRET]);
    expect(await ask(rule, [OPEN, SECRET, 'group:default/team'])).toEqual([
      SECRET,
    ]);
    expect(asked()).toEqual([[OPEN, SECRET], ['group:default/team']]);
    now += 61_000;
    await ask(rule, [OPEN]);
    // New conditions for the same user: nothing carried over.
    await ask({ ...rule, params: { claims: ['y'] } }, [OPEN]);
    expect(asked().slice(2)).toEqual([[OPEN], [OPEN]]);
  });

  it('asks nothing when the policy allows or denies every entity', async () => {
    const decide = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
      unreadableRefsFor(mockCredentials.user(), {
        permissions: mockServices.permissions.mock({
          authorizeConditional: async () => [{ result }],
        }),
        catalog,
        memory,
      });
    expect(await (await decide(AuthorizeResult.ALLOW))({ ref: OPEN })).toBe(
      undefined,
    );
    expect(
      (await (await decide(AuthorizeResult.DENY))({ ref: OPEN }))?.(OPEN),
    ).toBe(true);
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });
});
