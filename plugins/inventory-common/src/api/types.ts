import { AccessPower, ConditionStatus, GrantCondition } from '../iam';

/*
 * The shapes the inventory backend answers with. The frontend, the typed client, the actions
 * and the tests all read these, so every answer has one definition.
 */

import type { ConfigurationLine, ConfigurationValue } from '../configuration';
import type { JoinGroup } from './access';

/**
 * Why a relation or a fact is believed:
 * - `observed`: an API said so (`source` names it, e.g. the GCP resource name);
 * - `declared`: a file in git said so (`url` is the file);
 * - `inferred`: a rule of the inventory linked two facts (`rule` names it, `detail` says how).
 *
 * @public
 */
export type RelationProvenance =
  | { kind: 'observed'; source: string }
  | { kind: 'declared'; url: string }
  | { kind: 'inferred'; rule: string; detail: string };

/** @public */
export type InventoryEntitySummary = {
  ref: string;
  kind: string;
  type?: string;
  title: string;
  /** False when the ref is named by a relation or a grant but no such entity exists. */
  exists: boolean;
};

/**
 * One step of an evidence chain: `from` relates to `to` as `relation`, for the reason in
 * `provenance`. A chain reads left to right, e.g. user → memberOf → group → administers →
 * organization → parentOf → project.
 *
 * @public
 */
export type EvidenceStep = {
  from: string;
  relation: string;
  to: string;
  provenance: RelationProvenance;
  /** What the source says beyond the relation, e.g. `roles/owner on organizations/7589…`. */
  note?: string;
};

/** @public */
export type InventoryLink = {
  source: string;
  type: string;
  target: string;
  provenance: RelationProvenance;
};

/**
 * A link a rule could not make without guessing: several candidates fit, so none was chosen.
 *
 * @public
 */
export type AmbiguousLink = {
  rule: string;
  source: string;
  wanted: string;
  candidates: string[];
};

/** @public */
export type LinksResponse = {
  generatedAt: string;
  links: InventoryLink[];
  ambiguous: AmbiguousLink[];
};

/** @public */
export type PlacementResponse = {
  entity: InventoryEntitySummary;
  /** Each chain starts at the entity and climbs to a root (organization, cluster, zone…). */
  chains: Array<{ path: InventoryEntitySummary[]; steps: EvidenceStep[] }>;
  /** DNS records that reach the entity, directly or through CNAMEs, with their chain. */
  dnsNames: Array<{ fqdn: string; record: string; steps: EvidenceStep[] }>;
  /** Things that run on or live in the entity (one level down). */
  hosts: InventoryEntitySummary[];
  /**
   * The Kubernetes service accounts it runs as, each with the GCP service account it acts as
   * through Workload Identity when one is declared. Absent when none.
   */
  runsAs?: Array<{
    serviceAccount: InventoryEntitySummary;
    actsAs?: InventoryEntitySummary;
    steps: EvidenceStep[];
  }>;
  /**
   * The reserved IP addresses it is reached at: a global address's name (from an Ingress) or
   * an IP (a Service's `loadBalancerIP`), with the address entity when the GCP inventory has
   * it. Absent when none.
   */
  staticIps?: Array<{ name: string; address?: InventoryEntitySummary }>;
};

/**
 * One entity of the placement forest (`GET /explorer`): organization → folders → projects →
 * resources, clusters → namespaces → apps, DNS zones → records. Optional fields are left out
 * when empty, to keep the whole forest in one small answer.
 *
 * @public
 */
export type ExplorerNode = {
  ref: string;
  kind: string;
  type?: string;
  title: string;
  /**
   * What it is placed in (`runsOn`, `childOf`): usually one; an app deployed to two namespaces
   * has two. Absent for a root. A parent missing from `nodes` is not in the catalog.
   */
  parents?: string[];
  owner?: string;
  labels?: Record<string, string>;
  /** Granted to `allUsers` or `allAuthenticatedUsers`. */
  public?: true;
  /** Why the entity looks stale (see docs/infra-atlas/inventory-api.md); absent when it does not. */
  stale?: string;
  /**
   * Configuration settings to filter by (`retention: 'locked'`, `api: [enabled APIs]` on a
   * project); absent when none was crawled.
   */
  settings?: Record<string, ConfigurationValue>;
  /** Entities placed under it, transitively, each counted once. */
  descendants: number;
};

