import type { AccessPower } from '../iam';
import type {
  AdministratorsResponse,
  AnswerCondition,
  InventoryEntitySummary,
  PathOwnershipPerson,
} from './types';

/**
 * How to join a group that grants access:
 * - `pull-request`: its members are declared in a file in git (a groups.yaml): add your
 *   address there; `approvers` are who approves that file under its OWNERS files;
 * - `ask`: the group is not managed as code but has a page to ask on (a Google Groups page);
 * - `undeclared`: nothing says how; ask the owners.
 *
 * @public
 */
export type JoinGroup =
  | {
      kind: 'pull-request';
      /** The file's web URL (`https://github.com/kubernetes/k8s.io/blob/main/groups/…`). */
      url: string;
      /** `owner/name`. */
      repository: string;
      /** The path within the repository. */
      path: string;
      /** Where the group's members are listed in the file (its first member's line), if known. */
      line?: number;
      /** Who approves a change to the file, nearest OWNERS file first; absent when unknown. */
      approvers?: PathOwnershipPerson[];
      /** The OWNERS file that names the nearest approvers. */
      ownersFile?: { file: string; url: string };
    }
  | { kind: 'ask'; url: string; title: string }
  | { kind: 'undeclared' };

/**
 * What a group's membership gives on the entity: one role, where it is granted, and its
 * condition when it has one.
 *
 * @public
 */
export type AccessRouteGrant = {
  role: string;
  power: AccessPower;
  grantedOn: string;
  inherited: boolean;
  condition?: AnswerCondition;
};

/**
 * One group whose members get access, and how to join it.
 *
 * @public
 */
export type AccessRoute = {
  group: InventoryEntitySummary;
  /** The group's address (`k8s-infra-artifact-admins@kubernetes.io`). */
  email: string;
  /** The IAM roles membership gives here; empty for a group a System names only. */
  grants: AccessRouteGrant[];
  /** The strongest power those grants give now; `other` when none applies. */
  power: AccessPower;
  /** Systems the entity belongs to (or is) that name this group as their access group. */
  systems: InventoryEntitySummary[];
  join: JoinGroup;
};

/**
 * Who can get access to an entity, and how: the groups that grant it (roles on the entity or
 * inherited from its project, folders and organization, and the groups its System names),
 * narrowest first, each with how to join it; the principals granted roles directly, whom no
 * group membership gives access; whether anyone may read it; and whom to ask (the owner).
 *
 * @public
 */
export type AccessResponse = {
  entity: InventoryEntitySummary;
  routes: AccessRoute[];
  /** People, service accounts and domains granted roles directly, strongest first. */
  direct: Array<{
    principal: InventoryEntitySummary;
    member: string;
    roles: string[];
    power: AccessPower;
    inherited: boolean;
  }>;
  /** Roles granted to `allUsers` or `allAuthenticatedUsers`: no membership needed. */
  public: Array<{ member: string; role: string; power: AccessPower }>;
  owner?: AdministratorsResponse['owner'];
  redacted: boolean;
};
