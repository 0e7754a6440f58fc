import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  CompletenessCheckId,
  CompletenessResponse,
  ScoreTotals,
} from '@infra-atlas/inventory-common';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { CHECK_TITLES, percent } from '../inventoryLabels';
import { ReportPage } from '../ReportPage';
import { GroupBy, GroupScores, groupName } from './GroupScores';
import { ScoreHistory } from './ScoreHistory';
import { ToFixList } from './ToFixList';

function Totals(props: { totals: ScoreTotals; label: string }) {
  const { totals, label } = props;
  const failing = (
    Object.entries(totals.failing) as Array<[CompletenessCheckId, number]>
  ).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-label={`Score of ${label}`}>
      <Typography variant="h4" component="p">
        {percent(totals.score)}
      </Typography>
      <Typography variant="body2">
        {totals.passed.toLocaleString('en-US')} of{' '}
        {totals.checks.toLocaleString('en-US')} checks pass over{' '}
        {totals.entities.toLocaleString('en-US')} entities.
      </Typography>
      {failing.length ? (
        <ul aria-label={`Failing checks of ${label}`}>
          {failing.map(([id, count]) => (
            <li key={id}>
              {CHECK_TITLES[id]} ({id}): {count.toLocaleString('en-US')} failing
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2">Every check passes.</Typography>
      )}
    </section>
  );
}

/** History and what to fix, of the selected owner or system, or of everything. */
function Focus(props: {
  label: string;
  answer: Pick<CompletenessResponse, 'history' | 'toFix'>;
}) {
  const { label, answer } = props;
  return (
    <>
      <InfoCard title={`Daily score: ${label}`}>
        <ScoreHistory history={answer.history} label={label} />
      </InfoCard>
      <div style={{ marginTop: 24 }}>
        <InfoCard title={`What to fix: ${label}`}>
          <ToFixList toFix={answer.toFix} label={label} />
        </InfoCard>
      </div>
    </>
  );
}

function SelectedFocus(props: { by: GroupBy; selected: string }) {
  const { by, selected } = props;
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(
    () => inventory.completeness({ scope: by, key: selected }),
    [inventory, by, selected],
  );
  return (
    <AnswerState {...state}>
      {answer => (
        <>
          <InfoCard title={`Completeness of ${groupName(selected, by)}`}>
            <Totals totals={answer.totals} label={groupName(selected, by)} />
          </InfoCard>
          <div style={{ marginTop: 24 }}>
            <Focus label={groupName(selected, by)} answer={answer} />
          </div>
        </>
      )}
    </AnswerState>
  );
}

function Overview(props: {
  answer: CompletenessResponse;
  by: GroupBy;
  selected?: string;
  onBy: (by: GroupBy) => void;
  onSelect: (key?: string) => void;
}) {
  const { answer, by, selected, onBy, onSelect } = props;
  if (!answer.totals.entities) {
    return (
      <Grid item xs={12}>
        <EmptyState
          missing="data"
          title="Nothing is scored yet"
          description="Components, Systems and Resources are scored once the crawls have put them in the catalog."
        />
      </Grid>
    );
  }
  return (
    <>
      <Grid item xs={12}>
        <InfoCard title="Completeness of everything">
          <Totals totals={answer.totals} label="everything" />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={`Score per ${by}`}>
          <ButtonGroup
            size="small"
            aria-label="Group scores by"
            style={{ marginBottom: 16 }}
          >
            {(['owner', 'system'] as const).map(option => (
              <Button
                key={option}
                aria-pressed={option === by}
                variant={option === by ? 'contained' : 'outlined'}
                color="primary"
                onClick={() => onBy(option)}
              >
                By {option}
              </Button>
            ))}
          </ButtonGroup>
          <GroupScores
            by={by}
            groups={answer.groups ?? []}
            selected={selected}
            onSelect={onSelect}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        {selected ? (
          <>
            <Button
              size="small"
              onClick={() => onSelect(undefined)}
              style={{ marginBottom: 8 }}
            >
              Show everything
            </Button>
            <SelectedFocus by={by} selected={selected} />
          </>
        ) : (
          <Focus label="everything" answer={answer} />
        )}
      </Grid>
    </>
  );
}

/**
 * How complete the catalog is: the overall score and the failing checks, the score per owner
 * or per system, its daily history, and what to fix. The grouping and the selected owner or
 * system are in the URL (`?by=system&key=system:default/gcsweb`), so a view can be shared.
 */
export function ScorecardsPage() {
  const [params, setParams] = useSearchParams();
  const by: GroupBy = params.get('by') === 'system' ? 'system' : 'owner';
  const selected = params.get('key') ?? undefined;
  const inventory = useApi(inventoryApiRef);
  const overview = useAsync(
    () => inventory.completeness({ scope: by }),
    [inventory, by],
  );
  return (
    <ReportPage
      title="Scorecards"
      subtitle="How complete the catalog is, per owner and per system, and what to fix"
    >
      <AnswerState {...overview}>
        {answer => (
          <Overview
            answer={answer}
            by={by}
            selected={selected}
            onBy={next => setParams({ by: next })}
            onSelect={key => setParams(key ? { by, key } : { by })}
          />
        )}
      </AnswerState>
    </ReportPage>
  );
}