/** @public */
export type ExplorerResponse = {
  generatedAt: string;
  nodes: ExplorerNode[];
  redacted: boolean;
};

/** @public */
export const OWNERSHIP_ROLES = [
  'owns',
  'administers',
  'approves',
  'reviews',
  'leads',
  'emeritus',
  /** Holds an IAM role that does not administer (viewer, writer, a custom role…). */
  'holds',
  /** Owns paths under a CODEOWNERS rule: GitHub requests their review. */
  'code-owns',
] as const;

/** @public */
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

/** @public */
export type OwnershipItem = {
  role: OwnershipRole;
  entity: InventoryEntitySummary;
  /** For OWNERS and CODEOWNERS roles: `owner/repo/directory` (`owner/repo` for the root). */
  path?: string;
  /** For OWNERS and CODEOWNERS roles: the rule that names the subject, and what it covers. */
  rule?: OwnershipRule;
  /** For IAM: the role granted and where, e.g. `roles/owner on organizations/758905017065`. */
  grant?: string;
  /**
   * For an item held through another principal (a group the subject belongs to, another of
   * its identities): the principals the chain goes through, the subject's identity first, the
   * holder last. How the subject reaches the holder is the holder's entry in the answer's
   * `identities` or `groups`, sent once instead of with every item; {@link ownershipEvidence}
   * joins the two. Absent when the subject holds the item itself.
   */
  through?: string[];
  /** The item's own evidence, from its holder (the last of `through`, or the subject) on. */
  steps: EvidenceStep[];
};

/**
 * A line of a file in a repository: where an ownership rule is written.
 *
 * @public
 */
export type RuleLocation = {
  /** Repository path of the file: `dns/OWNERS`. */
  file: string;
  line: number;
  /** The line on GitHub: `https://github.com/kubernetes/k8s.io/blob/main/dns/OWNERS#L7`. */
  url: string;
};

/**
 * An OWNERS or CODEOWNERS rule naming the subject of an ownership question.
 *
 * @public
 */
export type OwnershipRule = RuleLocation & {
  /** The OWNERS filter or CODEOWNERS pattern, when the rule covers only matching paths. */
  pattern?: string;
  /** The OWNERS_ALIASES alias the subject is named through, and where it is defined. */
  alias?: { name: string; definedAt: RuleLocation };
  /** Subdirectories the rule does not reach: their OWNERS file sets `no_parent_owners`. */
  except?: string[];
};

/** @public */
export type OwnershipResponse = {
  query: string;
  /** The entities the query resolved to: one person can be a login and several e-mails. */
  identities: Array<{ entity: InventoryEntitySummary; steps: EvidenceStep[] }>;
  /** Groups the identities belong to, directly or through nested groups. */
  groups: Array<{ entity: InventoryEntitySummary; steps: EvidenceStep[] }>;
  /** How many items of each role there are, including any beyond the limit. */
  counts: Partial<Record<OwnershipRole, number>>;
  /**
   * How many distinct entities each role covers: an entity administered through five roles is
   * five `administers` items and one entity.
   */
  entityCounts: Partial<Record<OwnershipRole, number>>;
  /** What the answer cannot see, e.g. a login with no e-mail address linked to it. */
  notes: string[];
  /** True when a role's items stop at the limit (`limit` parameter: per role, default 20). */
  truncated: boolean;
  items: OwnershipItem[];
  /** For administered projects, folders and organizations: resources that inherit the grant. */
  inheritedResourceCounts: Record<string, number>;
  /** True when personal details (e-mails, individual grants) were withheld. */
  redacted: boolean;
  /**
   * The answer in a few sentences, widest reach first: `administers the organization
   * kubernetes.io (roles/owner) → inherited by 327 projects; 1,900 resources are below it`.
   */
  summary: string[];
  /**
   * Every item (not only those under `limit`), grouped, each group paged: the first five
   * sections of a role carry their first page, the others their counts only.
   */
  sections: OwnershipSection[];
  /**
   * For a group look-up: one page of its members (`pageSize`, default 10), direct ones first,
   * then by name, each with the evidence that makes it a member; ask `section=members&offset=N`
   * for the next page. A member named by e-mail address is shown as the GitHub login linked to
   * it, when there is one. Empty when another section's page is asked for.
   */
  members: Array<{
    entity: InventoryEntitySummary;
    /** Groups between the member and the group looked up: 0 for a direct member. */
    nestedGroups: number;
    steps: EvidenceStep[];
  }>;
  /** For a group with members: how many, directly and through nested groups (all pages). */
  memberCounts?: { total: number; direct: number; nested: number };
  /** For a group with members: the position of `members` among all of them. */
  membersOffset?: number;
  /** For a look-up of a mailing-list group: how to join it (see `howToJoin`). */
  join?: JoinGroup;
};

