import { escapeHtml, renderEmail, safeHref } from './email.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in an element and a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('Загранпаспорт — 35×45')).toBe('Загранпаспорт — 35×45');
  });
});

describe('safeHref', () => {
  it('accepts a web page or a mailbox, nothing else', () => {
    expect(safeHref('https://okno.example/s/1')).toBe('https://okno.example/s/1');
    expect(safeHref('mailto:a@okno.example')).toBe('mailto:a@okno.example');
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      '/relative',
      'vbscript:x',
    ]) {
      expect(safeHref(url), url).toBeNull();
    }
  });
});

describe('renderEmail', () => {
  it('writes each kind of block as plain text and as HTML', () => {
    const r = renderEmail(
      'Тема & <тест>',
      [
        { paragraph: ['Строка 1', 'Строка 2'] },
        { title: 'Что взять:', list: ['Паспорт', 'СНИЛС'] },
        { link: 'https://okno.example/s/1', label: 'Ссылка' },
        { note: 'Мелко' },
      ],
      'ru',
    );
    expect(r.subject).toBe('Тема & <тест>');
    expect(r.text).toBe(
      'Строка 1\nСтрока 2\n\nЧто взять:\n— Паспорт\n— СНИЛС\n\nСсылка: https://okno.example/s/1\n\nМелко',
    );
    expect(r.html).toContain('<title>Тема &amp; &lt;тест&gt;</title>');
    expect(r.html).toContain(
      '<p>Строка 1<br>\nСтрока 2</p>\n<p>Что взять:</p>\n<ul>\n<li>Паспорт</li>\n<li>СНИЛС</li>\n</ul>',
    );
    expect(r.html).toContain('<p><a href="https://okno.example/s/1">Ссылка</a></p>');
    expect(r.html).toContain('<p style="color:#59636e;font-size:13px">Мелко</p>\n</body>\n</html>\n');
  });

  it('shows an unsafe link as words', () => {
    const r = renderEmail('Т', [{ link: 'javascript:alert(1)', label: 'Ссылка' }], 'en');
    expect(r.html).toContain('<p>Ссылка: javascript:alert(1)</p>');
    expect(r.html).toContain('<html lang="en">');
  });
});
