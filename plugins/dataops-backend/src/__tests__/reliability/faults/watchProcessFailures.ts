import vm from 'node:vm';

/** What reached the process-wide failure events while a watch was on. */
export interface ProcessFailureWatch {
  readonly failures: string[];
  stop(): void;
}

/**
 * The process object Node emits `unhandledRejection` on. Jest hands tests a copy of `process` whose own
 * listeners are never called; code run in the main context sees the real one (outside Jest they are the
 * same object).
 */
export function realProcess(): NodeJS.Process {
  return vm.runInThisContext('process');
}

/**
 * Records every `unhandledRejection` and `uncaughtException` until stopped. A fault that leaves a promise
 * rejecting with nobody listening would crash a production backend (Node's default), so the suite
 * asserts this list stays empty.
 */
export function watchProcessFailures(): ProcessFailureWatch {
  const target = realProcess();
  const failures: string[] = [];
  const onRejection = (reason: unknown) => {
    failures.push(`unhandledRejection: ${String(reason)}`);
  };
  const onException = (error: Error) => {
    failures.push(`uncaughtException: ${String(error)}`);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    failures,
    stop() {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
