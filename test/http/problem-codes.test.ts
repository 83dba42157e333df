import { describe, expect, it } from 'vitest';
import { DETAIL_CODES, ERROR_CODES } from '../../src/domain/errors.js';
import { EVENT_TYPES } from '../../src/domain/event.js';
import { HTTP_ERROR_CODES, PROBLEM_CODES } from '../../src/http/problem-codes.js';
import { PROBLEM_STATUSES } from '../../src/http/problem-statuses.js';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('the registries', () => {
  it('keep the domain codes and HTTP codes apart, each once, with a status for every one', () => {
    const domain = new Set<string>(ERROR_CODES);
    expect(HTTP_ERROR_CODES.filter((code) => domain.has(code))).toEqual([]);
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    expect(Object.keys(PROBLEM_STATUSES).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) expect(code).toMatch(SNAKE);
  });

  it('name each item code and each event type once', () => {
    expect(new Set(DETAIL_CODES).size).toBe(DETAIL_CODES.length);
    for (const code of DETAIL_CODES) expect(code).toMatch(SNAKE);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
