import { markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and links, with rel="noopener nofollow" on links', () => {
    const html = renderMarkdown(
      '## Contexte\n\n- **50 %** de produits durables\n- voir [le guide](https://www.economie.gouv.fr/daj)',
    );
    expect(html).toContain('<h2>Contexte</h2>');
    expect(html).toContain('<strong>50 %</strong>');
    expect(html).toContain('<a href="https://www.economie.gouv.fr/daj" rel="noopener nofollow">le guide</a>');
  });

  it('never lets scripts, event handlers or javascript: URLs through', () => {
    const attacks = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[clic](javascript:alert(1))',
      '[clic](JaVaScRiPt:alert(1))',
      '[clic](  javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<svg onload=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '![x](https://evil.example/x.png" onerror="alert(1))',
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      // no such element, no event-handler attribute inside a tag, no dangerous URL in an attribute
      expect(html).not.toMatch(/<(script|img|svg|iframe)/i);
      expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*(javascript|data|vbscript):/i);
    }
  });

  it('keeps raw HTML as visible text rather than markup', () => {
    expect(renderMarkdown('a <b>b</b>')).toBe('<p>a &lt;b&gt;b&lt;/b&gt;</p>');
  });

  it('turns Markdown into plain text', () => {
    expect(markdownToText('## Titre\n\nDu **gras** & <b>du HTML</b>')).toBe('Titre Du gras & <b>du HTML</b>');
  });
});
