import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLease } from '../../../renderer/session/lease';
import { watchIdle } from '../../../renderer/session/idle';

const day = 24 * 60 * 60 * 1000;

describe('offline lease', () => {
  const verified = '2026-10-01T00:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(verified) + ms);

  it('lets the device open its data within the lease and says how many days are left', () => {
    expect(checkLease(verified, 14, at(0))).toEqual({ ok: true, daysLeft: 14 });
    expect(checkLease(verified, 14, at(13 * day + 1))).toEqual({ ok: true, daysLeft: 1 });
  });

  it('locks the data once the lease has run out', () => {
    expect(checkLease(verified, 14, at(14 * day))).toEqual({ ok: false, reason: 'expired' });
    expect(checkLease(verified, 14, at(40 * day))).toEqual({ ok: false, reason: 'expired' });
  });

  it('treats a clock set back before the last verification as tampering, but tolerates a few minutes of drift', () => {
    expect(checkLease(verified, 14, at(-3 * 60_000)).ok).toBe(true);
    expect(checkLease(verified, 14, at(-day))).toEqual({ ok: false, reason: 'clockBehind' });
  });

  it('locks when the record of the last verification is unreadable', () => {
    expect(checkLease('not a date', 14, at(0))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle minutes without input, once, and input restarts the clock', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle({ idleMinutes: 10, onIdle, target, now: () => Date.now() });
    vi.advanceTimersByTime(9 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('locks at once when a tablet wakes long after the deadline', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    let clock = 0;
    const stop = watchIdle({ idleMinutes: 10, onIdle, target, now: () => clock, checkEveryMs: 60 * 60_000 });
    clock = 11 * 60_000; // asleep: no timer ran
    target.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops watching when the session ends', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle({ idleMinutes: 1, onIdle, target, now: () => Date.now() })();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
