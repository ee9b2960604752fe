/// The Mustache templates of the HTML reports. Self-contained: inline CSS and SVG, no scripts,
/// nothing fetched from anywhere, so a report opens offline.
enum HTMLTemplates {
  /// A whole page: `title`, `lang`, `head` (HTML: the document's title and introduction), `charts`,
  /// `body` (HTML: the rest of the document). The pages of `dekom serve` fill four more slots that
  /// the written reports leave empty (standalone sections, so the reports' bytes do not change):
  /// `pageStyle` (more CSS), `nav` (HTML before the document) and `after` (HTML after it); and
  /// `refresh` (`seconds`, `address`: load the page again, while its explanations are computed).
  ///
  /// The print rules come last, after `pageStyle`, so that they win: an A4 page, smaller type and
  /// cells, no table row split across pages, a table's header row again on each page, and none of
  /// the server's navigation, forms and explanation links on paper.
  static let page = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="\(HTMLPage.contentSecurityPolicy)">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {{#refresh}}
    <meta http-equiv="refresh" content="{{seconds}}; url={{address}}">
    {{/refresh}}
    <title>{{title}}</title>
    <style>
    body { font-family: "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2630; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.4; }
    h1 { font-size: 1.7rem; border-bottom: 3px solid #2f6f8f; padding-bottom: .3rem; }
    h2 { font-size: 1.3rem; margin-top: 2rem; color: #2f6f8f; }
    h3 { font-size: 1.1rem; margin-top: 1.5rem; }
    blockquote { background: #fff6dd; border-left: 4px solid #e0b040; margin: 1rem 0; padding: .5rem 1rem; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
    th, td { border: 1px solid #c9d3dc; padding: .25rem .5rem; vertical-align: top; }
    th { background: #e8eff4; text-align: left; }
    td[align="right"], td[style*="right"] { white-space: nowrap; }
    tr:nth-child(even) td { background: #f7f9fb; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(36rem, 1fr)); gap: 1rem 2rem; }
    figure { margin: 0; }
    figcaption { font-weight: 600; margin-bottom: .3rem; }
    svg text { font-family: inherit; font-size: 12px; fill: #1d2630; }
    tr:has(a:target) td { background: #fff6dd; }
    {{#pageStyle}}
    {{{.}}}
    {{/pageStyle}}
    @page { size: A4; margin: 12mm 10mm 14mm; }
    @media print {
    body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.25; }
    h1 { font-size: 15pt; margin: 0 0 .5rem; }
    h2 { font-size: 12.5pt; margin: 1.2rem 0 .4rem; }
    h3 { font-size: 10.5pt; margin: .9rem 0 .3rem; }
    h4 { font-size: 9.5pt; margin: .6rem 0 .2rem; }
    h1, h2, h3, h4 { break-after: avoid; }
    p, ul { margin: .3rem 0; }
    blockquote { margin: .5rem 0; padding: .2rem .6rem; }
    table { font-size: 7.5pt; line-height: 1.2; width: 100%; margin: .2rem 0 .6rem; }
    th, td { padding: 1px 3px; }
    th:nth-child(10):last-child { width: 26%; }
    thead { display: table-header-group; }
    tr, figure { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
    .charts { display: block; }
    figure { margin-bottom: .6rem; }
    svg { max-width: 100%; height: auto; }
    nav.site, .notice, form, section.explain { display: none; }
    }
    </style>
    </head>
    <body>
    {{#nav}}
    {{{.}}}
    {{/nav}}
    {{{head}}}
    <section class="charts">
    {{#charts}}
    <figure>
    <figcaption>{{heading}}</figcaption>
    {{> chart}}
    </figure>
    {{/charts}}
    </section>
    {{{body}}}
    {{#after}}
    {{{.}}}
    {{/after}}
    </body>
    </html>

    """

  /// A horizontal bar chart: `width`, `height`, `legend` (`x`, `color`, `label`), `rows` (`y`,
  /// `label`, `labelY`, `bars` (`x`, `y`, `width`, `height`, `color`, `title`), `value`, `valueX`).
  static let chart = """
    <svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img">
    {{#legend}}<rect x="{{x}}" y="4" width="12" height="12" fill="{{color}}"/><text x="{{textX}}" y="14">{{label}}</text>
    {{/legend}}
    {{#rows}}
    <text x="{{labelX}}" y="{{labelY}}" text-anchor="end">{{label}}</text>
    {{#bars}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="{{color}}"><title>{{title}}</title></rect>
    {{/bars}}
    <text x="{{valueX}}" y="{{labelY}}">{{value}}</text>
    {{/rows}}
    </svg>
    """
}
