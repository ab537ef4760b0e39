const startedAt = Date.now();

function elapsed(): string {
  const s = Math.round((Date.now() - startedAt) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(
    s % 60,
  ).padStart(2, '0')}`;
}

/** A step heading, with the time since the run started. */
export function step(title: string): void {
  process.stdout.write(`\n[adoption ${elapsed()}] ${title}\n`);
}

/** A progress line under the current step. */
export function note(message: string): void {
  process.stdout.write(`[adoption ${elapsed()}]   ${message}\n`);
}

/** Runs one step and records how long it took, for the summary at the end. */
export async function timed<T>(
  timings: Array<[string, number]>,
  title: string,
  work: () => Promise<T>,
): Promise<T> {
  step(title);
  const t0 = Date.now();
  try {
    return await work();
  } finally {
    timings.push([title, Date.now() - t0]);
  }
}
