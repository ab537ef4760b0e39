/*
 * Entry point of a load generator process (see runLoadInChild): reads its options as JSON on stdin, runs
 * autocannon, writes the LoadResult as JSON on stdout.
 */
import { runLoad } from './runLoad';
import type { ChildLoadOptions } from './runLoadInChild';

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  const options: ChildLoadOptions = JSON.parse(
    Buffer.concat(chunks).toString(),
  );
  const { paths, ...rest } = options;
  const result = await runLoad({
    ...rest,
    path: n => paths[n % paths.length],
  });
  // A pipe is written asynchronously: exit only once the whole answer is out.
  await new Promise<void>(resolve =>
    process.stdout.write(JSON.stringify(result), () => resolve()),
  );
}

main().then(
  () => process.exit(0),
  e => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
