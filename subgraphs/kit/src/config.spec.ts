import { publicBaseUrl } from './config';

/* The one place tracking, payment and unsubscribe links take their host from. */
describe('publicBaseUrl', () => {
  it('should use PUBLIC_BASE_URL without its trailing slash, else the local gateway on its port', () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: 'https://ops.example.com/' })).toBe(
      'https://ops.example.com',
    );
    expect(publicBaseUrl({})).toBe('http://localhost:4000');
    expect(publicBaseUrl({ PUBLIC_BASE_URL: '', GATEWAY_PORT: '4100' })).toBe(
      'http://localhost:4100',
    );
  });

  it('should refuse anything but an http(s) URL, naming the variable', () => {
    for (const bad of ['ops.example.com', 'ftp://ops.example.com', 'https://'])
      expect(() => publicBaseUrl({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
  });
});
