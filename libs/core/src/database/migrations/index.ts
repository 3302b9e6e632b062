// Every migration, in order. `npm run migration:generate -- <Name>` appends here.
import { Extensions1764400000000 } from './1764400000000-Extensions';
import { Initial1795969947413 } from './1795969947413-Initial';
import { Themes1795969950000 } from './1795969950000-Themes';
import { RateLimits1795970596247 } from './1795970596247-RateLimits';
import { Members1795970743641 } from './1795970743641-Members';
import { Content1795971399546 } from './1795971399546-Content';
import { SearchDocuments1795972000000 } from './1795972000000-SearchDocuments';
import { Moderation1795972511205 } from './1795972511205-Moderation';
import { ListIndexes1795973000000 } from './1795973000000-ListIndexes';
import { SearchWindow1796000000000 } from './1796000000000-SearchWindow';
import { SearchSourceOrder1796028127053 } from './1796028127053-SearchSourceOrder';
import { Trust1796204155833 } from './1796204155833-Trust';
import { PublishTrustedAndEmailDigests1796204991425 } from './1796204991425-PublishTrustedAndEmailDigests';
import { SearchRelevance1796208000000 } from './1796208000000-SearchRelevance';
import { SearchOutboxByTriggers1796222525207 } from './1796222525207-SearchOutboxByTriggers';

export const migrations = [
  Extensions1764400000000,
  Initial1795969947413,
  Themes1795969950000,
  RateLimits1795970596247,
  Members1795970743641,
  Content1795971399546,
  SearchDocuments1795972000000,
  Moderation1795972511205,
  ListIndexes1795973000000,
  SearchWindow1796000000000,
  SearchSourceOrder1796028127053,
  Trust1796204155833,
  PublishTrustedAndEmailDigests1796204991425,
  SearchRelevance1796208000000,
  SearchOutboxByTriggers1796222525207,
];
