export { SearchModule } from './search.module';

/** Entities of the search module, for the data source. */
export const searchEntities = [];
