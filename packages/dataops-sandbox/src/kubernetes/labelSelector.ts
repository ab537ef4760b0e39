/** A parsed Kubernetes label selector (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`). */
export type LabelSelector = (labels: Record<string, string>) => boolean;

export function parseLabelSelector(text: string): LabelSelector {
  const parts = text.split(/,(?![^(]*\))/).map(s => s.trim()).filter(Boolean);
  const tests = parts.map(part => {
    let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(part);
    if (m) {
      const [, key, op, value] = m;
      return (l: Record<string, string>) => (op === '!=' ? l[key] !== value : l[key] === value);
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      const [, key, op, list] = m;
      const values = list.split(',').map(v => v.trim());
      return (l: Record<string, string>) => (op === 'in' ? values.includes(l[key]) : !values.includes(l[key]));
    }
    m = /^(!?)([\w./-]+)$/.exec(part);
    if (m) {
      const [, not, key] = m;
      return (l: Record<string, string>) => (not ? !(key in l) : key in l);
    }
    throw new Error(`unable to parse requirement: "${part}"`);
  });
  return labels => tests.every(t => t(labels));
}
