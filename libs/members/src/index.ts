export { MembersModule } from './members.module';

/** Entities of the members module, for the data source. */
export const membersEntities = [];
