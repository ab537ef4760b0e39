import { ANNOTATIONS, splitList } from '../annotations';
import {
  AnnotationValueError,
  checkLabelSelector,
  IcebergTableName,
  isValidArgoCdAppName,
  isValidLabelValue,
  isWellFormedIndexPattern,
  OpenSearchTermFilter,
  parseIcebergTableName,
  parseOpenSearchFilters,
  parseStorageList,
  StorageRef,
} from '../annotationValues';
import {
  LabelMatcher,
  parseSelector,
  SelectorError,
  validateIdentityValue,
} from '../promql';
import { parseObjective, parseSloPeriod, SloInputError } from '../slo';
import { AlertReceiverEntry, parseAlertReceivers } from './alertReceivers';
import { checkEnvironmentName } from './environmentNames';
import { parseRunSla } from './runSla';
import type {
  AnnotationRule,
  AnnotationRuleOptions,
  EnvironmentRules,
} from './types';

export { checkEnvironmentName } from './environmentNames';

/** The rule of every annotation key the suite reads, by its short name in {@link ANNOTATIONS}. @public */
export interface AnnotationRules {
  /** `dataops.io/environments`: environment names, each configured when environments are configured. */
  environments: AnnotationRule<string[]>;
  /** `dataops.io/prometheus-selector`: label matchers only. */
  prometheusSelector: AnnotationRule<LabelMatcher[]>;
  /** `dataops.io/opensearch-index`: one lowercase index pattern. */
  opensearchIndex: AnnotationRule<string>;
  /** `dataops.io/opensearch-filter`: comma separated `field:value` terms. */
  opensearchFilter: AnnotationRule<OpenSearchTermFilter[]>;
  /** `argocd/app-name`: a Kubernetes object name. */
  argocdAppName: AnnotationRule<string>;
  /** `argocd/app-selector`: a Kubernetes label selector. */
  argocdAppSelector: AnnotationRule<string>;
  /** `dataops.io/slo-objective`: a percentage above 0 and at most 100. */
  sloObjective: AnnotationRule<number>;
  /** `dataops.io/slo-window`: an SLO period, in seconds once parsed. */
  sloWindow: AnnotationRule<number>;
  /** `dataops.io/airflow-dag-id`: an identity value. */
  airflowDagId: AnnotationRule<string>;
  /** `dataops.io/spark-app-name`: an identity value. */
  sparkAppName: AnnotationRule<string>;
  /** `dataops.io/iceberg-table`: `namespace.table`. */
  icebergTable: AnnotationRule<IcebergTableName>;
  /** `dataops.io/storage`: `kind:name` items. */
  storage: AnnotationRule<StorageRef[]>;
  /** `backstage.io/kubernetes-id`: a Kubernetes label value. */
  kubernetesId: AnnotationRule<string>;
  /** `dataops.io/run-sla`: the longest a run may take, in seconds once parsed. */
  runSla: AnnotationRule<number>;
  /** `dataops.io/alert-receivers` (Group entities): where the group's alerts go, per priority and environment. */
  alertReceivers: AnnotationRule<AlertReceiverEntry[]>;
}

/** Raised by a parser for a bad value; anything else is a bug and must not pass for a verdict. */
function isValueError(e: unknown): e is Error {
  return (
    e instanceof AnnotationValueError ||
    e instanceof SloInputError ||
    e instanceof SelectorError
  );
}

function rule<T>(
  key: string,
  overridable: boolean,
  parse: (value: string, environments: EnvironmentRules[]) => T,
): AnnotationRule<T> {
  return {
    key,
    overridable,
    validate(value: string, options: AnnotationRuleOptions = {}) {
      try {
        return {
          ok: true,
          value: parse(String(value).trim(), options.environments ?? []),
        };
      } catch (e) {
        if (!isValueError(e)) {
          throw e;
        }
        return {
          ok: false,
          problem: { annotation: options.key ?? key, message: e.message },
        };
      }
    },
  };
}

function fail(message: string): never {
  throw new AnnotationValueError(message);
}

function identity(key: string) {
  return rule(key, true, value => {
    try {
      validateIdentityValue(key, value);
    } catch (e) {
      fail((e as Error).message);
    }
    return value;
  });
}

/**
 * One validator per annotation key: the single statement of what each key accepts, used by the catalog
 * processor, the scaffolder and (through the same parsers) the backend views.
 * @public
 */
export const ANNOTATION_RULES: AnnotationRules = {
  // An override would be read by nothing: the environments of an entity are one list.
  environments: rule(ANNOTATIONS.environments, false, (value, environments) => {
    const names = splitList(value);
    if (names.length === 0) {
      fail('names no environment');
    }
    const problems = names
      .map(name => checkEnvironmentName(name, environments))
      .filter(Boolean);
    return problems.length ? fail(problems.join('; ')) : names;
  }),
  prometheusSelector: rule(ANNOTATIONS.prometheusSelector, true, value =>
    parseSelector(value),
  ),
  opensearchIndex: rule(ANNOTATIONS.opensearchIndex, true, value =>
    isWellFormedIndexPattern(value)
      ? value
      : fail(
          `'${value}' is not a single lowercase index pattern (at most 255 letters, digits, * . _ -; no lists, exclusions or remote clusters)`,
        ),
  ),
  opensearchFilter: rule(ANNOTATIONS.opensearchFilter, true, value =>
    parseOpenSearchFilters(value),
  ),
  argocdAppName: rule(ANNOTATIONS.argocdAppName, true, value =>
    isValidArgoCdAppName(value)
      ? value
      : fail(
          `'${value}' is not a valid Argo CD application name (lowercase letters, digits, '-' and '.')`,
        ),
  ),
  argocdAppSelector: rule(ANNOTATIONS.argocdAppSelector, true, value => {
    const problem = checkLabelSelector(value);
    return problem ? fail(problem) : value;
  }),
  sloObjective: rule(ANNOTATIONS.sloObjective, true, value =>
    parseObjective(value),
  ),
  sloWindow: rule(ANNOTATIONS.sloWindow, true, value => parseSloPeriod(value)),
  airflowDagId: identity(ANNOTATIONS.airflowDagId),
  sparkAppName: identity(ANNOTATIONS.sparkAppName),
  icebergTable: rule(ANNOTATIONS.icebergTable, true, value =>
    parseIcebergTableName(value),
  ),
  storage: rule(ANNOTATIONS.storage, true, value => parseStorageList(value)),
  runSla: rule(ANNOTATIONS.runSla, true, value => parseRunSla(value)),
  alertReceivers: rule(
    ANNOTATIONS.alertReceivers,
    true,
    (value, environments) => parseAlertReceivers(value, environments),
  ),
  // The Kubernetes plugin reads this key, without overrides, as the value of a label selector.
  kubernetesId: rule(ANNOTATIONS.kubernetesId, false, value =>
    isValidLabelValue(value)
      ? value
      : fail(
          `'${value}' is not a valid Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', beginning and ending with a letter or digit)`,
        ),
  ),
};
