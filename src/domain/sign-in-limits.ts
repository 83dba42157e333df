/**
 * How often anyone may try to sign in. Attempts are counted per client address (one attacker
 * trying many accounts) and per account (many addresses trying one account), in fixed windows of
 * a minute. A successful sign-in gives its attempt back, so people who sign in often are never
 * limited; only attempts in flight and failures accumulate.
 */
export const SIGN_IN_WINDOW_SECONDS = 60;
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 10;
export const SIGN_IN_ATTEMPTS_PER_ACCOUNT = 20;

export interface SignInWindow {
  start: Date;
  /** Seconds until the next window opens: the answer's Retry-After. */
  secondsLeft: number;
}

export function signInWindow(now: Date): SignInWindow {
  const windowMs = SIGN_IN_WINDOW_SECONDS * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    start: new Date(start),
    secondsLeft: Math.ceil((start + windowMs - now.getTime()) / 1000),
  };
}
