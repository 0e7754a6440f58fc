import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ACCESS_POWERS,
  ADMINISTRATORS_DEFAULTS,
  AccessPower,
  AdministratorsResponse,
  DriftEvidence,
  describeCondition,
  EvidenceStep,
  IMPACT_DEFAULTS,
  ImpactResponse,
  ownershipEvidence,
  PathOwnershipResponse,
  RelationProvenance,
} from '@infra-atlas/inventory-common';
import { administrators } from '../queries/administrators';
import {
  IMPACT_DEFAULT_DEPTH,
  impact,
  parseImpactOptions,
} from '../queries/impact';
import { OWNERSHIP_ITEM_LIMIT } from '../queries/ownership';
import { MEMBERS_SECTION } from '../queries/ownershipMembers';
import { pathOwnership } from '../queries/pathOwnership';
import { placement } from '../queries/placement';
import {
  Ask,
  driftQuestion,
  entityQuestion,
  ownershipQuestion,
} from './answers';
import { spec } from '../schema/openapi';

/** The depth a walk may go, as the API's OpenAPI document bounds `depth`: stated there once. */
const DEPTH = spec.components.schemas.Depth;
/** Where a page may start, as the document bounds `offset`. */
const OFFSET = spec.components.schemas.Offset;

/** The zod an action's schema is written with. */
type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** An input that says where a page starts, bounded as the document bounds `offset`. */
const positionInput = (z: Zod, description: string) =>
  z
    .number()
    .int()
    .min(OFFSET.minimum)
    .max(OFFSET.maximum)
    .optional()
    .describe(description);

function evidenceText(evidence: DriftEvidence): string {
  return evidence.kind === 'declared'
    ? `declared in ${evidence.url}`
    : `observed: ${evidence.source}${evidence.url ? ` (${evidence.url})` : ''}`;
}

function provenanceText(provenance: RelationProvenance): string {
  switch (provenance.kind) {
    case 'declared':
      return `declared in ${provenance.url}`;
    case 'observed':
      return `observed: ${provenance.source}`;
    default:
      return `inferred by ${provenance.rule}: ${provenance.detail}`;
  }
}

/** Findings listed per drift answer; the counts cover them all. */
const DRIFT_ACTION_LIMIT = 200;

/**
 * How many of a list's rows an answer lists, of how many, and how to ask for the next ones:
 * "distance 2: 340 entities, 21–40 listed; next: distance 2, offset 40" (`from`, the input
 * that says where a page starts, is `offset` unless named).
 */
function listedLine(
  head: string,
  page: {
    offset: number;
    listed: number;
    total: number;
    next: string;
    from?: string;
  },
): string {
  const { offset, listed, total, next, from = 'offset' } = page;
  if (!listed) return `${head}, none listed`;
  const end = offset + listed;
  const range = `${offset + 1}–${end} listed`;
  return end < total
    ? `${head}, ${range}; next: ${next}, ${from} ${end}`
    : `${head}, ${range}`;
}

/** An impact answer's dependents at one distance, as {@link listedLine} says them. */
function distanceLine(
  answer: ImpactResponse,
  { distance, total }: ImpactResponse['distances'][number],
): string {
  return listedLine(`distance ${distance}: ${total} entities`, {
    offset: answer.offset,
    listed: answer.nodes.filter(n => n.distance === distance).length,
    total,
    next: `distance ${distance}`,
  });
}

/** An administrators answer's rows of one power, as {@link listedLine} says them. */
function powerLine(answer: AdministratorsResponse, power: AccessPower): string {
  return listedLine(
    `${power}: ${answer.rowCounts[power]} rows (${answer.counts[power]} grants, ${answer.principalCounts[power]} principals it can apply to now)`,
    {
      offset: answer.grantsOffset,
      listed: answer.grants.filter(g => g.power === power).length,
      total: answer.rowCounts[power],
      next: `power ${power}`,
      from: 'grantsFrom',
    },
  );
}

/** An impact answer's owners, as {@link listedLine} says them. */
function ownersLine(answer: ImpactResponse): string {
  return listedLine(`${answer.ownersTotal} owners`, {
    offset: answer.ownersOffset,
    listed: answer.owners.length,
    total: answer.ownersTotal,
    next: 'list owners',
  });
}

/** Every inventory action only reads the index. */
const LOOKUP = { readOnly: true, idempotent: true, destructive: false };