/**
 * A group of ownership items of one role:
 * - `grant`: what inherits one IAM grant, under the item that makes the grant (`cause`);
 * - `contains`: what the subject owns inside an entity it owns too (`cause`);
 * - `scope`: items on entities of one type (organizations, folders, projects, buckets…);
 * - `repository`: OWNERS and CODEOWNERS items of one repository.
 *
 * @public
 */
export type OwnershipSection = {
  /** Stable within an answer: ask `section=<key>&offset=<n>` for the next page. */
  key: string;
  role: OwnershipRole;
  kind: 'grant' | 'contains' | 'scope' | 'repository';
  title: string;
  /** The item that causes the others: the grant on the organization, the project owned. */
  cause?: OwnershipItem;
  /** Items in the section, all pages. */
  total: number;
  /** Entities of the items by type: `{ 'gcp-project': 327 }`. */
  types: Record<string, number>;
  /** For a grant on a container: resources below it that inherit the grant. */
  inheritedResources?: number;
  /** Position of `items` in the section; `items` is empty for a section not loaded yet. */
  offset: number;
  items: OwnershipItem[];
};

/** @public */
export type ImpactDirection = 'dependents' | 'dependencies';

/**
 * What breaks if an entity goes down. The counts cover every entity the walk reached and
 * every owner; the entities themselves come a page per distance (`pageSize`, default
 * {@link IMPACT_DEFAULTS}), nearest first, then by ref: ask `distance=D&offset=N` for the
 * next page of one distance. The owners come a page at a time too (the first ten, most
 * entities first): ask `list=owners&offset=N` for the next page of them. A folder's
 * dependents at depth 3 are thousands of entities and an organization's owners hundreds,
 * which made answers of a megabyte, then of 200 KB, when every one was sent.
 *
 * @public
 */
export type ImpactResponse = {
  entity: InventoryEntitySummary;
  direction: ImpactDirection;
  depth: number;
  relations: string[];
  /** Entities reached, all pages. */
  total: number;
  /** Entities reached at each distance, all pages, nearest first. */
  distances: Array<{ distance: number; total: number }>;
  /** Where each distance's page starts within it (the owners' page, with `list=owners`). */
  offset: number;
  /**
   * The page of each distance (of the one asked for, with `distance`), in order; none with
   * `list=owners`.
   */
  nodes: Array<{
    entity: InventoryEntitySummary;
    distance: number;
    owner?: string;
    via: EvidenceStep;
  }>;
  /** Owners of the entities reached, all pages (the owners of none count as one). */
  ownersTotal: number;
  /** Where the page of `owners` starts: 0 unless `list=owners` asked for a later page. */
  ownersOffset: number;
  /**
   * A page of the entities reached grouped by owner, with whom to tell: Slack channel,
   * mailing list, e-mail; most entities first (on a tie, whose entity comes first).
   */
  owners: Array<{
    owner: InventoryEntitySummary;
    contacts: Array<{
      kind: 'slack' | 'mailing-list' | 'email';
      value: string;
    }>;
    /** The owner's entities among those reached, all pages. */
    total: number;
    /** The owner's first few of them, nearest first, to tell them what breaks. */
    entities: string[];
  }>;
  /** The explicit cut-off: what lies beyond `depth` or the node limit and was not walked. */
  cutOff: {
    depthReached: boolean;
    nodeLimitReached: boolean;
    frontier: number;
  };
};

