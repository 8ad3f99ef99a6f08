// The Graph API module's public face: diagnose a token, send the test message, exchange a token, and the types.
export { diagnoseToken, type AppCredentials, type DiagnoseOptions } from './diagnose';
export { sendTestMessage, type TestMessageRequest, type TestMessageResult, type TestMessageProblem } from './test-message';
export { exchangeForLongLivedToken, type ExchangeResult } from './oauth';
export { classifyGraphError, isDeadTokenVerdict, type ErrorVerdict } from './classify';
export { graphBaseUrl, DEFAULT_GRAPH_URL, GRAPH_URL_VARIABLE } from './config';
export { DEFAULT_API_VERSION, RECOMMENDED_API_VERSION, normalizeApiVersion, describeApiVersion, isRetired } from './versions';
export { DEFAULT_TOTAL_TIMEOUT_MS, type GraphClientOptions, type FetchFunction } from './client';
export { EXPIRING_SOON_DAYS } from './verdict';
export * from './types';
