import { EntityScorecard, TO_FIX_LIMIT } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { EntityName } from '../Evidence';
import { CHECK_TITLES, percent } from '../inventoryLabels';

/** The backend sends at most this many entities to fix (docs/infra-atlas/inventory-api.md). */

/** Entities that fail a check, worst first, each with the checks it fails and why. */
export function ToFixList(props: { toFix: EntityScorecard[]; label: string }) {
  const { toFix, label } = props;
  if (!toFix.length) {
    return (
      <Typography variant="body2">
        Nothing to fix: every entity of {label} passes every check.
      </Typography>
    );
  }
  return (
    <>
      <ul aria-label={`What to fix in ${label}`} style={{ paddingLeft: 20 }}>
        {toFix.map(card => (
          <li key={card.entity.ref} style={{ marginBottom: 8 }}>
            <EntityName entity={card.entity} /> — {percent(card.score)} of{' '}
            {card.checks.length} checks pass
            <ul>
              {card.checks
                .filter(c => !c.passed)
                .map(c => (
                  <li key={c.id}>
                    <strong>{CHECK_TITLES[c.id]}</strong>: {c.detail}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      {toFix.length >= TO_FIX_LIMIT && (
        <Typography variant="caption">
          The {TO_FIX_LIMIT} worst entities; fix these and the next ones show.
        </Typography>
      )}
    </>
  );
}
