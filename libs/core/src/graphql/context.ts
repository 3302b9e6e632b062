import type { Viewer } from '../auth/viewer';
import { RequestLoaders } from './loaders';

/** What every resolver receives, built once per request. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly viewer: Viewer;
  readonly loaders: RequestLoaders;
  /** When the request's time budget runs out (ms since the epoch): no field resolves after it. */
  readonly deadline: number;
  /** Client address, for rate limits. */
  readonly ip: string;
}
