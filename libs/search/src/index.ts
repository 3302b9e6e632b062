import { SearchOutboxEntity } from './outbox/search-outbox.entity';

export { SearchModule } from './search.module';
export { SearchOutbox } from './outbox/search-outbox';
export { SearchOutboxEntity, type SearchDocumentType } from './outbox/search-outbox.entity';

/** Entities of the search module, for the data source. */
export const searchEntities = [SearchOutboxEntity];
