// Client HTML made safe to show: the UI renders it in a sandboxed iframe (no scripts) as well, but the
// stored copy must already be harmless: no scripts, event handlers, forms, frames, style sheets, javascript:
// URLs, and no remote images (they would tell the sender when and where the message was read).
import sanitizeHtml from 'sanitize-html';

export const BLOCKED_IMAGE_TITLE = 'Remote image blocked';

const options: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'style'), 'img', 'font', 'center', 'u', 's', 'small', 'big'],
  disallowedTagsMode: 'discard',
  allowedAttributes: {
    a: ['href', 'name', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    font: ['color', 'size'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'align'],
    '*': ['style', 'dir', 'lang', 'align'],
  },
  // Only properties that cannot load anything or overlay the page (no url(), no position).
  allowedStyles: {
    '*': {
      color: [/^[#\w\s(),.%]+$/],
      'background-color': [/^[#\w\s(),.%]+$/],
      'font-weight': [/^\w+$/],
      'font-style': [/^\w+$/],
      'font-size': [/^[\w.%]+$/],
      'font-family': [/^[\w\s,'"-]+$/],
      'text-align': [/^\w+$/],
      'text-decoration': [/^[\w\s]+$/],
      margin: [/^[\w\s.%-]+$/],
      padding: [/^[\w\s.%-]+$/],
      width: [/^[\w.%]+$/],
      border: [/^[#\w\s.%-]+$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }),
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      if (/^data:image\//i.test(src)) return { tagName, attribs };
      // Remote (or cid:, not served yet) images: keep the box and its alternative text, drop the address.
      const { src: _dropped, ...rest } = attribs;
      return { tagName, attribs: { ...rest, alt: rest.alt || BLOCKED_IMAGE_TITLE, title: BLOCKED_IMAGE_TITLE } };
    },
  },
};

export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, options);
}
