import type {
  SourceName,
  UpstreamError,
  UpstreamErrorType,
} from '@dataops-observability/plugin-dataops-common';

/**
 * A typed failure of one upstream in one environment. The backend catches it and reports it on that
 * environment's entry instead of failing the request.
 * @public
 */
export class DataOpsSourceError extends Error {
  /** Kind of failure, reported as the environment's `error.type`. */
  readonly type: UpstreamErrorType;
  /** The upstream that failed. */
  readonly source: SourceName;
  /** HTTP status the upstream answered with, when it answered at all. */
  readonly statusCode?: number;

  constructor(options: {
    type: UpstreamErrorType;
    source: SourceName;
    message: string;
    statusCode?: number;
  }) {
    super(options.message);
    this.name = 'DataOpsSourceError';
    this.type = options.type;
    this.source = options.source;
    this.statusCode = options.statusCode;
  }

  /** The error as it appears on the environment's entry of a view response. */
  toUpstreamError(): UpstreamError {
    return {
      type: this.type,
      source: this.source,
      message: this.message,
      ...(this.statusCode !== undefined ? { statusCode: this.statusCode } : {}),
    };
  }
}

/** Thrown when the environment has no such source configured; reported as `not-configured`. @public */
export class DataOpsNotConfiguredError extends DataOpsSourceError {
  constructor(source: SourceName, env: string) {
    super({
      type: 'NOT_CONFIGURED',
      source,
      message: `${source} is not configured for environment '${env}'`,
    });
    this.name = 'DataOpsNotConfiguredError';
  }
}

/**
 * Thrown when the entity does not carry the annotation a view needs (it has not opted into that area, for
 * example a table without a log index). Reported like any `BAD_ANNOTATION`, so the tab says what to add;
 * roll-ups such as the fleet page treat the area as not set up rather than as unknown health.
 * @public
 */
export class DataOpsMissingAnnotationError extends DataOpsSourceError {
  constructor(source: SourceName, message: string) {
    super({ type: 'BAD_ANNOTATION', source, message });
    this.name = 'DataOpsMissingAnnotationError';
  }
}
