// Finds the process listening on a local TCP port and reads its resident memory, from /proc (Linux), so a
// test can watch the memory of a server it did not start itself.
import fs from 'node:fs';

/** Socket inodes of listening sockets on `port`, from the kernel's TCP tables. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const localPort = parseInt(fields[1].split(':').pop(), 16);
      const listening = fields[3] === '0A';
      if (listening && localPort === Number(port)) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The id of the process that listens on `port`; throws when none of the visible processes does. */
export function backendPid(port) {
  const inodes = listeningInodes(port);
  if (!inodes.size) throw new Error(`nothing listens on port ${port}`);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let target;
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  throw new Error(
    `no visible process owns the listening socket on port ${port}`,
  );
}

/** Resident set size of `pid` in bytes. */
export function sampleRss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Start, end, peak and the medians of the first and second half of a series of RSS samples. */
export function summariseRss(samples) {
  if (samples.length < 4)
    throw new Error(
      `too few memory samples (${samples.length}) to judge a trend`,
    );
  const half = Math.floor(samples.length / 2);
  return {
    start: samples[0],
    end: samples[samples.length - 1],
    peak: Math.max(...samples),
    firstHalfMedian: median(samples.slice(0, half)),
    secondHalfMedian: median(samples.slice(half)),
  };
}
