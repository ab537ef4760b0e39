import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { useLocation } from 'react-router-dom';
import { dataOpsApiRef } from '../../api';
import { InventoryView } from './InventoryView';

/**
 * The metric inventory page: what the environments' exporters would have to publish for every panel, SLI and
 * storage check to have data, and what is missing. `?env=` and `?type=` narrow it (a "not collected" panel
 * links here with its environment).
 */
export function InventoryPage() {
  const api = useApi(dataOpsApiRef);
  const search = new URLSearchParams(useLocation().search);
  const envs = search.getAll('env');
  const types = search.getAll('type');
  const key = `${envs.join(',')}|${types.join(',')}`;
  const { value, loading, error } = useAsync(
    () => api.getInventory({ envs, types }),
    [api, key],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Metric inventory"
        subtitle="Which series the DataOps views need, and which exist"
      />
      <Content>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <InventoryView response={value} />}
      </Content>
    </Page>
  );
}
