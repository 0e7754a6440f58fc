import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { DriftFinding, DriftResponse } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityAnswerCard } from './AnswerState';
import { DRIFT_KIND_TITLES } from './inventoryLabels';

function Finding(props: { finding: DriftFinding; self: string }) {
  const { finding, self } = props;
  // The card is on one of the finding's entities; the others are where to look next.
  const others = finding.entities.filter(
    ref => ref.toLowerCase() !== self.toLowerCase(),
  );
  return (
    <li style={{ marginBottom: 12 }}>
      <Typography variant="subtitle2">
        {DRIFT_KIND_TITLES[finding.kind] ?? finding.kind}{' '}
        <Typography variant="caption" component="code" color="textSecondary">
          {finding.kind}
        </Typography>
      </Typography>
      <Typography variant="body2">{finding.message}</Typography>
      {finding.evidence && (
        <Typography variant="body2" color="textSecondary">
          Evidence:{' '}
          {finding.evidence.startsWith('http') ? (
            <Link to={finding.evidence}>{finding.evidence}</Link>
          ) : (
            <code>{finding.evidence}</code>
          )}
        </Typography>
      )}
      {others.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Also concerns{' '}
          {others.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={ref} />
            </span>
          ))}
        </Typography>
      )}
    </li>
  );
}

function Drift(props: { answer: DriftResponse }) {
  const { entity } = useEntity();
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
        {findings.length} finding{findings.length === 1 ? '' : 's'} name it.{' '}
        <Link to="/inventory/drift">All drift</Link>
      </Typography>
      <ul aria-label="Drift findings" style={{ paddingLeft: 20 }}>
        {findings.map((finding, i) => (
          <Finding
            key={`${finding.kind} ${finding.subject} ${i}`}
            finding={finding}
            self={stringifyEntityRef(entity)}
          />
        ))}
      </ul>
    </>
  );
}

/** The drift findings that concern the entity: what git and GCP disagree on, with evidence. */
export function DriftCard() {
  return (
    <EntityAnswerCard
      title="Drift"
      ask={(inventory, ref) => inventory.drift({ entity: ref })}
    >
      {answer => <Drift answer={answer} />}
    </EntityAnswerCard>
  );
}
