import { randomBytes } from 'node:crypto';
import { HttpError } from './http';

/** How a route authenticates on GitHub: as the app (a JWT) or as a user or installation. */
export type AuthScheme = 'app' | 'token';

/** The credential in `Authorization: token X` or `Authorization: Bearer X`. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^(?:token|bearer)\s+(\S+)\s*$/i)?.[1];
}

const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

/**
 * Who may call. Without a required token anything goes, as for public data on github.com.
 * With one, every request must carry it, an installation token this emulator issued, or on
 * app routes any JWT (signatures are not checked).
 */
export class Credentials {
  /** Installation token → installation id. Tokens do not expire here. */
  private readonly installationTokens = new Map<string, number>();

  constructor(private readonly requiredToken?: string) {}

  issueInstallationToken(installationId: number): string {
    const token = `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`;
    this.installationTokens.set(token, installationId);
    return token;
  }

  installationOf(token: string | undefined): number | undefined {
    return token === undefined ? undefined : this.installationTokens.get(token);
  }

  /** The 401 to answer with, if the request may not call a route of this scheme. */
  refusal(
    scheme: AuthScheme,
    token: string | undefined,
  ): HttpError | undefined {
    if (this.requiredToken === undefined) return undefined;
    if (token === undefined)
      return new HttpError(401, 'Requires authentication');
    if (scheme === 'app') {
      return looksLikeJwt(token)
        ? undefined
        : new HttpError(401, 'A JSON web token could not be decoded');
    }
    return token === this.requiredToken || this.installationTokens.has(token)
      ? undefined
      : new HttpError(401, 'Bad credentials');
  }
}
