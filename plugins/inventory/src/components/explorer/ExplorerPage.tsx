import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { AnswerState } from '../AnswerState';
import { Explorer } from './Explorer';

/**
 * What runs where: the organization → folders → projects → resources and clusters →
 * namespaces → apps forest, loaded once and filtered in the browser. Filters, search and the
 * opened nodes are in the URL, so a view can be shared.
 */
export function ExplorerPage() {
  const inventory = useApi(inventoryApiRef);
  const state = useAsync(() => inventory.explorer(), [inventory]);
  return (
    <Page themeId="tool">
      <Header
        title="What runs where"
        subtitle="Organization, folders, projects and resources; clusters, namespaces and apps"
      />
      <Content>
        <AnswerState {...state}>
          {answer => <Explorer nodes={answer.nodes} />}
        </AnswerState>
      </Content>
    </Page>
  );
}
