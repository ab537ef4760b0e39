import { requireBinary } from './binaries';
import { PromtoolResult, runTool } from './promtool';

/**
 * Runs the real `amtool` (Alertmanager's command line tool) with arguments, e.g.
 * `['check-config', file]` or `['config', 'routes', 'test', '--config.file=' + file, 'owner=x']`, and
 * collects exit code and output. Never rejects on a non-zero exit: callers assert on it.
 * @public
 */
export async function runAmtool(
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<PromtoolResult> {
  requireBinary('amtool', 'prometheus-alertmanager');
  return runTool('amtool', args, options);
}
