// A client-side preview of visitd's message templates: the Mustache subset the server's
// templates use ({{name}}, {{#name}}…{{/name}}, {{^name}}…{{/name}}, {{! comment}}). Values are
// HTML-escaped when `html` is set, as the server does for htmlBody; the result is only ever
// shown as text, never inserted as markup.

const kMaxDepth = 8;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function renderTemplate(template: string, values: Record<string, string>, html = false, depth = 0): string {
  if (depth > kMaxDepth) return template;
  const sections = /\{\{([#^])\s*([\w.]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
  const withSections = template.replace(sections, (_m, sigil: string, name: string, inner: string) => {
    const truthy = (values[name] ?? '') !== '';
    return (sigil === '#') === truthy ? renderTemplate(inner, values, html, depth + 1) : '';
  });
  return withSections
    .replace(/\{\{!\s*[\s\S]*?\}\}/g, '')
    .replace(/\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{&?\s*([\w.]+)\s*\}\}/g, (_m, raw?: string, name?: string) => {
      const v = values[(raw ?? name) as string] ?? '';
      return html && !raw ? escapeHtml(v) : v;
    });
}
