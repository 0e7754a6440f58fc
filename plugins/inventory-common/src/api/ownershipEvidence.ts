import { EvidenceStep, OwnershipItem, OwnershipResponse } from './types';

/**
 * An ownership item's whole evidence, from the subject to the thing: how the subject reaches
 * the principal holding it (its entry in the answer's `identities` or `groups`), then the
 * item's own steps. Ask it of the answer once and use it for every item, including those of
 * later pages of the same question: they go through the same principals.
 *
 * @public
 */
export function ownershipEvidence(
  answer: Pick<OwnershipResponse, 'identities' | 'groups'>,
): (item: OwnershipItem) => EvidenceStep[] {
  const chains = new Map<string, EvidenceStep[]>();
  for (const { entity, steps } of [...answer.identities, ...answer.groups]) {
    chains.set(entity.ref, steps);
  }
  return item => {
    const holder = item.through?.[item.through.length - 1];
    const chain = holder ? chains.get(holder) : undefined;
    return chain ? [...chain, ...item.steps] : item.steps;
  };
}
