// The TCP ports a bot listens on, as its own settings say: `PORT=5000`-style variables in its .env and a
// health URL on this machine. Found mode uses them to recognise the bot by the port it holds.
const PORT_VARIABLE = /(?:^|_)PORT$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function botPorts(envValues: ReadonlyMap<string, string>, healthUrl: string | null | undefined): number[] {
  const ports = new Set<number>();
  for (const [name, value] of envValues) {
    if (PORT_VARIABLE.test(name.toUpperCase()) && /^\s*\d{1,5}\s*$/.test(value)) addPort(ports, Number(value));
  }
  if (healthUrl) {
    const url = URL.canParse(healthUrl) ? new URL(healthUrl) : null;
    if (url && LOCAL_HOSTS.has(url.hostname)) addPort(ports, Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  }
  return [...ports];
}

function addPort(ports: Set<number>, port: number): void {
  if (Number.isInteger(port) && port > 0 && port < 65536) ports.add(port);
}
