/*
 * Each route answers as src/schema/openapi.yaml says: valid questions get an answer of the
 * documented shape, and every malformed one a 400 that names the parameter, never a 500. The
 * malformed questions are made from the document itself, parameter by parameter.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { InventoryClient } from '@infra-atlas/inventory-common';
import Ajv from 'ajv';
import { spec } from '../schema/openapi';
import { resolveRef } from '../schema/resolveRef';
import { startInventoryBackend } from '../__testUtils__/backend';
import { entity } from '../__testUtils__/entities';
import { pathOwnershipEntities } from '../__testUtils__/pathOwnership';

type Schema = {
  type?: string;
  enum?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  $ref?: string;
};
type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
  $ref?: string;
};

const PROJECT = 'resource:default/project';
/** A valid question for each documented route. */
const VALID: Record<keyof (typeof spec)['paths'], string> = {
  '/status': '',
  '/placement': `entity=${PROJECT}`,
  '/explorer': '',
  '/configuration': 'type=gcs-bucket&setting=retention&limit=5',
  '/administrators': `entity=${PROJECT}&power=read&offset=0&pageSize=5`,
  '/access': `entity=${PROJECT}`,
  '/ownership':
    'q=admins@example.org&limit=1&role=owns,administers&pageSize=2&offset=0',
  '/impact': `entity=${PROJECT}&direction=dependencies&depth=10&relations=childOf,runsOn&distance=1&offset=0&pageSize=5`,
  '/graph': `entity=${PROJECT}&mode=neighbourhood&depth=1&kinds=resource&maxNodes=50`,
  '/drift': `entity=${PROJECT}`,
  '/owners-files': `entity=${PROJECT}`,
  '/path-ownership': 'repository=o/repo&path=docs/',
  '/runbook': `entity=${PROJECT}`,
  '/completeness': `scope=entity&key=${PROJECT}`,
  '/links': `entity=${PROJECT}`,
  '/billing': 'groupBy=sig&month=2026-11&from=2026-01&to=2026-11',
  '/billing/entity': `entityRef=${PROJECT}&months=12`,
};

/** Values that break a parameter's schema, each with what it tries. */
function malformed(schema: Schema): string[] {
  const s = resolveRef<Schema>(schema);
  if (s.type === 'integer') {
    return [
      '01',
      '1e1',
      '%20',
      '%203',
      '-1',
      '1.5',
      'ten',
      '99999999999999999999',
      ...(s.maximum === undefined ? [] : [String(s.maximum + 1)]),
      ...(s.minimum === undefined || s.minimum === 0
        ? []
        : [String(s.minimum - 1)]),
    ];
  }
  if (s.type === 'array') return ['bogus', 'bogus,', ...malformed(s.items!)];
  if (s.enum) return ['bogus', s.enum[0].toUpperCase()];
  return ['', '%20', 'x'.repeat((s.maxLength ?? 1024) + 1)];
}

const entities = [
  entity('resource:project', { type: 'gcp-project' }),
  entity('group:admins--example.org', {
    spec: { profile: { email: 'admins@example.org' } },
  }),
  ...pathOwnershipEntities(),
];

