// Where the Graph API lives. The one place that reads WA_TOKEN_DOCTOR_GRAPH_URL (tests, proxies, the simulator).

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const GRAPH_URL_VARIABLE = 'WA_TOKEN_DOCTOR_GRAPH_URL';

/** The base URL without a trailing slash: an explicit value, else the environment override, else Meta. */
export function graphBaseUrl(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit?.trim() || env[GRAPH_URL_VARIABLE]?.trim() || DEFAULT_GRAPH_URL;
  return chosen.replace(/\/+$/, '');
}
