import {
  DataOpsMissingAnnotationError,
  DataOpsNotConfiguredError,
  DataOpsSourceError,
} from './DataOpsSourceError';
import { dataopsViewsExtensionPoint } from './extensionPoints';

describe('DataOpsSourceError', () => {
  it('reports a missing annotation as BAD_ANNOTATION, still telling it apart from a malformed one', () => {
    const missing = new DataOpsMissingAnnotationError(
      'opensearch',
      'the entity has no dataops.io/opensearch-index annotation',
    );
    expect(missing).toBeInstanceOf(DataOpsSourceError);
    expect(missing.toUpstreamError()).toEqual({
      type: 'BAD_ANNOTATION',
      source: 'opensearch',
      message: 'the entity has no dataops.io/opensearch-index annotation',
    });
  });

  it('converts to the wire error, keeping the status only when known', () => {
    expect(
      new DataOpsSourceError({
        type: 'UPSTREAM_ERROR',
        source: 'thanos',
        message: 'boom',
        statusCode: 503,
      }).toUpstreamError(),
    ).toEqual({
      type: 'UPSTREAM_ERROR',
      source: 'thanos',
      message: 'boom',
      statusCode: 503,
    });
    expect(
      new DataOpsSourceError({
        type: 'UPSTREAM_TIMEOUT',
        source: 'opensearch',
        message: 'slow',
      }).toUpstreamError(),
    ).not.toHaveProperty('statusCode');
  });

  it('names the source and environment when not configured', () => {
    const e = new DataOpsNotConfiguredError('argocd', 'dev');
    expect(e).toBeInstanceOf(DataOpsSourceError);
    expect(e.type).toBe('NOT_CONFIGURED');
    expect(e.message).toBe("argocd is not configured for environment 'dev'");
  });

  it('exposes the views extension point under the plugin id', () => {
    expect(dataopsViewsExtensionPoint.id).toBe('dataops.views');
  });
});
