// PurgeCSS (run by `make setup`): the style guide's main.css holds every component of the City of
// Ghent's style guide, about ten times what our pages use. Only rules whose classes, ids, tags and
// attributes occur in the files below are shipped (static/gent/css/main.css); fonts, keyframes and
// custom properties are all kept. See docs/static-assets.md.
export const css = ["node_modules/gent_styleguide/build/css/main.css"];

// Everything that writes markup: templates, the Python code (form widgets, Markdown's allowed tags,
// class names chosen in views) and our scripts.
export const content = ["templates/**/*.html", "participation/**/*.py", "static/js/**/*.js"];

// Every HTML element: a rule for an element applies wherever one appears (a word found in no file
// of ours may still come from WTForms' widgets or from Markdown in a resident's comment).
const ELEMENTS = `a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite
  code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer
  form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li main map mark menu
  meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s samp search section
  select small source span strong sub summary sup svg table tbody td template textarea tfoot th thead time tr
  track u ul var video wbr`.split(/\s+/);

export const safelist = {
  standard: [new RegExp(`^(${ELEMENTS.join("|")})$`)],
  // Attribute values set at run time: WTForms' input types, ARIA states.
  greedy: [/\[type=/, /\[aria-/],
};