/**
 * How many entities an impact answer lists per distance unless asked for more (the "If this
 * goes down" card shows twenty), how many owners (the card's "Whom to tell" shows ten), and
 * how many of each owner's entities it names.
 *
 * @public
 */
export const IMPACT_DEFAULTS = {
  pageSize: 20,
  ownersPageSize: 10,
  entitiesPerOwner: 3,
};

/** @public */
export type CompletenessCheckId =
  | 'owner-resolved'
  | 'docs'
  | 'source-known'
  | 'owners-sig-label'
  | 'two-active-approvers'
  | 'no-emeritus-admins';

/** @public */
export type CompletenessCheck = {
  id: CompletenessCheckId;
  passed: boolean;
  detail: string;
};

/** @public */
export type EntityScorecard = {
  entity: InventoryEntitySummary;
  owner?: string;
  system?: string;
  checks: CompletenessCheck[];
  /** Passed checks over applicable checks, 0..1. */
  score: number;
};

/** @public */
export type ScoreTotals = {
  entities: number;
  checks: number;
  passed: number;
  score: number;
  failing: Partial<Record<CompletenessCheckId, number>>;
};

/** @public */
export type CompletenessResponse = {
  scope: 'entity' | 'owner' | 'system' | 'all';
  key?: string;
  totals: ScoreTotals;
  /** Per owner or per system, when the scope groups. */
  groups?: Array<{ key: string; totals: ScoreTotals }>;
  /** The entities in scope that fail at least one check, worst first. */
  toFix: EntityScorecard[];
  history: Array<{ day: string; totals: ScoreTotals }>;
};

/** @public */
export type DriftKind =
  | 'declared-project-missing'
  | 'undeclared-project'
  | 'missing-secret'
  | 'dangling-reference'
  | 'workload-identity-orphan'
  | 'alias-leadership-mismatch'
  | 'empty-project'
  | 'near-duplicate-name'
  | 'emeritus-still-active'
  | 'dangling-principal'
  | 'unowned'
  | 'unresolved-owner-label'
  | 'ambiguous-link';

/**
 * What a drift finding rests on: a file in git that declares something (its URL, with the
 * line when known, also as a `#L<line>` anchor), or a cloud or API object that was observed
 * (its resource name, e.g. `//storage.googleapis.com/my-bucket`, and a link to it in the
 * console when there is one).
 *
 * @public
 */
export type DriftEvidence =
  | { kind: 'declared'; url: string; line?: number }
  | { kind: 'observed'; source: string; url?: string };

/** @public */
export type DriftFinding = {
  kind: DriftKind;
  subject: string;
  message: string;
  /** Entities the finding is about; the first is the one to fix. */
  entities: string[];
  /** The documents and objects that state each side of the finding; empty when none is known. */
  evidence: DriftEvidence[];
};

/** @public */
export type DriftResponse = {
  generatedAt: string;
  counts: Partial<Record<DriftKind, number>>;
  findings: DriftFinding[];
};

/** @public */
export type ProviderStatus = {
  provider: string;
  lastRun?: {
    state: RunState;
    /** What the crawl read: every page (`complete`), some (`partial`) or nothing usable. */
    outcome: 'complete' | 'partial' | 'failed';
    /**
     * What the safe-sync rule let it change in the catalog: everything, everything outside the
     * scopes it could not read (`scoped`), only additions and updates, or nothing.
     */
    applied: 'full' | 'scoped' | 'upsert-only' | 'none';
    startedAt: string;
    finishedAt?: string;
    durationMs?: number;
    errors: string[];
  };
  /**
   * What the last run could not read and kept from earlier runs: each scope (an organization, a
   * repository, one analyzer's output) with the reason, since when and for how many runs in a
   * row it has been held.
   */
  held?: Array<{ scope: string; reason: string; since: string; runs: number }>;
  /** When the last `complete` run finished: the catalog matched the source then. */
  lastSuccess?: string;
  /** Seconds since the last complete, applied run; absent when there has been none. */
  staleSeconds?: number;
  entities: Record<string, number>;
};

