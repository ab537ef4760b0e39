import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { dataOpsApiRef } from '../../api';
import { saveTextFile } from '../../download';
import { useReadableTextStyles } from '../shared';

/** File name the backend also suggests in its `Content-Disposition`. */
export const ROUTES_FILE_NAME = 'alertmanager-routes.yaml';

/**
 * Fetches the routing tree generated from catalog ownership and saves it. Fetched through the API client
 * rather than linked, because a plain link would not carry the user's Backstage token.
 */
export function DownloadRoutesButton() {
  const api = useApi(dataOpsApiRef);
  const text = useReadableTextStyles();
  const [state, download] = useAsyncFn(async () => {
    const yaml = await api.getAlertRouting();
    saveTextFile(ROUTES_FILE_NAME, yaml, 'text/yaml');
  }, [api]);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <Button
        variant="outlined"
        size="small"
        onClick={() => download()}
        disabled={state.loading}
        aria-busy={state.loading}
        startIcon={
          state.loading ? (
            <CircularProgress
              size={16}
              aria-label="Downloading Alertmanager routes"
            />
          ) : (
            <GetAppIcon />
          )
        }
      >
        Download Alertmanager routes
      </Button>
      {state.error && (
        <Typography
          role="alert"
          className={text.error}
          variant="body2"
          style={{ marginLeft: 8 }}
        >
          Could not download the routing tree: {state.error.message}
        </Typography>
      )}
    </Box>
  );
}
