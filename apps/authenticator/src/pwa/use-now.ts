import { useEffect, useState } from 'preact/hooks';

/** The clock, re-read at every second boundary (codes and countdowns change on the second). */
export function useNow(now: () => number): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setValue(now());
          schedule();
        },
        1000 - (now() % 1000) + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [now]);
  return value;
}