/**
 * What one crawl run amounted to:
 * - `complete`: read every page and the catalog was replaced with what it read;
 * - `partial`: some steps failed; what was read was refreshed, and nothing was removed — or,
 *   for a provider that scopes its sync, nothing that the unread scopes declared;
 * - `refused`: the safe-sync rule refused the change (removal ceiling, an empty result, or
 *   facts missing that the entities depend on); nothing was removed;
 * - `failed`: nothing usable was read; the catalog kept what it had.
 *
 * @public
 */
export type RunState = 'complete' | 'partial' | 'refused' | 'failed';

/** @public */
export type StatusResponse = {
  index: {
    builtAt?: string;
    buildMs?: number;
    entities: number;
    relations: number;
    links: number;
    ambiguous: number;
    lastError?: string;
  };
  providers: ProviderStatus[];
};

/**
 * A condition as answers state it: the binding's own words, its time bounds, and whether it
 * can apply now.
 *
 * @public
 */
export type AnswerCondition = GrantCondition & { status: ConditionStatus };

/**
 * One IAM grant as answers state it.
 *
 * @public
 */
export type AccessGrant = {
  principal: InventoryEntitySummary;
  member: string;
  role: string;
  power: AccessPower;
  grantedOn: string;
  /** True when granted on an ancestor (organization, folder, project) and inherited here. */
  inherited: boolean;
  /** Present on a conditional grant: it applies only when the condition holds. */
  condition?: AnswerCondition;
  /** For a legacy convenience member (`projectViewer:p`): the member the policy names. */
  via?: string;
  /** For a custom role the inventory holds: its entity, whose page says what it grants. */
  customRole?: InventoryEntitySummary;
  steps: EvidenceStep[];
};

/**
 * One principal's grants of one power made in one place under one condition, as one row: an
 * organization admin group holding four roles there reads as one line with four roles. The
 * row is its first grant (`role`, `steps`) with every role it folds in `roles`.
 *
 * @public
 */
export type AccessGrantRow = AccessGrant & { roles: string[] };

/**
 * Who owns an entity and who can do what to it. Ownership and access are separate answers:
 * the owner is the group or person an ownership rule names (or nobody: `unowned`); access is
 * every grant, direct or inherited, by power.
 *
 * @public
 */
export type AdministratorsResponse = {
  entity: InventoryEntitySummary;
  owner?: {
    entity: InventoryEntitySummary;
    /** True when no ownership rule attributes the entity: `entity` is then the placeholder. */
    unowned: boolean;
    evidence?: string;
    contacts: ImpactResponse['owners'][number]['contacts'];
    /** Other groups that share it (several sigs.yaml subprojects list it), each with why. */
    coOwners: Array<{ entity: InventoryEntitySummary; evidence?: string }>;
  };
  /**
   * The IAM grants on the entity and on each ancestor it inherits from, in rows, a page per
   * power (`pageSize` rows, default {@link ADMINISTRATORS_DEFAULTS}; the one power asked for,
   * with `power`): strongest power first; within a power groups, then domains, people and
   * service accounts, each direct before inherited. Ask `power=P&offset=N` for the next page
   * of one power; `rowCounts` counts the rows of all pages.
   */
  grants: AccessGrantRow[];
  /** Where each power's page of `grants` starts: 0 unless `power` asked for a later page. */
  grantsOffset: number;
  /** IAM grants per power, all pages (a row folds a principal's roles in one place). */
  counts: Record<AccessPower, number>;
  /** Rows of `grants` per power, all pages: the card's "Can administer (3)". */
  rowCounts: Record<AccessPower, number>;
  /**
   * Principals per power with a grant that can apply now (unconditional, or a condition that
   * may hold), all pages: the headline's "3 principals can administer it".
   */
  principalCounts: Record<AccessPower, number>;
  /**
   * One page of the people behind those grants, through nested groups (`pageSize`, default
   * {@link ADMINISTRATORS_DEFAULTS}), strongest power first, then by ref, each with one chain
   * per grant; ask `offset=N` for the next page (none with `power`). `peopleCounts` counts
   * them all.
   */
  people: Array<{
    person: InventoryEntitySummary;
    roles: string[];
    /** The strongest power any of their grants gives that can apply now. */
    power: AccessPower;
    paths: Array<{
      role: string;
      power: AccessPower;
      grantedOn: string;
      condition?: AnswerCondition;
      steps: EvidenceStep[];
    }>;
  }>;
  /** Everyone behind the grants (all pages), by the strongest power they hold now. */
  peopleCounts: Record<AccessPower, number>;
  /** The position of `people` among everyone behind the grants. */
  peopleOffset: number;
  redacted: boolean;
};

