import { createHash } from 'node:crypto';
import { ServerResponse } from 'node:http';

/** An answer before it is written: a JSON value, or bytes/text with their own content type. */
export type Reply = {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a Buffer or a string. */
  body?: unknown;
};

/** GitHub's web host: `html_url`s and GraphQL `url`s point there, as on github.com. */
export const HTML_BASE = 'https://github.com';

const DOCS = 'https://docs.github.com/rest';

/** An error answer in GitHub's shape: `{ message, documentation_url }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly documentationUrl = DOCS,
  ) {
    super(message);
  }

  toReply(): Reply {
    return {
      status: this.status,
      headers: this.headers,
      body: { message: this.message, documentation_url: this.documentationUrl },
    };
  }
}

export const notFound = (message = 'Not Found') => new HttpError(404, message);

export const json = (body: unknown, status = 200): Reply => ({ status, body });

/** The bytes a reply is sent as, and their content type. */
export function encodeBody(reply: Reply): {
  bytes: Buffer;
  contentType?: string;
} {
  if (reply.body === undefined) return { bytes: Buffer.alloc(0) };
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
    return { bytes: Buffer.from(reply.body) };
  }
  return {
    bytes: Buffer.from(JSON.stringify(reply.body)),
    contentType: 'application/json; charset=utf-8',
  };
}

/** A strong validator for the exact bytes sent (and their content type). */
export function etagOf(bytes: Buffer, contentType = ''): string {
  const digest = createHash('sha256')
    .update(contentType)
    .update('\0')
    .update(bytes)
    .digest('hex');
  return `"${digest}"`;
}

/** `If-None-Match` holds the tag; weak comparison, as RFC 9110 prescribes for it. */
export function matchesIfNoneMatch(
  header: string | undefined,
  etag: string,
): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header
    .split(',')
    .some(tag => tag.trim() === '*' || bare(tag) === bare(etag));
}

export function write(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bytes?: Buffer,
): void {
  res.writeHead(status, {
    ...headers,
    ...(bytes && { 'content-length': String(bytes.length) }),
  });
  res.end(bytes);
}
