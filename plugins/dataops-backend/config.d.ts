export interface Config {
  /**
   * The community Argo CD plugin's configuration, of which DataOps reads only the `config` app locator's
   * instances (for `dataops.environments[].argocd` items that name one). Declared here so that their
   * credentials are treated as secrets even when that plugin is not installed.
   */
  argocd?: {
    /** Fallback user for instances without credentials of their own. @visibility backend */
    username?: string;
    /** @visibility secret */
    password?: string;
    appLocatorMethods?: Array<{
      /** @visibility backend */
      type: string;
      instances?: Array<{
        /** @visibility backend */
        name: string;
        /** @visibility backend */
        url: string;
        /** @visibility secret */
        token?: string;
        /** @visibility secret */
        username?: string;
        /** @visibility secret */
        password?: string;
      }>;
    }>;
  };
  /** DataOps observability backend. */
  dataops?: {
    /**
     * Environments (dev, stage, prod, ...) and the upstream systems of each. Every upstream is optional;
     * a missing one shows as "not configured" for that environment.
     */
    environments: Array<{
      /**
       * Environment name, also the suffix of per-environment annotation overrides (`<key>.<name>`).
       * @visibility frontend
       */
      name: string;
      /**
       * Timeout of one upstream call in this environment, milliseconds. Default 10000.
       * @visibility backend
       */
      timeoutMs?: number;
      /**
       * Largest answer read from one upstream call in this environment, bytes (at least 1024). Reading
       * stops there and the environment reports a BAD_RESPONSE naming the limit. Default 20971520 (20 MiB).
       * @visibility backend
       */
      maxResponseBytes?: number;
      /**
       * Exporters this environment runs, one profile per layer (docs/metrics-catalogue.md lists them);
       * panels, storage checks and SLI templates read the names the chosen exporter publishes. Layers left
       * out use the default stack. `entityTypes` overrides layers for one entity type, e.g. Spark jobs on a
       * standalone cluster.
       * @visibility backend
       */
      profile?: {
        /** `spark-operator-jmx` (default) or `spark-standalone`. @visibility backend */
        spark?: string;
        /** `kube-state-metrics-cadvisor` (default). @visibility backend */
        kubernetes?: string;
        /** `airflow-statsd-chart` (default) or `airflow-statsd-outcome`. @visibility backend */
        airflow?: string;
        /** `iceberg-table-exporter` (default). @visibility backend */
        iceberg?: string;
        /** `minio-v2` (default) or `minio-v3`. @visibility backend */
        s3?: string;
        /** `hive-metastore-jmx` (default). @visibility backend */
        hive?: string;
        /** `oracledb-exporter` (default). @visibility backend */
        oracle?: string;
        /** `ceph-mgr` (default). @visibility backend */
        ceph?: string;
        /** Per entity `spec.type`, layers that differ from the environment's. @visibility backend */
        entityTypes?: {
          [entityType: string]: {
            /** Layer name to profile id. @visibility backend */
            [layer: string]: string;
          };
        };
      };
      /**
       * A panel or check whose newest sample is older than this many seconds is `stale`, never ok.
       * Default 600 (10 minutes); keep it above the slowest scrape interval of the environment.
       * @visibility backend
       */
      staleAfterSeconds?: number;
      /** Prometheus HTTP API compatible endpoint (Thanos Querier or Prometheus). */
      thanos?: {
        /** @visibility backend */
        url: string;
        /** Headers sent with every request, e.g. Authorization. Every value is a secret. */
        headers?: {
          /** @visibility secret */
          [name: string]: string;
        };
        /** Send Thanos' `dedup=true`. @visibility backend */
        dedup?: boolean;
        /** Send Thanos' `partial_response`. @visibility backend */
        partialResponse?: boolean;
        /**
         * Label matchers added to every query, e.g. `env="prod"` when one central Thanos serves all
         * environments.
         * @visibility backend
         */
        extraSelector?: string;
        /** Most upstream calls in flight at once for this endpoint. Default 8. @visibility backend */
        maxConcurrency?: number;
        /**
         * Links out of metric panels: a Prometheus or Thanos Query UI base URL (the link opens its graph page
         * with the panel's query and range), or a template with `{{query}}`, `{{queryJson}}`, `{{from}}`,
         * `{{to}}`, `{{fromMs}}`, `{{toMs}}`, `{{fromSeconds}}`, `{{toSeconds}}`, `{{step}}`, `{{env}}`
         * (Grafana Explore or anything else). No link when absent.
         * @visibility backend
         */
        uiUrl?: string;
        /** Tool name shown as "Open in <uiTitle>"; Prometheus for a base URL, Grafana for a template. @visibility backend */
        uiTitle?: string;
      };
      /**
       * The data scope rule of this environment (docs/annotations.md, "Data scope"): templates filled with
       * each entity's own `{name}`, `{namespace}` and `{kind}` (and `{env}`), which its annotations must contain.
       */
      entityScope?: {
        /**
         * `field:value` term every entity's `dataops.io/opensearch-filter` must contain, e.g.
         * `kubernetes.labels.app:{name}`.
         * @visibility backend
         */
        logFilter?: string;
        /**
         * `key=value` requirement every `argocd/app-selector` in use must contain, e.g.
         * `backstage.io/kubernetes-id={name}`.
         * @visibility backend
         */
        appSelector?: string;
      };
      /** OpenSearch holding the environment's logs. */
      opensearch?: {
        /** @visibility backend */
        url: string;
        /** @visibility backend */
        username?: string;
        /** @visibility secret */
        password?: string;
        /**
         * Index patterns entities may name in `dataops.io/opensearch-index`; an entity's pattern must fall
         * inside one of them. A pattern may use `{name}`, `{namespace}`, `{kind}` and `{env}`, filled with the
         * entity's own reference (`logs-{namespace}-*`).
         * @visibility backend
         */
        allowedIndexPatterns: string[];
        /** Field names whose values are masked in returned log lines (added to the built-in list). @visibility backend */
        sensitiveFields?: string[];
        /** Timestamp field. Default `@timestamp`. @visibility backend */
        timestampField?: string;
        /** Level field. Default `level`. @visibility backend */
        levelField?: string;
        /** Message field. Default `message`. @visibility backend */
        messageField?: string;
        /** @visibility backend */
        maxConcurrency?: number;
        /** OpenSearch Dashboards base URL for "Open in OpenSearch Dashboards" (2.11 or later). @visibility backend */
        dashboardsUrl?: string;
        /** Saved index pattern ids of Dashboards by index pattern; the pattern itself is the id otherwise. */
        dashboardsIndexPatterns?: Array<{
          /** @visibility backend */
          pattern: string;
          /** @visibility backend */
          id: string;
        }>;
      };
      /**
       * One or more Argo CD instances. An item with a `name` and no `url` reuses the instance of that name
       * from the community Argo CD plugin's `argocd.appLocatorMethods` (URL and credentials).
       */
      argocd?: Array<{
        /** @visibility frontend */
        name: string;
        /** Omit to reuse the `argocd.appLocatorMethods` instance of the same name. @visibility backend */
        url?: string;
        /** @visibility secret */
        token?: string;
        /** Alternative to `token`: a session is created and reused until it expires. @visibility backend */
        username?: string;
        /** @visibility secret */
        password?: string;
        /** @visibility backend */
        maxConcurrency?: number;
        /** Base URL of the Argo CD web UI for links to applications; the instance's `url` by default. @visibility backend */
        uiUrl?: string;
        /**
         * Commit link template for repositories on its host, with `{{repoPath}}` and `{{revision}}`; GitHub,
         * GitLab and Bitbucket need none.
         * @visibility backend
         */
        commitUrlTemplate?: string;
      }>;
      /**
       * Apache Iceberg REST catalog. When set, table statistics (snapshot count, data files, last commit) come
       * from the table metadata instead of exporter metrics.
       */
      iceberg?: {
        /** Catalog base URL, without `/v1`. @visibility backend */
        url: string;
        /** Bearer token. @visibility secret */
        token?: string;
        /** Sent as `warehouse` to `GET /v1/config`. @visibility backend */
        warehouse?: string;
        /** Path prefix used when the catalog's `/v1/config` does not name one. @visibility backend */
        prefix?: string;
        /** @visibility backend */
        maxConcurrency?: number;
      };
      /** Airflow 2 webserver with the stable REST API v1, read by the `runs` view of DAG entities. */
      airflow?: {
        /** Webserver base URL, without `/api/v1`. @visibility backend */
        url: string;
        /** Base URL of the web UI for links out (grid, task logs); the webserver's URL by default. @visibility backend */
        uiUrl?: string;
        /** Basic auth user (with `password`); or use `token`. @visibility backend */
        username?: string;
        /** @visibility secret */
        password?: string;
        /** Bearer token, instead of username and password. @visibility secret */
        token?: string;
        /** @visibility backend */
        maxConcurrency?: number;
      };
      /** Spark History Server REST API, read by the `runs` view of Spark job entities. */
      sparkHistory?: {
        /** History server base URL, without `/api/v1`. @visibility backend */
        url: string;
        /** Base URL of its web UI for links out; the server's URL by default. @visibility backend */
        uiUrl?: string;
        /** Bearer token, for a server behind an authenticating proxy. @visibility secret */
        token?: string;
        /** @visibility backend */
        maxConcurrency?: number;
      };
      /** Alertmanager API v2. */
      alertmanager?: {
        /** @visibility backend */
        url: string;
        /** Headers sent with every request, e.g. Authorization. Every value is a secret. */
        headers?: {
          /** @visibility secret */
          [name: string]: string;
        };
        /** @visibility backend */
        maxConcurrency?: number;
        /**
         * Label naming an alert's environment, default `env`. An alert whose label names a configured
         * environment belongs to it, whichever Alertmanager returned it (docs/alerts.md).
         * @visibility backend
         */
        envLabel?: string;
        /**
         * Labels that identify a workload in this environment, default `namespace`, `app`, `job`. A selector
         * owns alerts only through equality matchers on these labels (docs/alerts.md, "Which entity an alert
         * belongs to").
         * @visibility backend
         */
        identifyingLabels?: string[];
      };
    }>;
    /**
     * Alert severity label value to priority, e.g. `{ critical: P1, high: P2, warning: P3, info: P4 }`.
     * @visibility backend
     */
    priorities?: { [severity: string]: 'P1' | 'P2' | 'P3' | 'P4' };
    /**
     * Priority of an alert with neither a P1-P4 `priority` label nor a severity listed in `priorities`,
     * default P3.
     * @visibility backend
     */
    defaultPriority?: 'P1' | 'P2' | 'P3' | 'P4';
    /** Alert names never shown, default Watchdog and InfoInhibitor. @visibility backend */
    hiddenAlerts?: string[];
    /** The generated Alertmanager routing tree (`GET /v1/alert-routing`), see docs/alerts.md. */
    alertRouting?: {
      /**
       * Environments where pager targets of `P<n>` and `*` entries of `dataops.io/alert-receivers` page;
       * elsewhere only an entry for the environment pages. Default `[prod]`.
       * @visibility backend
       */
      pagingEnvironments?: string[];
      /**
       * Receivers of groups with no `dataops.io/alert-receivers` up their parent chain, in the annotation's
       * format, e.g. `P1=pagerduty:platform-oncall+slack:#platform, *=slack:#platform`.
       * @visibility backend
       */
      defaultReceivers?: string;
      /**
       * Absolute directory on the Alertmanager host with the secret files (`pagerduty/<service>`,
       * `slack/<credential>`), default `/etc/alertmanager/secrets`.
       * @visibility backend
       */
      secretsDirectory?: string;
      /** Sender and relay of e-mail receivers; placeholders when absent. */
      email?: {
        /** @visibility backend */
        from?: string;
        /** `host:port`. @visibility backend */
        smarthost?: string;
      };
    };
    /** Scheduled reading of every environment's Alertmanager into the incident history. */
    alertPoller?: {
      /** Default true. @visibility backend */
      enabled?: boolean;
      /** Seconds between polls, 5 to 3600, default 30. @visibility backend */
      frequencySeconds?: number;
      /**
       * Days a resolved episode is kept before the daily clean-up deletes it, 1 to 36500, default 400.
       * Open episodes are never deleted.
       * @visibility backend
       */
      retentionDays?: number;
    };
    /**
     * Backstage notifications to the owning group when an alert starts firing on one of its entities
     * (needs the notifications backend plugin).
     */
    notifications?: {
      /** Default true. @visibility backend */
      enabled?: boolean;
      /** Priorities that notify, default P1 and P2. @visibility backend */
      priorities?: Array<'P1' | 'P2' | 'P3' | 'P4'>;
    };
    /**
     * Metric panels per entity `spec.type` (`spark-job`, `airflow-dag`, `iceberg-table`, or any other type).
     * A list here replaces the defaults of that type; an item with the `id` of a default panel and no
     * `query` only changes that panel's other fields.
     */
    panels?: {
      [entityType: string]: Array<{
        /** @visibility backend */
        id: string;
        /** @visibility backend */
        title?: string;
        /** @visibility backend */
        unit?: string;
        /** @visibility backend */
        description?: string;
        /** PromQL template; `${dag_id}`, `${table}`, `${spark_app}` are identity placeholders. @visibility backend */
        query?: string;
        /** Run when the main query's metric is not collected; shown as a fallback. @visibility backend */
        fallbackQuery?: string;
        /** @visibility backend */
        thresholds?: {
          direction: 'above' | 'below';
          warning?: number;
          critical?: number;
        };
      }>;
    };
    /** Storage health checks (docs/storage.md lists every check id with its default query and thresholds). */
    storage?: {
      /** Spark catalog name used in the CALL statements of Iceberg advice. Default `lake`. @visibility backend */
      sparkCatalog?: string;
      /** Iceberg freshness target in seconds (warning beyond it, critical beyond twice it). Default 3600. @visibility backend */
      freshnessTargetSeconds?: number;
      /** Per check id: replace the query template, thresholds, title or unit, or disable the check. */
      checks?: {
        [checkId: string]: {
          /** @visibility backend */
          title?: string;
          /** @visibility backend */
          unit?: string;
          /** PromQL template; `${table}`, `${bucket}`, `${tablespace}`, `${pool}` are identity placeholders. @visibility backend */
          query?: string;
          /** @visibility backend */
          thresholds?: {
            direction: 'above' | 'below';
            warning?: number;
            critical?: number;
          };
          /** @visibility backend */
          enabled?: boolean;
        };
      };
    };
    /** Cache lifetime per view in seconds, e.g. `{ metrics: 30 }`. @visibility backend */
    cacheTtlSeconds?: { [view: string]: number };
    /**
     * Seconds a caller's catalog lookup of an entity is reused across their requests (0, the default, looks
     * it up on every request). Saves a catalog call per page view; a catalog edit shows that much later.
     * @visibility backend
     */
    entityCacheSeconds?: number;
    /**
     * The fleet page's bulk route (`GET /v1/fleet`, docs/fleet.md).
     */
    fleet?: {
      /**
       * Entities whose summaries are computed at the same time, each in all its environments, across every
       * fleet request of a backend instance (at most this many times the configured environments of
       * summaries at once). Default 4.
       * @visibility backend
       */
      maxConcurrentEntities?: number;
      /**
       * Most entities one request computes; past it the answer says `truncated` and the page asks to
       * narrow the filters. Default 1000.
       * @visibility backend
       */
      maxEntities?: number;
      /**
       * How long a request waits for cells before answering with the rest marked pending, in seconds
       * (the work goes on and fills the cache for the next poll). Default 5.
       * @visibility backend
       */
      deadlineSeconds?: number;
      /**
       * Seconds a computed cell is served as it is, by every fleet request of this backend instance.
       * Default 60.
       * @visibility backend
       */
      cellFreshSeconds?: number;
      /**
       * Seconds an older cell is still served (with its `computedAt`) while it is computed again, so a
       * large fleet, once complete, stays complete. Default 900.
       * @visibility backend
       */
      cellMaxAgeSeconds?: number;
      /**
       * A summary whose sources timed out is asked once more after this many seconds (its other parts
       * come from the cache). Default 1.
       * @visibility backend
       */
      cellRetryPauseSeconds?: number;
    };
    /**
     * The pipeline view (`GET /v1/pipeline/...`, docs/pipelines.md). Its steps are computed within the
     * `fleet` limits above.
     */
    pipeline?: {
      /**
       * How old the newest commit of a pipeline's final Iceberg table may be, in minutes: warning beyond it,
       * critical beyond twice it. Default 60 (pipeline latency P95 under 1 h).
       * @visibility backend
       */
      freshnessTargetMinutes?: number;
      /**
       * Most steps one pipeline lists; past it the answer says `truncated`. Default 50.
       * @visibility backend
       */
      maxSteps?: number;
    };
    /**
     * The `slo` view: policy defaults (99.9% over 30 days, fast and slow burn alerts; docs/platform-rules.md,
     * "SLO policy") and SLI templates per entity `spec.type`. Entities still choose objective and period by annotation.
     */
    slo?: {
      /**
       * Read the error ratios from the recording rules the suite generates (`slo:sli_error:ratio_rate<W>`)
       * instead of the raw counters. Cheaper on long periods, but the period SLI becomes time-weighted.
       * @visibility backend
       */
      useRecordingRules?: boolean;
      /** Overrides of the default SLO policy. */
      policy?: {
        /** Default objective in percent when the entity has no `dataops.io/slo-objective`. @visibility backend */
        objective?: number;
        /** Default period, e.g. `30d`, when the entity has no `dataops.io/slo-window`. @visibility backend */
        period?: string;
        /** Short window = long window / this. Default 12. @visibility backend */
        shortWindowDivisor?: number;
        /** Window whose burn rate estimates the time until exhaustion. Default `1h`. @visibility backend */
        exhaustionWindow?: string;
        /** Burn-rate alerts; replace the default fast (P1) and slow (P2) burn alerts. */
        alerts?: Array<{
          /** @visibility backend */
          name: string;
          /** Share of the period's budget (0..1] that, spent within the long window, fires the alert. @visibility backend */
          budgetConsumed: number;
          /** @visibility backend */
          longWindow: string;
          /** @visibility backend */
          shortWindow?: string;
          /** @visibility backend */
          priority: 'P1' | 'P2' | 'P3' | 'P4';
          /** @visibility backend */
          severity: string;
          /** @visibility backend */
          for?: string;
        }>;
      };
      /**
       * SLI templates by entity `spec.type`, replacing the default of that type or adding one for another
       * type. Selectors name only the workload's identity (`${sparkAppName}` etc.); the entity's matchers are
       * injected.
       */
      templates?: {
        [entityType: string]: {
          /** @visibility backend */
          id: string;
          /** @visibility backend */
          name?: string;
          /** @visibility backend */
          description?: string;
          /** @visibility backend */
          goodEvents: string[];
          /** @visibility backend */
          totalEvents: string[];
        };
      };
    };
  };
}