describe('the inventory routes, as the OpenAPI document states them', () => {
  let inventory: Awaited<ReturnType<typeof startInventoryBackend>>;
  const service = mockCredentials.service.header();

  beforeAll(async () => {
    inventory = await startInventoryBackend({
      entities,
      billing: { rows: [] },
    });
  });
  afterAll(() => inventory.stop());

  it('serves the document itself', async () => {
    const { status, body } = await inventory.get('openapi.json', service);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      info: { title: 'inventory' },
      paths: { '/api/inventory/impact': { get: { operationId: 'GetImpact' } } },
    });
  });

  it('answers every documented route with the documented shape', async () => {
    const ajv = new Ajv({ strict: false });
    ajv.addSchema(spec as object, 'spec');
    for (const [path, query] of Object.entries(VALID)) {
      const { status, body, text } = await inventory.get(
        `${path.slice(1)}${query ? `?${query}` : ''}`,
        service,
      );
      expect({ path, status, text: status === 200 ? '' : text }).toEqual({
        path,
        status: 200,
        text: '',
      });
      const operation = (spec.paths as any)[path].get;
      const answer = operation.responses['200'].content['application/json'];
      const valid = ajv.validate({ $ref: `spec${answer.schema.$ref}` }, body);
      expect({ path, errors: valid ? null : ajv.errors }).toEqual({
        path,
        errors: null,
      });
    }
  });

  it('refuses every malformed parameter with a 400 that names it, and never a 500', async () => {
    let asked = 0;
    for (const [path, valid] of Object.entries(VALID)) {
      const operation = (spec.paths as any)[path].get;
      const parameters = (operation.parameters ?? []).map((p: Parameter) =>
        resolveRef<Parameter>(p),
      );
      const others = (name: string) =>
        valid.split('&').filter(kv => kv && !kv.startsWith(`${name}=`));
      const cases: Array<{ query: string[]; names: string }> = [
        { query: [...others(''), 'colour=blue'], names: 'colour' },
      ];
      for (const p of parameters as Parameter[]) {
        for (const value of malformed(p.schema)) {
          cases.push({
            query: [...others(p.name), `${p.name}=${value}`],
            names: p.name,
          });
        }
        // Given twice, a single value is ambiguous.
        if (resolveRef<Schema>(p.schema).type !== 'array') {
          cases.push({
            query: [
              ...others(''),
              valid.split('&').find(kv => kv.startsWith(`${p.name}=`)) ??
                `${p.name}=x`,
              `${p.name}=y`,
            ],
            names: p.name,
          });
        }
        if (p.required) cases.push({ query: others(p.name), names: p.name });
      }
      for (const { query, names } of cases) {
        const url = `${path.slice(1)}?${query.join('&')}`;
        const { status, body } = await inventory.get(url, service);
        expect({ url, status }).toEqual({ url, status: 400 });
        expect({ url, message: body.error.message }).toEqual({
          url,
          message: expect.stringContaining(names),
        });
        asked += 1;
      }
    }
    // 200 questions from the document today; fewer means parameters lost their bounds.
    expect(asked).toBeGreaterThanOrEqual(200);
  }, 60_000);

  it('is asked by the typed client as the document says', async () => {
    const client = new InventoryClient({
      discoveryApi: { getBaseUrl: async () => inventory.baseUrl },
      fetchApi: {
        fetch: (url, init) =>
          fetch(url, { ...init, headers: { authorization: service } }),
      },
    });
    const answers = await Promise.all([
      client.status(),
      client.placement(PROJECT),
      client.explorer(),
      client.configuration({ type: 'gcs-bucket', limit: 5 }),
      client.administrators(PROJECT),
      client.access(PROJECT),
      client.ownership('admins@example.org', {
        roles: ['owns', 'administers'],
        limit: 1,
        pageSize: 2,
        offset: 0,
      }),
      client.impact(PROJECT, {
        direction: 'dependencies',
        depth: 10,
        relations: ['childOf', 'runsOn'],
        distance: 1,
        offset: 0,
        pageSize: 5,
      }),
      client.graph(PROJECT, {
        mode: 'neighbourhood',
        depth: 1,
        kinds: ['resource', 'group'],
        maxNodes: 50,
      }),
      client.drift({ entity: PROJECT }),
      client.ownersFiles(PROJECT),
      client.pathOwnership('o/repo', 'docs/'),
      client.runbook(PROJECT),
      client.completeness({ scope: 'entity', key: PROJECT }),
      client.links(PROJECT),
      client.billing({
        groupBy: 'sig',
        month: '2026-11',
        from: '2026-01',
        to: '2026-11',
      }),
      client.entityCost(PROJECT, 12),
    ]);
    expect(answers).toHaveLength(Object.keys(VALID).length);
    await expect(client.impact(PROJECT, { depth: 11 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('request/query/depth must be <= 10'),
    });
  });

  it('closes the holes of the hand-written parsing', async () => {
    const message = async (path: string) => {
      const { status, body } = await inventory.get(path, service);
      return `${status} ${body.error.message}`;
    };
    expect(
      await message(
        'ownership?q=admins@example.org&limit=99999999999999999999',
      ),
    ).toBe('400 request/query/limit must be <= 5000');
    expect(await message(`impact?entity=${PROJECT}&depth=%20`)).toBe(
      "400 request/query/depth must be an integer written in decimal digits, not ' '",
    );
    expect(await message(`impact?entity=${PROJECT}&depth=01`)).toBe(
      "400 request/query/depth must be an integer written in decimal digits, not '01'",
    );
    expect(await message(`impact?entity=${PROJECT}&pageSize=501`)).toBe(
      '400 request/query/pageSize must be <= 500',
    );
    expect(await message(`impact?entity=${PROJECT}&offset=-1`)).toBe(
      "400 request/query/offset must be an integer written in decimal digits, not '-1'",
    );
    expect(await message(`impact?entity=${PROJECT}&distance=0`)).toBe(
      '400 request/query/distance must be >= 1',
    );
    expect(await message(`impact?entity=${PROJECT}&list=everyone`)).toBe(
      '400 request/query/list must be equal to one of the allowed values: owners',
    );
    expect(
      await message(`impact?entity=${PROJECT}&list=owners&distance=1`),
    ).toBe(
      '400 request/query/distance asks for a page of entities and list=owners for a page of owners: ask for one of them',
    );
    // Administrators' pages of one power: each bad parameter named.
    expect(await message(`administrators?entity=${PROJECT}&power=own`)).toBe(
      '400 request/query/power must be equal to one of the allowed values: administer, write, read, other',
    );
    expect(
      await message(`administrators?entity=${PROJECT}&power=read&pageSize=501`),
    ).toBe('400 request/query/pageSize must be <= 500');
    expect(
      await message(`administrators?entity=${PROJECT}&power=read&pageSize=0`),
    ).toBe('400 request/query/pageSize must be >= 1');
    expect(
      await message(`administrators?entity=${PROJECT}&power=read&offset=x`),
    ).toBe(
      "400 request/query/offset must be an integer written in decimal digits, not 'x'",
    );
    expect(await message(`graph?entity=${PROJECT}&depth=11`)).toBe(
      '400 request/query/depth must be <= 10',
    );
    expect(await message('completeness?scope=entity')).toBe(
      "400 request/query/key is required with scope=entity: the entity's ref",
    );
  });
});