/** An evidence chain as one line an assistant can quote. */
const chainText = (steps: EvidenceStep[]) =>
  steps
    .map(
      s =>
        `${s.from} ${s.relation} ${s.to}${
          s.note ? ` [${s.note}]` : ''
        } (${provenanceText(s.provenance)})`,
    )
    .join(' → ');

/** The code owners of a path answer as lines: each owner with its rule, or that there is none. */
function codeOwnerLines(codeowners: PathOwnershipResponse['codeowners']) {
  const rule = codeowners?.rule;
  if (!rule) return [];
  if (!codeowners.owners.length) return [`explicitly no owner: ${rule.url}`];
  return codeowners.owners.map(o => `${o.name}: ${rule.url}`);
}

/**
 * The inventory's questions as Backstage actions, for assistants and scripts (they are
 * listed and invoked through the actions service, e.g. by the MCP actions backend). Answers
 * are the HTTP API's, flattened to text lines with their evidence.
 */
export function registerInventoryActions(options: {
  actionsRegistry: ActionsRegistryService;
  ask: Ask;
  impactMaxNodes: number;
}) {
  const { actionsRegistry, ask } = options;

  actionsRegistry.register({
    name: 'who-owns',
    title: 'Who owns an entity, and who can do what to it',
    description: `Given a catalog entity ref (e.g. resource:default/gcp-project--k8s-artifacts-prod), returns its owner with the evidence and contacts (or that it is unowned), and the IAM grants on it or inherited from its ancestors in rows by power — administer, write, read, other — with conditions (break-glass, time-bound, expired) stated, counted whole, ${ADMINISTRATORS_DEFAULTS.pageSize} rows per power (power and grantsFrom ask for more of one power); and the people behind them counted by power, a page of them with the evidence chain (peopleFrom asks for more).`,
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('Catalog entity ref'),
          peopleFrom: positionInput(
            z,
            `The position of the first person to list (people come ${ADMINISTRATORS_DEFAULTS.pageSize} at a time, strongest power first)`,
          ),
          power: z
            .enum(ACCESS_POWERS as [AccessPower, ...AccessPower[]])
            .optional()
            .describe(
              'List the rows of this power only, from grantsFrom, and no people',
            ),
          grantsFrom: positionInput(
            z,
            `With power, the position of its first row to list (rows come ${ADMINISTRATORS_DEFAULTS.pageSize} at a time: groups, then domains, people and service accounts, direct before inherited)`,
          ),
        }),
      output: z =>
        z.object({
          owner: z.string().optional(),
          unowned: z.boolean(),
          ownerEvidence: z.string().optional(),
          contacts: z.array(z.string()),
          grantsListed: z
            .array(z.string())
            .describe(
              'Per power: how many rows, grants and principals there are, which rows are listed, and how to ask for the next',
            ),
          administrators: z.array(z.string()),
          access: z.array(z.string()),
          peopleCounts: z
            .record(z.number())
            .describe(
              'Everyone behind the grants, by the strongest power they hold now',
            ),
          people: z
            .array(z.string())
            .describe(
              'A page of those people from `peopleFrom`, one line per grant that reaches them, with the evidence chain',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(
        credentials,
        entityQuestion(input.entityRef, state =>
          administrators(
            state.graph,
            input.entityRef,
            new Date(),
            input.power
              ? { power: input.power, offset: input.grantsFrom }
              : { offset: input.peopleFrom },
          ),
        ),
      );
      const grantText = (g: (typeof answer.grants)[number]) =>
        `${g.member} can ${g.power} (${g.roles.join(', ')} on ${g.grantedOn}${
          g.inherited ? ', inherited' : ''
        }${g.via ? `, through ${g.via}` : ''})${
          g.condition ? ` — ${describeCondition(g.condition)}` : ''
        }`;
      return {
        output: {
          owner: answer.owner?.unowned ? undefined : answer.owner?.entity.ref,
          unowned: answer.owner?.unowned ?? true,
          ownerEvidence: answer.owner?.evidence,
          contacts:
            answer.owner?.contacts.map(c => `${c.kind}: ${c.value}`) ?? [],
          grantsListed: (input.power ? [input.power] : ACCESS_POWERS).map(
            power => powerLine(answer, power),
          ),
          administrators: answer.grants
            .filter(g => g.power === 'administer')
            .map(grantText),
          access: answer.grants
            .filter(g => g.power !== 'administer')
            .map(grantText),
          peopleCounts: answer.peopleCounts,
          people: answer.people.flatMap(p =>
            p.paths.map(
              path =>
                `${p.person.ref} (${path.role}${
                  path.condition ? `, ${describeCondition(path.condition)}` : ''
                }): ${chainText(path.steps)}`,
            ),
          ),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'where-does-it-run',
    title: 'Where an entity runs',
    description:
      'Given a catalog entity ref, returns the chains it runs in (workload → namespace → cluster → project → folders → organization) and the DNS names that reach it.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({ entityRef: z.string().describe('Catalog entity ref') }),
      output: z =>
        z.object({
          chains: z.array(z.string()),
          dnsNames: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(
        credentials,
        entityQuestion(input.entityRef, state =>
          placement(state.graph, input.entityRef),
        ),
      );
      return {
        output: {
          chains: answer.chains.map(c => c.path.map(p => p.title).join(' → ')),
          dnsNames: answer.dnsNames.map(d => d.fqdn),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'what-runs-on',
    title: 'What runs on or depends on an entity',
    description: `Given a catalog entity ref (a cluster, a project, a registry), returns what depends on it to a depth: how many entities at each distance and in all, ${IMPACT_DEFAULTS.pageSize} of them per distance (distance and offset ask for more), and the owners with how many of their entities break and whom to tell, ${IMPACT_DEFAULTS.ownersPageSize} at a time, most entities first (list "owners" and offset ask for more). Answers "if this goes down, what breaks?"`,
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('Catalog entity ref'),
          depth: z
            .number()
            .int()
            .min(DEPTH.minimum)
            .max(DEPTH.maximum)
            .optional()
            .describe(
              `Hops to walk, ${DEPTH.minimum} to ${DEPTH.maximum} (default ${IMPACT_DEFAULT_DEPTH})`,
            ),
          distance: z
            .number()
            .int()
            .min(DEPTH.minimum)
            .max(DEPTH.maximum)
            .optional()
            .describe('List the dependents at this distance only'),
          list: z
            .enum(['owners'])
            .optional()
            .describe(
              `"owners": list the page of owners at offset only, no dependents (not with distance)`,
            ),
          offset: positionInput(
            z,
            `The position, within each distance, of the first dependent to list (they come ${IMPACT_DEFAULTS.pageSize} at a time per distance, by ref); with list "owners", of the first owner (they come ${IMPACT_DEFAULTS.ownersPageSize} at a time)`,
          ),
        }),
      output: z =>
        z.object({
          total: z.number(),
          distances: z.array(z.string()),
          dependents: z.array(z.string()),
          ownersTotal: z.number(),
          ownersListed: z
            .string()
            .describe(
              'How many owners are listed, of how many, and how to ask for the next',
            ),
          owners: z.array(z.string()),
          cutOff: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(
        credentials,
        entityQuestion(input.entityRef, state =>
          impact(
            state.graph,
            input.entityRef,
            parseImpactOptions(input, options.impactMaxNodes),
          ),
        ),
      );
      return {
        output: {
          total: answer.total,
          distances: answer.distances.map(d => distanceLine(answer, d)),
          dependents: answer.nodes.map(
            n => `${n.entity.ref} (distance ${n.distance})`,
          ),
          ownersTotal: answer.ownersTotal,
          ownersListed: ownersLine(answer),
          owners: answer.owners.map(
            o =>
              `${o.owner.ref}: ${o.total} entities (${o.entities.join(', ')}${
                o.total > o.entities.length ? ', …' : ''
              }); ${
                o.contacts.map(c => c.value).join(', ') || 'no contact known'
              }`,
          ),
          cutOff: answer.cutOff.frontier
            ? `${answer.cutOff.frontier} more relations beyond depth ${answer.depth} or the node limit`
            : 'none',
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'what-do-they-own',
    title: 'What a person or group owns, administers, approves or leads',
    description:
      'Given a GitHub login, an e-mail address (of a person, a Google Group or a service account), an IAM member (serviceAccount:…, user:…, group:…, domain:…) or a Backstage entity ref, returns everything they own, administer (IAM, through nested groups), hold by other IAM roles, approve or review (OWNERS) or lead (sigs.yaml), with evidence.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          subject: z
            .string()
            .describe('Login, e-mail, IAM member or entity ref'),
          membersFrom: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              'For a group: the position of the first member to list (members come 10 at a time, direct ones first)',
            ),
        }),
      output: z =>
        z.object({
          summary: z
            .array(z.string())
            .describe(
              'The answer in sentences: inherited grants counted under the grant that causes them',
            ),
          counts: z
            .record(z.number())
            .describe('Items per role, every one of them'),
          items: z
            .array(z.string())
            .describe(
              `The first ${OWNERSHIP_ITEM_LIMIT} items of each role, widest first, with their evidence`,
            ),
          members: z
            .object({
              total: z.number(),
              direct: z.number(),
              nested: z.number(),
              from: z.number(),
              page: z.array(z.string()),
            })
            .optional()
            .describe(
              'For a group: how many members it has (direct, through nested groups) and a page of them from `from`, each with the links that make it a member',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(
        credentials,
        ownershipQuestion(input.subject, {}),
      );
      const members =
        answer.memberCounts && input.membersFrom
          ? await ask(
              credentials,
              ownershipQuestion(input.subject, {
                section: MEMBERS_SECTION,
                offset: input.membersFrom,
              }),
            )
          : answer;
      const evidence = ownershipEvidence(answer);
      return {
        output: {
          summary: answer.summary,
          counts: answer.counts,
          items: answer.items.map(
            i =>
              `${i.role} ${i.path ?? i.entity.ref}${
                i.grant ? ` [${i.grant}]` : ''
              }: ${chainText(evidence(i))}`,
          ),
          ...(answer.memberCounts
            ? {
                members: {
                  ...answer.memberCounts,
                  from: members.membersOffset ?? 0,
                  page: members.members.map(
                    m => `${m.entity.ref}: ${chainText(m.steps)}`,
                  ),
                },
              }
            : {}),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'who-approves-path',
    title: 'Who approves, reviews and code-owns a path of a repository',
    description:
      'Given a crawled repository (owner/name, e.g. kubernetes/k8s.io) and a path in it (a file, or a directory ending in /), returns the approvers and reviewers Prow computes from its OWNERS files (filters, no_parent_owners, OWNERS_ALIASES expanded, emeritus excluded) and the code owners GitHub would request under CODEOWNERS, each with the file and line that decide it.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          repository: z.string().describe('owner/name'),
          path: z
            .string()
            .describe('Path in the repository; end a directory with /'),
        }),
      output: z =>
        z.object({
          answer: z.string(),
          approvers: z.array(z.string()),
          reviewers: z.array(z.string()),
          codeOwners: z.array(z.string()),
          notes: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(credentials, state =>
        pathOwnership(state.graph, input.repository, input.path),
      );
      const person = (p: (typeof answer.approvers)[number]) =>
        `${p.login}: ${p.because
          .map(
            b =>
              `${b.url}${b.filter ? ` (filter ${b.filter})` : ''}${
                b.alias
                  ? ` through ${b.alias.name} (${b.alias.definedAt.url})`
                  : ''
              }`,
          )
          .join(', ')}`;
      const what = `${answer.assumed} ${answer.path || '/'} of ${
        answer.repository.slug
      }`;
      return {
        output: {
          answer: `Approvers of the ${what}: ${
            answer.approvers.map(p => p.login).join(', ') || 'none'
          }.`,
          approvers: answer.approvers.map(person),
          reviewers: answer.reviewers.map(person),
          codeOwners: codeOwnerLines(answer.codeowners),
          notes: answer.notes,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'where-do-git-and-the-cloud-disagree',
    title: 'Drift between git, the cloud and the catalog',
    description:
      'Returns the drift findings (declared but missing, undeclared, dangling references and principals, stale access, ...), all or those that name one entity ref, optionally of one kind, each with the entities to fix and its evidence: the file and line in git that declares a fact, or the GCP resource name (and console link) that was observed.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe('Only the findings that name this entity'),
          kind: z
            .string()
            .optional()
            .describe('Only this kind, e.g. dangling-principal'),
        }),
      output: z =>
        z.object({
          counts: z.array(z.string()),
          findings: z.array(z.string()),
          omitted: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(credentials, driftQuestion(input.entityRef));
      const findings = answer.findings.filter(
        f => !input.kind || f.kind === input.kind,
      );
      return {
        output: {
          counts: Object.entries(answer.counts).map(([k, n]) => `${k}: ${n}`),
          // The counts cover every finding; the lines stop where an answer stays readable.
          omitted: Math.max(0, findings.length - DRIFT_ACTION_LIMIT),
          findings: findings
            .slice(0, DRIFT_ACTION_LIMIT)
            .map(
              f =>
                `${f.kind} ${f.subject}: ${f.message}; fix in ${
                  f.entities.join(', ') || 'git'
                }${
                  f.evidence.length
                    ? `; evidence: ${f.evidence.map(evidenceText).join(', ')}`
                    : ''
                }`,
            ),
        },
      };
    },
  });
}
