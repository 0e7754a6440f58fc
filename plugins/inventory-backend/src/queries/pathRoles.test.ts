/*
 * The reverse look-up through `ownership?q=`: which paths a login, an alias or a team approves,
 * reviews or code-owns, with the rule's file and line, and notes when the answer is empty for
 * a reason.
 */
import { InventoryGraph } from '../graph/InventoryGraph';
import { pathOwnershipEntities } from '../__testUtils__/pathOwnership';
import { ownership } from './ownership';

const BLOB = 'https://github.com/o/repo/blob/main';
const graph = () => InventoryGraph.build(pathOwnershipEntities());
const rolesOf = (query: string) =>
  ownership(graph(), query).items.map(i => [
    i.role,
    i.path,
    i.rule?.file,
    i.rule?.line,
  ]);

describe('ownership?q= over OWNERS and CODEOWNERS rules', () => {
  it('lists what an alias approves: the OWNERS files that name it, and where inheritance stops', () => {
    const answer = ownership(graph(), 'leads');
    expect(answer.identities).toEqual([]);
    expect(answer.items).toEqual([
      {
        role: 'approves',
        entity: expect.objectContaining({ ref: 'component:default/o--repo' }),
        path: 'o/repo',
        rule: {
          file: 'OWNERS',
          line: 3,
          url: `${BLOB}/OWNERS#L3`,
          except: ['dns'],
        },
        steps: [
          {
            from: 'group:default/o--repo--leads',
            relation: 'approves',
            to: 'component:default/o--repo',
            provenance: { kind: 'declared', url: `${BLOB}/OWNERS#L3` },
            note: '/ in o/repo, except dns/',
          },
        ],
      },
    ]);
  });

  it('finds a login through its aliases, with the alias definition', () => {
    const carol = ownership(graph(), 'Carol');
    expect(carol.items).toHaveLength(1);
    expect(carol.items[0].rule).toEqual({
      file: 'OWNERS',
      line: 3,
      url: `${BLOB}/OWNERS#L3`,
      alias: {
        name: 'leads',
        definedAt: {
          file: 'OWNERS_ALIASES',
          line: 2,
          url: `${BLOB}/OWNERS_ALIASES#L2`,
        },
      },
      except: ['dns'],
    });
    expect(carol.items[0].steps[0].from).toBe('user:default/carol');
  });

  it('lists a login in every repository, filters included, and what their teams code-own', () => {
    expect(rolesOf('alice')).toEqual([
      ['approves', 'o/repo', 'OWNERS', 2],
      ['code-owns', 'o/repo', '.github/CODEOWNERS', 1],
      ['approves', 'o/self', 'OWNERS', 1],
    ]);
    const team = ownership(graph(), 'alice').items.find(
      i => i.role === 'code-owns',
    )!;
    expect(team.steps[0].from).toBe(
      'group:default/github-team--o--maintainers',
    );
    expect(rolesOf('gopher')).toEqual([
      ['approves', 'o/repo/go', 'go/OWNERS', 4],
    ]);
    expect(ownership(graph(), 'gopher').items[0].rule?.pattern).toBe('\\.go$');
  });

  it('finds a team by its CODEOWNERS rules', () => {
    expect(rolesOf('@o/maintainers')).toEqual([
      ['code-owns', 'o/repo', '.github/CODEOWNERS', 1],
    ]);
    expect(ownership(graph(), 'o/maintainers').counts).toEqual({
      'code-owns': 1,
    });
  });

  it('says why an answer is empty: an alias nobody names, a login that is only emeritus', () => {
    const unused = ownership(graph(), 'unused');
    expect(unused.items).toEqual([]);
    expect(unused.notes).toContain(
      'unused is an alias of o/repo (OWNERS_ALIASES line 7) that no OWNERS file names: it approves and reviews nothing there.',
    );
    const old = ownership(graph(), 'old');
    expect(old.counts).toEqual({ emeritus: 1 });
    expect(old.notes).toContain(
      'old is named only as emeritus: emeritus approvers and reviewers approve and review nothing.',
    );
  });

  it('notes the repositories whose nested OWNERS files were not read', () => {
    expect(ownership(graph(), 'alice').notes).toContain(
      'Only the root OWNERS file was read for o/self (ownersDepth: root): what OWNERS files in their directories say is not known.',
    );
  });

  it('still says plainly when nothing matches', () => {
    expect(() => ownership(graph(), 'mallory')).toThrow(
      /No user, group, service account, domain, e-mail address, OWNERS_ALIASES alias or CODEOWNERS team/,
    );
  });
});