/**
 * How many people, and rows of each power, an administrators answer lists unless asked for
 * more: the access card shows five and folds the rest. Everyone behind an organization's groups
 * (hundreds of people, each with a chain per grant) made answers of hundreds of kilobytes, and
 * every grant with its evidence 24 KB on average at 50,000 entities.
 *
 * @public
 */
export const ADMINISTRATORS_DEFAULTS = { pageSize: 5 };

/**
 * How the dependency graph walks from its focus: out to what the focus needs and, separately,
 * to what needs it, never turning back (`focused`, the default: a cluster's project and its
 * namespaces, not the rest of the project); every placement and dependency relation both ways
 * at every hop (`neighbourhood`, which reaches the focus's siblings); what breaks if the focus
 * goes down (`blast-radius`); or what the focus needs (`dependencies`).
 *
 * @public
 */
export const GRAPH_MODES = [
  'focused',
  'neighbourhood',
  'blast-radius',
  'dependencies',
] as const;

/** @public */
export type GraphMode = (typeof GRAPH_MODES)[number];

/**
 * What `GET /graph` walks when the question does not say: two hops, at most 2,000 entities.
 *
 * @public
 */
export const GRAPH_DEFAULTS = { depth: 2, maxNodes: 2000 };

/**
 * The catalog kinds a graph can be narrowed to (`kinds=`), lower-cased as refs spell them.
 *
 * @public
 */
export const GRAPH_KINDS = [
  'resource',
  'component',
  'system',
  'domain',
  'group',
  'user',
  'api',
] as const;

/** @public */
export type GraphNode = InventoryEntitySummary & {
  /** Hops from the focus. */
  distance: number;
  owner?: string;
  /** The owner's title, for clustering by owner under a name people know. */
  ownerTitle?: string;
  /** The GCP project the entity is, or lives in, for clustering. */
  project?: string;
};

/** @public */
export type GraphResponse = {
  focus: InventoryEntitySummary;
  mode: GraphMode;
  depth: number;
  relations: string[];
  /** Only entities of these kinds were walked; empty for every kind. */
  kinds: string[];
  maxNodes: number;
  nodes: GraphNode[];
  /** Every relation among the nodes, once, in its forward direction. */
  edges: Array<{ source: string; target: string; type: string }>;
  /** What lies beyond the depth or the node limit and was not walked. */
  cutOff: ImpactResponse['cutOff'];
};

/** @public */
export type OwnersFilesPerson = {
  /** The person's User entity (GitHub login). */
  person: InventoryEntitySummary;
  login: string;
  /** The OWNERS file that names the person for this directory (blob URL). */
  file: string;
  /** The repository's OWNERS_ALIASES aliases the person belongs to. */
  aliases: InventoryEntitySummary[];
};

/**
 * Who approves and reviews changes to an entity under Prow's OWNERS rules: the repository's
 * own root for a repository, the directory the entity is declared in for anything declared in
 * git (apps, namespaces, DNS records…). Aliases are expanded.
 *
 * @public
 */
export type OwnersFilesResponse = {
  entity: InventoryEntitySummary;
  /** The repository whose OWNERS files govern the entity; absent when none does. */
  repository?: InventoryEntitySummary;
  /** The directory the entity is in, relative to the repository root (`''` for the root). */
  directory?: string;
  /** The OWNERS files that apply, nearest first (blob URLs). */
  files: string[];
  approvers: OwnersFilesPerson[];
  reviewers: OwnersFilesPerson[];
  /** Emeritus approvers and reviewers named along the way: no longer owners. */
  emeritus: OwnersFilesPerson[];
  labels: string[];
};

/**
 * Where an entity's runbook is: TechDocs sites, nearest first (the entity's own, then the
 * Systems it is part of, then the repository it is declared in), and the runbook or docs links
 * of the same entities.
 *
 * @public
 */
