import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DriftResponse, InventoryClient } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { driftRouteRef } from '../routes';
import { EntityAnswerCard } from './AnswerState';
import { DriftFindingItem } from './DriftFindingItem';
import { plural } from './format';

function Drift(props: { answer: DriftResponse }) {
  const { entity } = useEntity();
  const driftPath = useRouteRef(driftRouteRef);
  const { findings } = props.answer;
  if (findings.length === 0) {
    return (
      <Typography variant="body2">
        No drift found: git, GCP and the ownership files agree about it.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {plural(findings.length, 'finding names', 'findings name')} it.
        {driftPath && (
          <>
            {' '}
            <Link to={driftPath()}>All drift</Link>
          </>
        )}
      </Typography>
      <ul aria-label="Drift findings" style={{ paddingLeft: 20 }}>
        {findings.map((finding, i) => (
          <DriftFindingItem
            key={`${finding.kind} ${finding.subject} ${i}`}
            finding={finding}
            self={stringifyEntityRef(entity)}
            showKind
          />
        ))}
      </ul>
    </>
  );
}

/** The card's question, defined once: EntityAnswerCard asks again when it changes. */
const askDrift = (inventory: InventoryClient, ref: string) =>
  inventory.drift({ entity: ref });

/** The drift findings that concern the entity: what git and GCP disagree on, with evidence. */
export function DriftCard() {
  return (
    <EntityAnswerCard title="Drift" ask={askDrift}>
      {answer => <Drift answer={answer} />}
    </EntityAnswerCard>
  );
}
