// Auto-lock after a quiet spell (issue 5, item 1). Any input restarts the clock; the
// check runs on a coarse interval, which also catches a tablet waking from sleep long
// after the deadline (timers do not run while it sleeps).

export interface IdleWatchOptions {
  idleMinutes: number;
  onIdle: () => void;
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
  checkEveryMs?: number;
}

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function watchIdle(options: IdleWatchOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const target = options.target ?? window;
  const limit = options.idleMinutes * 60_000;
  let last = now();
  let fired = false;
  const touch = () => {
    last = now();
  };
  const check = () => {
    if (!fired && now() - last >= limit) {
      fired = true;
      options.onIdle();
    }
  };
  for (const type of activityEvents) target.addEventListener(type, touch, { capture: true, passive: true });
  const timer = setInterval(check, options.checkEveryMs ?? Math.min(15_000, limit / 4));
  const onVisible = () => check();
  target.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    for (const type of activityEvents) target.removeEventListener(type, touch, { capture: true });
    target.removeEventListener('visibilitychange', onVisible);
  };
}
