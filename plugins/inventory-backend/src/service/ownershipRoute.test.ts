/*
 * GET /ownership over a wide synthetic estate: the summary and sections a person's answer
 * reads as, one section's next page, bad paging parameters as 400s that say what is wrong,
 * and a group's members with personal details withheld from callers without the permission.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { OwnershipResponse } from '@infra-atlas/inventory-common';
import { entity } from '../__testUtils__/entities';
import { startInventoryBackend } from '../__testUtils__/backend';
import { TEAM, wideEstateEntities } from '../__testUtils__/wideEstate';

const GRANT = 'administers:grant:roles/owner on organizations/9';

describe('GET /ownership', () => {
  let backend: Awaited<ReturnType<typeof startInventoryBackend>>;
  beforeAll(async () => {
    backend = await startInventoryBackend({
      entities: [
        ...wideEstateEntities({ folders: 2, projects: 10, buckets: 1 }),
        // Members named by e-mail address: personal, withheld from most callers, unless a
        // GitHub login (public) is linked to the address.
        entity('user:erin--example.org', {
          spec: { profile: { email: 'erin@example.org' } },
          relations: [['memberOf', TEAM]],
        }),
        entity('user:carol--example.org', {
          spec: { profile: { email: 'carol@example.org' } },
          relations: [['memberOf', TEAM]],
        }),
        entity('user:carol', {
          annotations: { 'github.com/user-login': 'carol' },
        }),
      ],
      personalDetailsReaders: ['user:default/reader'],
    });
  });
  afterAll(() => backend.stop());
  const ask = async (query: string, reader = false) => {
    const { status, body, text } = await backend.get(
      `ownership?${query}`,
      reader
        ? mockCredentials.user.header('user:default/reader')
        : mockCredentials.user.header(),
    );
    return { status, text, answer: body as OwnershipResponse };
  };

  it('answers with the summary first and the inherited grant collapsed', async () => {
    const { status, answer } = await ask('q=alice');
    expect(status).toBe(200);
    expect(answer.summary[1]).toBe(
      'administers the organization example.org (roles/owner) → inherited by 2 folders, 20 projects; 42 resources are below it',
    );
    const grant = answer.sections.find(s => s.key === GRANT)!;
    expect(grant).toMatchObject({ total: 22, offset: 0 });
    expect(grant.items).toHaveLength(10);
    // The flat list is still there for older callers.
    expect(answer.counts.administers).toBe(23);
  });

  it('sends a page of 20 items per role unless asked for more; the counts cover them all', async () => {
    const { answer } = await ask('q=alice');
    const perRole = (items: OwnershipResponse['items']) =>
      items.reduce<Record<string, number>>(
        (n, i) => ({ ...n, [i.role]: (n[i.role] ?? 0) + 1 }),
        {},
      );
    expect(perRole(answer.items).administers).toBe(20);
    expect(answer.truncated).toBe(true);
    const everything = await ask('q=alice&limit=200');
    expect(perRole(everything.answer.items).administers).toBe(23);
    expect(everything.answer.truncated).toBe(false);
    // The page is the list's first 20, widest first; the rest of the answer does not change.
    const administers = (items: OwnershipResponse['items']) =>
      items.filter(i => i.role === 'administers');
    expect(administers(answer.items)).toEqual(
      administers(everything.answer.items).slice(0, 20),
    );
    const { items: _page, truncated: _t, ...rest } = answer;
    const { items: _all, truncated: _u, ...same } = everything.answer;
    expect(rest).toEqual(same);
  });

  it('pages one section', async () => {
    const { status, answer } = await ask(
      `q=alice&section=${encodeURIComponent(GRANT)}&offset=20&pageSize=5`,
    );
    expect(status).toBe(200);
    expect(answer.sections).toHaveLength(1);
    expect(answer.sections[0].offset).toBe(20);
    expect(answer.sections[0].items.map(i => i.entity.title)).toEqual([
      'project-1-8',
      'project-1-9',
    ]);
  });

  it('refuses bad paging with what is wrong', async () => {
    const negative = await ask('q=alice&offset=-1');
    expect(negative.status).toBe(400);
    expect(negative.text).toMatch(
      /request\/query\/offset must be an integer written in decimal digits, not '-1'/,
    );
    const unknown = await ask('q=alice&section=owns:scope:nothing');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(
      /This answer has no section 'owns:scope:nothing'/,
    );
  });

  it('lists a group’s members, withholding e-mail addresses — and the logins linked to them — from callers without the permission', async () => {
    const refs = (answer: OwnershipResponse) =>
      answer.members.map(m => m.entity.ref).sort();
    const { answer } = await ask('q=group:default/platform');
    // carol is a member through her address only: her login does not carry it across.
    expect(refs(answer)).toEqual([
      'user:default/[redacted]',
      'user:default/[redacted]',
      'user:default/alice',
    ]);
    expect(answer.redacted).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(/erin|carol/);
    const { answer: full } = await ask('q=group:default/platform', true);
    // Callers who may see people see carol as her login, through the address it stands for.
    const carol = full.members.find(
      m => m.entity.ref === 'user:default/carol',
    )!;
    expect(carol.nestedGroups).toBe(0);
    expect(carol.steps.map(step => step.relation)).toEqual([
      'sameAs',
      'memberOf',
    ]);
    expect(refs(full)).toEqual([
      'user:default/alice',
      'user:default/carol',
      'user:default/erin--example.org',
    ]);
    expect(full.summary[0]).toBe(
      'has 3 members (3 direct, 0 through nested groups)',
    );
  });
});
