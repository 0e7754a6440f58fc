import { readFileSync } from 'node:fs';
import { invalidArgument } from './status';

/**
 * Fields the real API leaves out unless the read mask names them. The emulator produces only
 * `versionedResources` of these; the others are listed so that asking for them is valid.
 */
const LARGE_FIELDS = new Set([
  'versionedResources',
  'attachedResources',
  'effectiveTags',
  'relationships',
  'enrichments',
]);

let knownFields: Set<string> | undefined;

/**
 * `ResourceSearchResult`'s fields as a read mask names them (camelCase, as in the API's own
 * examples `name,versionedResources`), from the descriptor the client library ships, so the
 * emulator accepts exactly the paths the real API does.
 */
function resultFields(): Set<string> {
  if (!knownFields) {
    const protos = JSON.parse(
      readFileSync(
        require.resolve('@google-cloud/asset/build/protos/protos.json'),
        'utf8',
      ),
    );
    knownFields = new Set(
      Object.keys(
        protos.nested.google.nested.cloud.nested.asset.nested.v1.nested
          .ResourceSearchResult.fields,
      ),
    );
  }
  return knownFields;
}

/**
 * `SearchAllResourcesRequest.read_mask` as a projection of a full result: no paths give the
 * default fields (large ones such as `versionedResources` left out), `*` gives every field,
 * and a list gives exactly the fields listed. An unknown path is INVALID_ARGUMENT, as in the
 * real API.
 */
export function readMaskProjection(
  paths: readonly string[],
): <T extends object>(result: T) => Partial<T> {
  if (paths.length === 0) {
    return result => pick(result, key => !LARGE_FIELDS.has(key));
  }
  if (paths.includes('*')) {
    return result => result;
  }
  const unknown = paths.filter(path => !resultFields().has(path));
  if (unknown.length > 0) {
    throw invalidArgument(
      `Invalid read_mask path(s): ${unknown.join(
        ', ',
      )}; expected "*" or top-level fields of ResourceSearchResult`,
    );
  }
  const wanted = new Set(paths);
  return result => pick(result, key => wanted.has(key));
}

function pick<T extends object>(
  result: T,
  keep: (key: string) => boolean,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(result).filter(([key]) => keep(key)),
  ) as Partial<T>;
}
