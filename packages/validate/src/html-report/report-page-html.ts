import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-css.js';

export interface ReportPageSection {
  readonly id: string;
  readonly title: string;
  /** One paragraph saying what the section shows. */
  readonly intro: string;
  /** Trusted HTML made by this package's section builders. */
  readonly html: string;
}

/**
 * The whole page: one file, no script, no external resource of any kind (styles inline,
 * charts inline SVG, system fonts), with the synthetic-data notice at the top and bottom.
 */
export function reportPageHtml(options: {
  readonly title: string;
  readonly subtitle: string;
  readonly notice: string;
  readonly sections: readonly ReportPageSection[];
}): string {
  const { title, subtitle, notice, sections } = options;
  const nav = sections
    .map((section) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`)
    .join('');
  const body = sections
    .map(
      (section) => `<section id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 id="${section.id}-heading">${escapeHtml(section.title)}</h2>
<p>${escapeHtml(section.intro)}</p>
${section.html}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(subtitle)}</p>
<p class="notice" role="note">⚠ ${escapeHtml(notice)} Every chart and table below shows synthetic data about a made-up region; never use it for real healthcare decisions.</p>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
<main>
${body}
</main>
<footer><p>${escapeHtml(notice)}</p><p>Made by lm-synth report: one self-contained file, charts rendered to SVG when the report was made, no scripts and no network requests.</p></footer>
</body>
</html>
`;
}
