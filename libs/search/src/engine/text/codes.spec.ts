import { codeTokens, normaliseCodes } from './codes';
import { analyseQuery } from './query';

describe('identifiers in one normal form', () => {
  it.each([
    ['L2113-12', 'l2113x12'],
    ['L. 2113-12', 'l2113x12'],
    ['l.2113-12', 'l2113x12'],
    ['article L2112-2', 'article l2112x2'],
    ['CCP art. L2111-1', 'ccp art. l2111x1'],
    ['R. 2152-7', 'r2152x7'],
    ['D2171-1-2', 'd2171x1x2'],
    ['décret n° 2021-254', 'décret n° n2021x254'],
    ['loi n°2021-1104', 'loi n° n2021x1104'],
    ['30213100-6', 'cpv30213100'],
    ['CPV 30213100', 'cpv cpv30213100'],
    ['243 452 601 00012', '24345260100012'],
    ['243.452.601', '243452601'],
    ['24345260100012', '24345260100012'],
    ['34', '34'],
    ['2024', '2024'],
  ])('%s -> %s', (text, normal) => {
    expect(normaliseCodes(text)).toBe(normal);
  });

  it('leaves words, amounts and ordinary numbers alone', () => {
    expect(normaliseCodes('6 000 heures, 50 % de bio, lot 3-4')).toBe('6 000 heures, 50 % de bio, lot 3-4');
  });

  it('finds the identifiers a text mentions, in the same form as queries', () => {
    expect(
      codeTokens(
        "En application de l'article L. 2113-12 et du décret n° 2021-254 (CPV 30213100-6), SIRET 243 452 601 00012",
      ).sort(),
    ).toEqual(['24345260100012', 'cpv30213100', 'l2113x12', 'n2021x254']);
  });
});

describe('query analysis', () => {
  it('leaves out stop words and question words, unless nothing else is left', () => {
    expect(analyseQuery('comment réserver un marché aux entreprises adaptées').map((t) => t.words)).toEqual([
      ['reserver'],
      ['marche'],
      ['entreprises', 'adaptees'],
    ]);
    expect(analyseQuery('quels critères').map((t) => t.words)).toEqual([['criteres']]);
    expect(analyseQuery('de la').map((t) => t.words)).toEqual([['de'], ['la']]);
  });

  it('merges the words a synonym names into one term with its alternatives', () => {
    const [term] = analyseQuery('économie sociale et solidaire');
    expect(term.words).toEqual(['economie', 'sociale', 'solidaire']);
    expect(term.alternatives).toEqual([['ess']]);
    expect(analyseQuery('IAE')[0].alternatives).toEqual([['insertion', 'activite', 'economique']]);
  });

  it('completes the last word only while it is being typed', () => {
    expect(analyseQuery('marché rés').map((t) => t.prefix)).toEqual([false, true]);
    expect(analyseQuery('marché rés ').map((t) => t.prefix)).toEqual([false, false]);
  });

  it('turns identifiers into their normal form before anything else', () => {
    expect(analyseQuery('article L. 2113-12').map((t) => t.words)).toEqual([['article'], ['l2113x12']]);
  });
});
