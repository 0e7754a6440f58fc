import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { administratorsOf, grantsOf, profileEmail } from '../graph/specs';

export const REDACTED = '[redacted]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces personal details in an answer: every person's e-mail address and the entity name
 * built from it (`user:default/jane--example.com`). Group addresses and GitHub logins are
 * public and stay. Works on the serialized answer, so no field of any answer can leak one.
 */
export class Redactor {
  private readonly pattern?: RegExp;

  constructor(graph: InventoryGraph) {
    const tokens = new Set<string>();
    for (const user of graph.ofKind('user')) {
      const email = profileEmail(user);
      if (!email) continue;
      tokens.add(email);
      // Names built from an address (`jane--example.com`); a login-named User keeps its name.
      const name = refOf(user).split('/').pop()!;
      if (name.includes('--')) tokens.add(name);
    }
    // Grants name people too, also inherited ones from ancestors the catalog may not have.
    for (const resource of graph.ofKind('resource')) {
      for (const grant of [
        ...grantsOf(resource),
        ...administratorsOf(resource),
      ]) {
        if (grant.member?.startsWith('user:'))
          tokens.add(grant.member.slice(5).toLowerCase());
      }
    }
    if (tokens.size) {
      const alternatives = [...tokens]
        .sort((a, b) => b.length - a.length)
        .map(escape);
      this.pattern = new RegExp(`(${alternatives.join('|')})`, 'gi');
    }
  }

  redact<T>(answer: T): T & { redacted: boolean } {
    const json = JSON.stringify(answer);
    const redacted = this.pattern ? json.replace(this.pattern, REDACTED) : json;
    return { ...(JSON.parse(redacted) as T), redacted: true };
  }
}
