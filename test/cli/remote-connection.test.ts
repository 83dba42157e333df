import { describe, expect, it } from 'vitest';
import { isCleartextRemote, serverUrl } from '../../src/cli/remote/connection.js';

describe('the server psc talks to', () => {
  it('is an http(s) URL kept without its trailing slash', () => {
    expect(serverUrl(' https://psc.example.com/ ', '--url')).toBe('https://psc.example.com');
    expect(serverUrl('http://10.0.0.5:3000/psc//', '--url')).toBe('http://10.0.0.5:3000/psc');
    expect(() => serverUrl('psc.example.com', 'PSC_URL')).toThrow(
      "PSC_URL must be the server's URL",
    );
    expect(() => serverUrl('file:///etc/passwd', 'PSC_URL')).toThrow('not file:');
  });

  it('warns only where a token would cross a network in clear text', () => {
    expect(isCleartextRemote('http://psc.internal:3000')).toBe(true);
    expect(isCleartextRemote('http://10.0.0.5')).toBe(true);
    expect(isCleartextRemote('https://psc.example.com')).toBe(false);
    expect(isCleartextRemote('http://localhost:3000')).toBe(false);
    expect(isCleartextRemote('http://127.0.0.1:3000')).toBe(false);
    expect(isCleartextRemote('http://[::1]:3000')).toBe(false);
  });
});
