import { useEffect, useState } from 'react';

/** Values seen in any answer so far, so a filter does not hide the options it narrowed away. */
export function useSeen(values: string[] | undefined): string[] {
  const [seen, setSeen] = useState<string[]>([]);
  const key = values?.join('\n');
  useEffect(() => {
    if (!values?.length) return;
    setSeen(previous =>
      values.every(v => previous.includes(v))
        ? previous
        : [...previous, ...values.filter(v => !previous.includes(v))],
    );
    // The key stands for the list's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return seen;
}
