// The HTTP layer's public surface: one client, one URL policy, one status mapping, one transient
// rule, one backoff. Everything else in this folder is an implementation detail.
export { assertAllowedUrl, createHttp, DEFAULT_USER_AGENT } from './client.js';
export type { Http, HttpOptions } from './client.js';
// got is this folder's internal: callers name its types and errors through here.
export { RequestError } from 'got';
export type { Got, Response } from 'got';
export { isLoopbackHost } from './loopback.js';
export { bypassesProxy, proxyForUrl } from './proxy-env.js';
export { refusalError, refusalForUrl } from './refusal.js';
export type { Refusal } from './refusal.js';
export {
  describeNetworkFailure,
  hostWithPort,
  isTransientConnectionError,
  isTransientStatus,
} from './transient.js';
export {
  abortableDelay,
  backoffDelay,
  MAX_BACKOFF_MS,
  throwIfCancelled,
  withRetries,
} from './retry.js';
export type { RetryPolicy } from './retry.js';
export { BUILDING_TICK_MS, startBuildingTicker } from './building-ticker.js';
export { bodyTooLarge, MAX_API_BODY_BYTES, readCappedBody, readErrorBody } from './body.js';
export { describeWaiting, requestApi, WAITING_NOTICE_MS } from './api-request.js';
export type { ApiAnswer, ApiRequest, WaitingEvent } from './api-request.js';
