import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTemplate } from '../src/lib/mustache';

describe('message template preview', () => {
  const values = { name: 'Ann <b>&</b>', manageUrl: 'https://x.test/m/1', joinUrl: '' };

  it('fills in values and leaves unknown names empty', () => {
    expect(renderTemplate('Hi {{name}}, {{unknown}}!', values)).toBe('Hi Ann <b>&</b>, !');
  });

  it('escapes values in HTML but not the template itself', () => {
    expect(renderTemplate('<p>{{ name }}</p>', values, true)).toBe('<p>Ann &lt;b&gt;&amp;&lt;/b&gt;</p>');
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });

  it('shows a section only when its value is set, and an inverted one only when it is not', () => {
    const t = '{{#manageUrl}}Manage: {{manageUrl}}{{/manageUrl}}{{#joinUrl}}Join{{/joinUrl}}{{^joinUrl}}no join{{/joinUrl}}';
    expect(renderTemplate(t, values)).toBe('Manage: https://x.test/m/1no join');
  });

  it('drops comments', () => {
    expect(renderTemplate('a{{! note }}b', values)).toBe('ab');
  });
});
