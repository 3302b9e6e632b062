// Every migration, in order. `npm run migration:generate -- <Name>` appends here.
import { Extensions1764400000000 } from './1764400000000-Extensions';
import { Initial1795969947413 } from './1795969947413-Initial';
import { Themes1795969950000 } from './1795969950000-Themes';

export const migrations = [Extensions1764400000000, Initial1795969947413, Themes1795969950000];
