import { AppMetaEntity } from './database/app-meta.entity';
import { RateLimitCounterEntity } from './rate-limit/rate-limit.entity';

/** Entities of the core module, for the data source. */
export const coreEntities = [AppMetaEntity, RateLimitCounterEntity];
