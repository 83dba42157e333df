import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

const CENSOR = '[Redacted]';

/**
 * Values that never reach the logs: API tokens and session cookies in headers, and the values of
 * sensitive query parameters in the url Fastify logs with every request.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.url',
];

/** Query parameters whose values are secrets, by name: access_token, client_secret, api_key… */
const SENSITIVE_PARAMETER =
  /token|secret|passw|pwd|api[-_]?key|auth|session|csrf|signature|credential/i;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The url as it came, but with every sensitive query parameter's value censored. */
export function redactQuery(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const pairs = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      return SENSITIVE_PARAMETER.test(decodedName(name)) ? `${name}=${CENSOR}` : pair;
    });
  return `${url.slice(0, start + 1)}${pairs.join('&')}`;
}

function censor(value: unknown, path: string[]): unknown {
  if (path[path.length - 1] === 'url' && typeof value === 'string') return redactQuery(value);
  return CENSOR;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor } };
  return destination ? pino(options, destination) : pino(options);
}
