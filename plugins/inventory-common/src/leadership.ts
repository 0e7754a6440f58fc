import { Entity } from '@backstage/catalog-model';

/**
 * A SIG's, working group's or committee's leadership from sigs.yaml, as user refs. The GitHub
 * provider writes it in a Group's `spec.leadership`; the inventory backend (who leads what) and
 * the app (whom to ask) read it through {@link leadershipOf}.
 *
 * @public
 */
export type Leadership = {
  chairs?: string[];
  techLeads?: string[];
  emeritusLeads?: string[];
};

/**
 * The leadership of a Group, or undefined for groups sigs.yaml does not describe.
 *
 * @public
 */
export const leadershipOf = (
  entity: Entity | undefined,
): Leadership | undefined =>
  (entity?.spec as { leadership?: Leadership } | undefined)?.leadership;
