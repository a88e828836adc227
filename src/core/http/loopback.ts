// Which hosts count as "this machine": plain http is allowed to them, and they are never proxied.
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 (with or without brackets) and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