export type RunbookResponse = {
  entity: InventoryEntitySummary;
  techdocs: Array<{
    entity: InventoryEntitySummary;
    via: 'self' | 'system' | 'repository';
    /** The `backstage.io/techdocs-ref` annotation, e.g. `dir:.` or `url:https://…`. */
    techdocsRef: string;
    /** How the entity reaches the one with the docs; empty for its own. */
    steps: EvidenceStep[];
  }>;
  links: Array<{
    url: string;
    title?: string;
    type?: string;
    /** The entity whose `metadata.links` lists it. */
    entity: InventoryEntitySummary;
  }>;
};

/**
 * One entity that answers a configuration question (`GET /configuration`).
 *
 * @public
 */
export type ConfigurationMatch = {
  entity: InventoryEntitySummary;
  projectId?: string;
  /** The value of the setting asked about; for a service question, the service. */
  value?: ConfigurationValue;
  /** The whole configuration in plain words, most asked-about first. */
  lines: ConfigurationLine[];
};

/**
 * `GET /configuration`: which entities of a type have a setting (or a value of it), or which
 * projects enable an API, with counts over the whole type.
 *
 * @public
 */
export type ConfigurationResponse = {
  question: {
    type: string;
    setting?: string;
    value?: string;
    service?: string;
  };
  /** Entities of the type whose configuration the crawl read. */
  total: number;
  matching: number;
  /** Entities per value of the setting asked about (lists count each item); for a service, `enabled` / `not enabled`. */
  counts: Record<string, number>;
  /** The settings this type can be asked about. */
  settings: string[];
  /** The matching entities, by ref, at most `limit`. */
  entities: ConfigurationMatch[];
  truncated: boolean;
  redacted: boolean;
};

/**
 * Why someone approves or reviews a path: an OWNERS entry, and the alias it names if any.
 *
 * @public
 */
export type PathOwnershipReason = RuleLocation & {
  /** The `filters` regexp the entry is under; absent for the top level. */
  filter?: string;
  alias?: {
    name: string;
    /** The alias's Group, when the inventory has it. */
    entity?: InventoryEntitySummary;
    definedAt: RuleLocation;
  };
};

/** @public */
export type PathOwnershipPerson = {
  /** GitHub login, as OWNERS files compare it (lower-cased). */
  login: string;
  entity: InventoryEntitySummary;
  /** Every entry that makes them one, nearest OWNERS file first. */
  because: PathOwnershipReason[];
};

/**
 * Who approves and reviews changes to one path under Prow's OWNERS rules, and whose review
 * GitHub requests under CODEOWNERS, each with the file and line that decide it. Answered from
 * the rules the GitHub provider stored on the repository's Component.
 *
 * @public
 */
export type PathOwnershipResponse = {
  repository: InventoryEntitySummary & { slug: string };
  /** The path as asked, without leading or trailing `/` (`''` is the root). */
  path: string;
  /** A path ending in `/` or naming a directory with an OWNERS file is a directory. */
  assumed: 'file' | 'directory';
  commit?: string;
  /** `root`: nested OWNERS files were not read, and the answer says so in `notes`. */
  ownersDepth: 'root' | 'tree';
  approvers: PathOwnershipPerson[];
  reviewers: PathOwnershipPerson[];
  /** Nearest OWNERS file first. */
  labels: Array<RuleLocation & { label: string; filter?: string }>;
  /** Named as emeritus in the OWNERS files walked: they approve and review nothing. */
  emeritus: Array<RuleLocation & { login: string }>;
  /** The OWNERS files that decide the answer, nearest first. */
  ownersFiles: Array<{ file: string; url: string }>;
  /** The `no_parent_owners` that keeps the parents' approvers out, if one does. */
  inheritanceStoppedAt?: RuleLocation;
  /** Absent when the repository has no CODEOWNERS file. */
  codeowners?: {
    file: string;
    url: string;
    /** The path matched: the path itself, or for a directory its OWNERS file's path. */
    matched: string;
    /** The last rule that matches; absent when none does. */
    rule?: RuleLocation & { pattern: string };
    /** The rule's owners; empty when it names none (explicitly no owner). */
    owners: Array<{ name: string; entity: InventoryEntitySummary }>;
    /** Lines GitHub skips, and why. */
    skipped: Array<{ line?: number; reason: string }>;
  };
  notes: string[];
  redacted: boolean;
};
