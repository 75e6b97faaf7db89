// host, or [v6 address], then an optional port.
const HOST_HEADER = /^(\[[^\]]*\]|[^:[\]]*)(?::\d*)?$/;
const LOOPBACK_V4 = /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Whether a request may be answered, by the address it reached and its Host
 * header. On a loopback address only loopback names (localhost, *.localhost,
 * 127.0.0.0/8, ::1) and `allowed` pass: a web page whose own domain was
 * re-pointed at 127.0.0.1 (DNS rebinding) sends its domain as the Host and is
 * refused, so a browser cannot be used to read the API from another site.
 * On other addresses the server is reachable anyway and any Host passes.
 */
export function isAllowedHost(
  localAddress: string | undefined,
  host: string | undefined,
  allowed: ReadonlySet<string>,
): boolean {
  if (localAddress === undefined || !isLoopback(localAddress)) return true;
  if (host === undefined) return false;
  const name = HOST_HEADER.exec(host.toLowerCase())?.[1]
    ?.replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (name === undefined || name === '') return false;
  return (
    isLoopback(name) || name === 'localhost' || name.endsWith('.localhost') || allowed.has(name)
  );
}

function isLoopback(address: string): boolean {
  return address === '::1' || LOOPBACK_V4.test(address);
}
