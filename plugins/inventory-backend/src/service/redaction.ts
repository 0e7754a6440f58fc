import { REDACTED } from '@infra-atlas/inventory-common';
import { Entity } from '@backstage/catalog-model';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import { administratorsOf, grantsOf, profileEmail } from '../graph/specs';
import { escapeRegExp } from './withhold';

/** A User's ref, for its name: answers name a person not in the catalog by address too. */
const USER_REF = /^user:[^/]+\/(.+)$/;
const USER_PREFIX = /^user:/i;

/**
 * Whether a string can hold an address (`@`) or a name built from one (`--`): nearly every
 * string of an answer holds neither, and is then let through without the case folding and
 * the pattern of every address, which were a fifth of the server's time under load.
 */
const mayQuoteAPerson = (value: string) =>
  value.includes('@') || value.includes('--');

/**
 * The personal details one index build knows: every person's e-mail address, the User entity
 * named after it (`user:default/jane--example.com`) and the IAM member (`user:jane@…`), also
 * for people only grants name. Group addresses and GitHub logins are public and are none.
 * Answers replace them field by field (see withhold.ts); only the sentences that can quote an
 * address (inventory-common's TEXT_ANSWER_FIELDS) are searched for them.
 */
export class PersonalDetails {
  private readonly addresses = new Set<string>();
  /** Entity names built from an address: `jane--example.com`. */
  private readonly names = new Set<string>();
  private readonly refs = new Set<string>();
  private textPattern?: RegExp | null;

  /**
   * The personal details of a graph, read in slices beside the rest of an index build: at
   * 50,000 entities its resources hold 100,000 grants, a tenth of a second in one piece.
   */
  static async of(
    graph: InventoryGraph,
    slicer: TimeSlicer = TimeSlicer.unsliced,
  ): Promise<PersonalDetails> {
    const details = new PersonalDetails();
    await slicer.each(graph.ofKind('user'), user => details.addUser(user));
    // Grants name people too, also inherited ones from ancestors the catalog may not have.
    await slicer.each(graph.ofKind('resource'), resource =>
      details.addGrantees(resource),
    );
    return details;
  }

  private constructor() {}

  private addUser(user: Entity) {
    const email = profileEmail(user);
    if (!email) return;
    this.addresses.add(email);
    // A login-named User with an address keeps its name: logins are public.
    const ref = refOf(user);
    const name = ref.split('/').pop()!;
    if (name.includes('--')) {
      this.names.add(name);
      this.refs.add(ref);
    }
  }

  private addGrantees(resource: Entity) {
    for (const grant of [
      ...grantsOf(resource),
      ...administratorsOf(resource),
    ]) {
      if (!grant.member?.startsWith('user:')) continue;
      this.addresses.add(grant.member.slice(5).toLowerCase());
      if (grant.ref) this.refs.add(grant.ref.toLowerCase());
    }
  }

  /** A field's value that is a personal detail, replaced; `undefined` when it is none. */
  redact = (value: string): string | undefined => {
    if (!mayQuoteAPerson(value) && !USER_PREFIX.test(value)) return undefined;
    const lower = value.toLowerCase();
    if (
      this.refs.has(lower) ||
      this.isPersonalName(lower.match(USER_REF)?.[1])
    ) {
      return `user:default/${REDACTED}`;
    }
    if (lower.startsWith('user:') && this.addresses.has(lower.slice(5))) {
      return `user:${REDACTED}`;
    }
    if (this.addresses.has(lower) || this.names.has(lower)) return REDACTED;
    return undefined;
  };

  /** A sentence with every address and address-built name it quotes replaced. */
  redactText = (text: string): string => {
    if (this.textPattern === undefined) {
      const tokens = [...this.addresses, ...this.names];
      this.textPattern = tokens.length
        ? new RegExp(
            tokens
              .sort((a, b) => b.length - a.length)
              .map(escapeRegExp)
              .join('|'),
            'gi',
          )
        : null;
    }
    return this.textPattern && mayQuoteAPerson(text)
      ? text.replace(this.textPattern, REDACTED)
      : text;
  };

  /** Whether an entity ref is a person's User named after their address. */
  isPersonalRef(ref: string): boolean {
    const lower = ref.toLowerCase();
    return (
      this.refs.has(lower) || this.isPersonalName(lower.match(USER_REF)?.[1])
    );
  }

  /** A User's name that is a person's address, or built from one (`jane--example.com`). */
  private isPersonalName(name: string | undefined) {
    return !!name && (this.names.has(name) || this.addresses.has(name));
  }
}
