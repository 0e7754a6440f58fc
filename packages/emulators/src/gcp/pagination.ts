import { createHash } from 'node:crypto';
import { invalidArgument } from './status';

export type PageLimits = {
  /** Page size when the request asks for none (0 or negative). */
  defaultSize: number;
  /** Larger requests are clamped to this, as the real APIs do. */
  maxSize: number;
};

export type PageRequest = {
  pageSize?: number | null;
  pageToken?: string | null;
};

type TokenBody = { offset: number; fingerprint: string };

/**
 * Cuts one page out of `items`. The page token is opaque to clients but carries the offset of
 * the next page and a fingerprint of the request it belongs to, so that a token replayed with
 * another parent, scope or filter is refused with INVALID_ARGUMENT like the real APIs do
 * instead of silently returning a page of something else.
 *
 * @param request - the fields that define the result set (not the page size or token)
 */
export function paginate<T>(
  items: readonly T[],
  page: PageRequest,
  request: unknown,
  limits: PageLimits,
): { page: T[]; nextPageToken: string } {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(request))
    .digest('base64url')
    .slice(0, 16);
  const offset = page.pageToken
    ? decodeOffset(page.pageToken, fingerprint, items.length)
    : 0;
  const requested = page.pageSize ?? 0;
  const size =
    requested > 0 ? Math.min(requested, limits.maxSize) : limits.defaultSize;
  const end = offset + size;
  return {
    page: items.slice(offset, end),
    nextPageToken:
      end < items.length ? encodeToken({ offset: end, fingerprint }) : '',
  };
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeOffset(token: string, fingerprint: string, total: number) {
  let body: Partial<TokenBody> | undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString());
    body = typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    body = undefined;
  }
  const offset = body?.offset;
  if (
    typeof offset !== 'number' ||
    !Number.isInteger(offset) ||
    offset <= 0 ||
    offset >= total
  ) {
    throw invalidArgument(`Invalid page_token "${token}"`);
  }
  if (body?.fingerprint !== fingerprint) {
    throw invalidArgument(
      'Invalid page_token: it was issued for a different request',
    );
  }
  return offset;
}
