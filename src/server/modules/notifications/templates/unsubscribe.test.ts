import { renderMessage } from './render.js';
import { withUnsubscribe } from './unsubscribe.js';

const email = () =>
  renderMessage('channel.test', 'email', { locale: 'ru', name: 'Анна', timeZone: 'Europe/Moscow' });

describe('withUnsubscribe', () => {
  it('appends the unsubscribe line to the text and, as a link, to the HTML before </body>', () => {
    const rendered = email();
    const url = 'https://okno.example/unsubscribe?t=a1&c=email';
    const out = withUnsubscribe(rendered, url, 'ru');
    expect(out.subject).toBe(rendered.subject);
    expect(out.text).toBe(`${rendered.text}\n\nОтписаться от уведомлений: ${url}`);
    expect(out.html).toContain(
      '<p style="color:#59636e;font-size:13px"><a href="https://okno.example/unsubscribe?t=a1&amp;c=email">Отписаться от уведомлений</a></p>\n</body>\n</html>\n',
    );
    expect(out.html!.indexOf('Письмо отправлено автоматически')).toBeLessThan(
      out.html!.indexOf('Отписаться'),
    );
  });

  it('leaves the rendered message as it was', () => {
    const rendered = email();
    const before = structuredClone(rendered);
    withUnsubscribe(rendered, 'https://okno.example/u/1', 'en');
    expect(rendered).toEqual(before);
  });

  it('speaks the locale', () => {
    const out = withUnsubscribe(email(), 'https://okno.example/u/1', 'en');
    expect(out.text.endsWith('\n\nUnsubscribe from notifications: https://okno.example/u/1')).toBe(true);
    expect(out.html).toContain('<a href="https://okno.example/u/1">Unsubscribe from notifications</a>');
  });

  it('escapes the address and never links a script', () => {
    const out = withUnsubscribe(email(), 'https://okno.example/u/"><script>x</script>', 'ru');
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&quot;&gt;&lt;script&gt;');
    const script = withUnsubscribe(email(), 'javascript:alert(1)', 'ru');
    expect(script.html).not.toContain('href="javascript');
    expect(script.html).toContain('Отписаться от уведомлений: javascript:alert(1)</p>');
  });

  it('links a mailbox too', () => {
    const out = withUnsubscribe(email(), 'mailto:unsubscribe@okno.example', 'ru');
    expect(out.html).toContain('<a href="mailto:unsubscribe@okno.example">');
  });

  it('appends to a plain text alone when there is no HTML', () => {
    expect(withUnsubscribe({ text: 'Текст' }, 'https://okno.example/u/1', 'ru')).toEqual({
      text: 'Текст\n\nОтписаться от уведомлений: https://okno.example/u/1',
    });
  });

  it('appends at the end of an HTML without </body>', () => {
    const out = withUnsubscribe({ text: 'Т', html: '<p>Т</p>' }, 'https://okno.example/u/1', 'ru');
    expect(out.html).toBe(
      '<p>Т</p>\n<p style="color:#59636e;font-size:13px"><a href="https://okno.example/u/1">Отписаться от уведомлений</a></p>',
    );
  });
});
