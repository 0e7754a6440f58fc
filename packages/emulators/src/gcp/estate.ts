import type { GcpBillingAccount } from '../billing/accounts';

/**
 * The estate a GCP emulator serves: plain, JSON-compatible data in the shapes of Resource
 * Manager v3 and Cloud Asset Inventory v1, so that a test can write a small one by hand and a
 * seed loader can produce a large one. The emulator never changes it; everything it answers
 * is read from here.
 */

/** `google.iam.v1.Policy` without its etag. `{}` and `{ version: 1 }` are empty policies. */
export type IamPolicy = {
  version?: number;
  bindings?: IamBinding[];
  auditConfigs?: IamAuditConfig[];
};

export type IamBinding = {
  role: string;
  /** `user:…`, `group:…`, `serviceAccount:…`, `domain:…`, `allUsers`, `projectOwner:<p>`, … */
  members: string[];
  condition?: {
    expression: string;
    title?: string;
    description?: string;
    location?: string;
  };
};

export type IamAuditConfig = {
  service: string;
  auditLogConfigs?: Array<{
    logType: 'LOG_TYPE_UNSPECIFIED' | 'ADMIN_READ' | 'DATA_WRITE' | 'DATA_READ';
    exemptedMembers?: string[];
  }>;
};

/** Lifecycle of organizations, folders and projects (Resource Manager v3 `State`). */
export type LifecycleState = 'ACTIVE' | 'DELETE_REQUESTED';

/** JSON value, as carried by `google.protobuf.Struct`. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** Timestamps are RFC 3339 strings, e.g. `2017-07-06T04:25:01.691Z`. */
export type GcpOrganization = {
  /** `organizations/<number>` */
  name: string;
  /** The organization's domain, e.g. `kubernetes.io`. */
  displayName: string;
  directoryCustomerId: string;
  state: LifecycleState;
  createTime: string;
  updateTime?: string;
  deleteTime?: string;
  iamPolicy: IamPolicy;
};

export type GcpFolder = {
  /** `folders/<number>` */
  name: string;
  /** `organizations/<number>` or `folders/<number>` */
  parent: string;
  displayName: string;
  state: LifecycleState;
  createTime: string;
  updateTime?: string;
  deleteTime?: string;
  iamPolicy: IamPolicy;
};

export type GcpProject = {
  /** `projects/<number>` */
  name: string;
  projectId: string;
  /** `organizations/<number>` or `folders/<number>` */
  parent: string;
  displayName: string;
  state: LifecycleState;
  createTime: string;
  updateTime?: string;
  deleteTime?: string;
  labels: Record<string, string>;
  iamPolicy: IamPolicy;
};

/**
 * A resource as `SearchAllResources` returns it (`ResourceSearchResult`), plus the policy that
 * `SearchAllIamPolicies` returns for it. Organizations, folders and projects are not listed
 * here: the emulator derives their asset view from the hierarchy above.
 */
export type GcpAsset = {
  /** Full resource name, e.g. `//storage.googleapis.com/my-bucket`. */
  name: string;
  /** e.g. `storage.googleapis.com/Bucket` */
  assetType: string;
  /** `projects/<number>` of the owning project. */
  project: string;
  /** Ancestor folders, nearest first (`folders/<number>`). */
  folders: string[];
  /** `organizations/<number>` */
  organization: string;
  displayName: string;
  description?: string;
  /** Lower case, like Cloud Asset Inventory: `us`, `us-central1`, `global`. */
  location?: string;
  labels?: Record<string, string>;
  createTime?: string;
  updateTime?: string;
  state?: string;
  additionalAttributes?: { [key: string]: JsonValue };
  parentFullResourceName: string;
  parentAssetType: string;
  /** Resource-level IAM policy, when the resource type has one. */
  iamPolicy?: IamPolicy;
  /**
   * The resource as its own API represents it (storage v1 Bucket, container v1 Cluster, …).
   * Search returns it as `versionedResources` only when the read mask asks for it.
   */
  versionedResource?: GcpVersionedResource;
};

/** `google.cloud.asset.v1.VersionedResource`: the API version and the resource's JSON. */
export type GcpVersionedResource = {
  /** e.g. `v1` */
  version: string;
  resource: JsonObject;
};

export type GcpEstate = {
  organizations: GcpOrganization[];
  folders: GcpFolder[];
  projects: GcpProject[];
  assets: GcpAsset[];
  /** Who pays for the projects (Cloud Billing); none when absent. */
  billingAccounts?: GcpBillingAccount[];
};
