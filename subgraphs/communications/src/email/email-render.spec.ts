import { escapeHtml, renderEmail, textToHtml, withUnsubscribeLink } from './email-render';

const opts = { timeZone: 'Europe/Prague', language: 'en' };
const ctx = (firstName: string) => ({
  guest: { firstName, lastName: 'Novak' },
  organization: { name: 'Hotel <Royal> & Spa' },
});

describe('email rendering', () => {
  it('should fill merge fields in the subject, the text and the HTML when a template has all three', () => {
    const parts = renderEmail(
      {
        subject: 'Welcome, {{guest.firstName}}',
        body: 'Hi {{guest.fullName}}, see you at {{organization.name}}.',
        html: '<p>Hi <b>{{guest.fullName}}</b>, see you at {{organization.name}}.</p>',
      },
      ctx('Ann'),
      opts,
    );
    expect(parts.subject).toBe('Welcome, Ann');
    expect(parts.text).toBe('Hi Ann Novak, see you at Hotel <Royal> & Spa.');
    expect(parts.html).toBe(
      '<p>Hi <b>Ann Novak</b>, see you at Hotel &lt;Royal&gt; &amp; Spa.</p>',
    );
  });

  it('should escape merged values in the HTML part but keep the template markup when a value holds HTML', () => {
    const parts = renderEmail(
      { subject: 'Hi', body: '{{guest.firstName}}', html: '<h1>{{guest.firstName}}</h1>' },
      ctx('<script>alert("x")</script>'),
      opts,
    );
    expect(parts.html).toBe('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    // The text part is plain text: nothing to escape there.
    expect(parts.text).toBe('<script>alert("x")</script>');
  });

  it('should make the HTML part from the text when the template has no HTML', () => {
    const parts = renderEmail(
      { subject: 'Hi', body: 'Line one\nline <two>\n\nNew paragraph', html: null },
      ctx('Ann'),
      opts,
    );
    expect(parts.html).toContain('<p>Line one<br>\nline &lt;two&gt;</p>\n<p>New paragraph</p>');
    expect(textToHtml('a & b')).toContain('<p>a &amp; b</p>');
  });

  it('should keep the subject on one line when a merged value has line breaks', () => {
    const parts = renderEmail(
      { subject: 'Hello {{guest.firstName}}!', body: 'x', html: null },
      ctx('Ann\r\nBcc: evil@example.com'),
      opts,
    );
    expect(parts.subject).toBe('Hello Ann Bcc: evil@example.com!');
  });

  it('should add the unsubscribe link to both parts, escaped in the HTML', () => {
    const url = 'https://example.com/email/unsubscribe/a.b?x=1&y=2';
    const out = withUnsubscribeLink({ text: 'Hi', html: textToHtml('Hi') }, url);
    expect(out.text).toContain(`Unsubscribe: ${url}`);
    expect(out.html).toContain(`<a href="${escapeHtml(url)}">Unsubscribe</a>`);
    expect(out.html.indexOf('Unsubscribe')).toBeLessThan(out.html.indexOf('</body>'));
  });
});
