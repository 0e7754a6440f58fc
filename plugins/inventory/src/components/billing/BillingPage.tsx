import {
  Content,
  Header,
  Page,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { BillingAnswerState } from './BillingAnswerState';
import { BillingReportView } from './BillingReportView';
import { BillingView, billingViewSearch, readBillingView } from './billingLink';

/**
 * The billing report page (`/inventory/billing`): what the estate costs, who spends it and how
 * it stands against the budget, for the start of a meeting. What it shows is in the URL
 * (`?month=2024-11&by=project`), so a link shows the same to everyone allowed to see it.
 */
export function BillingPage() {
  const [params, setParams] = useSearchParams();
  const { ignored, ...view } = readBillingView(params);
  const { month, to, groupBy } = view;
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(
    () => inventory.billing({ groupBy, month, to }),
    [inventory, groupBy, month, to],
  );
  const show = (next: BillingView) => setParams(billingViewSearch(next));
  return (
    <Page themeId="tool">
      <Header
        title="Billing"
        subtitle="What the infrastructure costs, who spends it, and where the budget is heading"
      />
      <Content>
        {ignored.length > 0 && (
          <WarningPanel
            severity="info"
            title={`Not a month: ${ignored.join(
              ', ',
            )}. Months are written like 2024-11; the latest month is shown.`}
          />
        )}
        <BillingAnswerState {...state}>
          {report => (
            <BillingReportView
              report={report}
              focus={view.focus}
              onMonth={picked =>
                show({
                  ...view,
                  month: picked,
                  // The range stays where it is, so the picker keeps offering its months.
                  to: report.months[report.months.length - 1]?.month,
                })
              }
              onGroupBy={next =>
                // The marked row belongs to the breakdown it was found in.
                show({ ...view, groupBy: next, focus: undefined })
              }
            />
          )}
        </BillingAnswerState>
      </Content>
    </Page>
  );
}
