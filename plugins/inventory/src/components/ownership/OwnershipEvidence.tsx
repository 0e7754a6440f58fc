import {
  EvidenceStep,
  OwnershipItem,
  OwnershipResponse,
  ownershipEvidence,
} from '@infra-atlas/inventory-common';
import { createContext, ReactNode, useContext, useMemo } from 'react';

/** An item as it stands alone: its own steps (the answer's chains are not at hand). */
const ownSteps = (item: OwnershipItem): EvidenceStep[] => item.steps;

const EvidenceOf =
  createContext<(item: OwnershipItem) => EvidenceStep[]>(ownSteps);

/**
 * Gives the rows of one ownership answer, and of the pages asked of it later, each item's
 * whole evidence: the answer sends how the subject reaches each group once, not per item.
 */
export function OwnershipEvidenceProvider(props: {
  answer: OwnershipResponse;
  children: ReactNode;
}) {
  const { answer, children } = props;
  const evidence = useMemo(() => ownershipEvidence(answer), [answer]);
  return <EvidenceOf.Provider value={evidence}>{children}</EvidenceOf.Provider>;
}

/** The whole evidence of an item of the answer around it, from the subject to the thing. */
export const useOwnershipEvidence = () => useContext(EvidenceOf);
