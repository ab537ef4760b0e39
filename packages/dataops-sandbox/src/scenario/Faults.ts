import { ENVIRONMENTS, Env, SERVICES, ServiceName } from './types';

/** Scripted trouble: stage's log backend is down unless the operator says otherwise. */
const SCRIPTED_DOWN = ['stage:opensearch'];

function parseTarget(text: string, variable: string): { env: Env; service?: ServiceName } {
  const [env, service, extra] = text.split(':').map(s => s.trim());
  if (!(ENVIRONMENTS as readonly string[]).includes(env) || extra !== undefined) {
    throw new Error(
      `${variable}: '${text}' is not <env> or <env>:<service>; environments are ${ENVIRONMENTS.join(', ')}`,
    );
  }
  if (service !== undefined && !(SERVICES as readonly string[]).includes(service)) {
    throw new Error(`${variable}: unknown service '${service}'; services are ${SERVICES.join(', ')}`);
  }
  return { env: env as Env, service: service as ServiceName | undefined };
}

/**
 * Which environments or services answer 503 or slowly. `DATAOPS_SANDBOX_DOWN=stage:opensearch,prod` and
 * `DATAOPS_SANDBOX_SLOW=prod:prometheus=3000`; the word `none` in DOWN also lifts the scripted outage.
 */
export class Faults {
  private readonly down = new Set<string>();
  private readonly slow = new Map<string, number>();

  static fromEnv(env: NodeJS.ProcessEnv = process.env): Faults {
    return new Faults(env.DATAOPS_SANDBOX_DOWN ?? '', env.DATAOPS_SANDBOX_SLOW ?? '');
  }

  constructor(downSpec: string, slowSpec: string) {
    const items = downSpec.split(',').map(s => s.trim()).filter(Boolean);
    const targets = items.includes('none')
      ? items.filter(i => i !== 'none')
      : [...SCRIPTED_DOWN, ...items];
    for (const item of targets) {
      const { env, service } = parseTarget(item, 'DATAOPS_SANDBOX_DOWN');
      this.down.add(service ? `${env}:${service}` : env);
    }
    for (const item of slowSpec.split(',').map(s => s.trim()).filter(Boolean)) {
      const [target, ms] = item.split('=');
      const delay = Number(ms);
      if (!Number.isFinite(delay) || delay < 0 || delay > 600000) {
        throw new Error(`DATAOPS_SANDBOX_SLOW: '${item}' needs <env>[:<service>]=<milliseconds>`);
      }
      const { env, service } = parseTarget(target, 'DATAOPS_SANDBOX_SLOW');
      this.slow.set(service ? `${env}:${service}` : env, delay);
    }
  }

  isDown(env: Env, service: ServiceName): boolean {
    return this.down.has(env) || this.down.has(`${env}:${service}`);
  }

  delayMs(env: Env, service: ServiceName): number {
    return this.slow.get(`${env}:${service}`) ?? this.slow.get(env) ?? 0;
  }

  describe(): string[] {
    return [
      ...[...this.down].map(d => `down ${d}`),
      ...[...this.slow].map(([k, v]) => `slow ${k} +${v}ms`),
    ];
  }
}
