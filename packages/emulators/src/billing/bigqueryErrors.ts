/**
 * An error the BigQuery emulator answers the way BigQuery does: an HTTP status and a JSON body
 * `{ error: { code, message, errors: [{ message, domain, reason, location?, locationType? }],
 * status } }`, which the official client turns into an ApiError with `code`, `errors` and
 * `message`.
 */
export class BigQueryError extends Error {
  constructor(
    readonly httpStatus: number,
    /** `invalidQuery`, `invalid`, `notFound`, `accessDenied`, `backendError`, … */
    readonly reason: string,
    message: string,
    /** The canonical status name BigQuery puts next to the code. */
    readonly status: string,
    /** The request field at fault, e.g. `q` for the query text. */
    readonly location?: string,
  ) {
    super(message);
    this.name = 'BigQueryError';
  }

  body() {
    return {
      error: {
        code: this.httpStatus,
        message: this.message,
        errors: [
          {
            message: this.message,
            domain: 'global',
            reason: this.reason,
            ...(this.location
              ? { location: this.location, locationType: 'parameter' }
              : {}),
          },
        ],
        status: this.status,
      },
    };
  }
}

/** A statement BigQuery (or the emulator's grammar) refuses: 400 invalidQuery. */
export const invalidQuery = (message: string) =>
  new BigQueryError(400, 'invalidQuery', message, 'INVALID_ARGUMENT', 'q');

/** A malformed request (not the statement): 400 invalid. */
export const invalidRequest = (message: string) =>
  new BigQueryError(400, 'invalid', message, 'INVALID_ARGUMENT');

export const notFound = (message: string) =>
  new BigQueryError(404, 'notFound', `Not found: ${message}`, 'NOT_FOUND');
