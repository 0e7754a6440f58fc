import type { protos } from '@google-cloud/asset';
import { GcpAsset } from './estate';
import { EstateIndex } from './estateIndex';
import { PageLimits, PageRequest, paginate } from './pagination';
import { UnaryHandlers } from './protos';
import { readMaskProjection } from './readMask';
import { unimplemented } from './status';
import { hasBindings, toPolicy, toStruct, toTimestamp } from './wire';

type V1 = typeof protos.google.cloud.asset.v1;
/** A decoded request message (all fields present, see protos.ts). */
type Request<T extends keyof V1> = V1[T] extends new () => infer R ? R : never;

/** Both search methods: default 100, and larger page sizes are capped at 500. */
const PAGE_LIMITS: PageLimits = { defaultSize: 100, maxSize: 500 };

/** Result sets kept for paging, so a 100,000-asset crawl filters once, not once per page. */
const CACHED_RESULT_SETS = 16;

type SearchRequest = PageRequest & {
  scope: string;
  query: string;
  assetTypes: string[];
  orderBy: string;
};

/**
 * Cloud Asset Inventory v1 search. Results come in the estate's fixed order, which keeps page
 * tokens valid for the emulator's lifetime. `read_mask` selects result fields as the real API
 * does. The query language, `order_by` and regular expressions in `asset_types` are not
 * emulated: they are refused with UNIMPLEMENTED rather than ignored, since ignoring them would
 * return wrong results silently.
 */
export function assetServiceHandlers(index: EstateIndex): UnaryHandlers {
  const resultSets = new Map<string, GcpAsset[]>();

  const searchPage = (
    method: string,
    request: SearchRequest,
    permission: string,
    keep: (asset: GcpAsset) => boolean,
  ) => {
    if (request.query || request.orderBy) {
      throw unimplemented(
        'The emulator does not support query or order_by in searches',
      );
    }
    if (request.assetTypes.some(type => /[*^$|()[\]\\+?]/.test(type))) {
      throw unimplemented(
        'The emulator matches asset_types exactly; regular expressions are not supported',
      );
    }
    const resultSet = {
      method,
      scope: request.scope,
      assetTypes: request.assetTypes,
    };
    const key = JSON.stringify(resultSet);
    let results = resultSets.get(key);
    if (!results) {
      const types = new Set(request.assetTypes);
      results = index
        .scopeAssets(request.scope, permission)
        .filter(
          asset =>
            (types.size === 0 || types.has(asset.assetType)) && keep(asset),
        );
      resultSets.set(key, results);
      if (resultSets.size > CACHED_RESULT_SETS) {
        resultSets.delete(resultSets.keys().next().value!);
      }
    }
    return paginate(results, request, resultSet, PAGE_LIMITS);
  };

  return {
    SearchAllResources: (request: Request<'SearchAllResourcesRequest'>) => {
      const project = readMaskProjection(request.readMask?.paths ?? []);
      const { page, nextPageToken } = searchPage(
        'SearchAllResources',
        request,
        'cloudasset.assets.searchAllResources',
        () => true,
      );
      return {
        results: page.map(asset => project(toResourceResult(asset))),
        nextPageToken,
      };
    },
    SearchAllIamPolicies: (request: Request<'SearchAllIamPoliciesRequest'>) => {
      const { page, nextPageToken } = searchPage(
        'SearchAllIamPolicies',
        request,
        'cloudasset.assets.searchAllIamPolicies',
        // Like the real API: a resource without any binding has no policy to find.
        asset => hasBindings(asset.iamPolicy),
      );
      return { results: page.map(toPolicyResult), nextPageToken };
    },
  };
}

function toResourceResult(asset: GcpAsset) {
  return {
    name: asset.name,
    assetType: asset.assetType,
    project: asset.project,
    folders: asset.folders,
    organization: asset.organization,
    displayName: asset.displayName,
    description: asset.description,
    location: asset.location,
    labels: asset.labels,
    createTime: toTimestamp(asset.createTime),
    updateTime: toTimestamp(asset.updateTime),
    state: asset.state,
    additionalAttributes:
      asset.additionalAttributes && toStruct(asset.additionalAttributes),
    parentFullResourceName: asset.parentFullResourceName,
    parentAssetType: asset.parentAssetType,
    versionedResources: asset.versionedResource
      ? [
          {
            version: asset.versionedResource.version,
            resource: toStruct(asset.versionedResource.resource),
          },
        ]
      : [],
  };
}

function toPolicyResult(asset: GcpAsset) {
  return {
    resource: asset.name,
    assetType: asset.assetType,
    project: asset.project,
    folders: asset.folders,
    organization: asset.organization,
    policy: toPolicy(asset.iamPolicy ?? {}),
  };
}
