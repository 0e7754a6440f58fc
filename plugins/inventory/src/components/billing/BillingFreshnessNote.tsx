import { WarningPanel } from '@backstage/core-components';
import { BillingFreshness } from '@infra-atlas/inventory-common';
import Typography from '@material-ui/core/Typography';
import { utc } from '../format';

/**
 * Where the figures come from and how old they are, above them: the deployment's note (the
 * demo's figures are synthetic), then when the billing export was last read. When the last
 * read failed the figures shown are the last good ones, and a warning says since when.
 */
export function BillingFreshnessNote(props: {
  freshness: BillingFreshness;
  note?: string;
}) {
  const { freshness, note } = props;
  const { refreshedAt, lastError } = freshness;
  return (
    <>
      {lastError && (
        <WarningPanel
          severity="warning"
          defaultExpanded
          title={
            refreshedAt
              ? `Figures from ${utc(
                  refreshedAt,
                )}: the billing export has not been read since`
              : 'The billing export could not be read yet'
          }
        >
          <Typography variant="body2">
            The figures shown are the last ones read; they are kept until the
            export can be read again. The last attempt said: {lastError}
          </Typography>
        </WarningPanel>
      )}
      <Typography
        variant="caption"
        component="p"
        role="note"
        aria-label="Where these figures come from"
        color="textSecondary"
        style={{ margin: 0 }}
      >
        {note && <strong>{note} </strong>}
        {refreshedAt
          ? `Read from the billing export ${utc(refreshedAt)}.`
          : 'The billing export has not been read yet.'}
      </Typography>
    </>
  );
}
