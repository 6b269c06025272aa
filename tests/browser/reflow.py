"""Reflow (WCAG 2.1 AA 1.4.10) and resized text (1.4.4): the measurement the axe walk makes on every page state.

tests/browser/test_axe_every_page.py measures each page state it visits, right after axe, three
times without reloading:

* at 320x640 CSS px (a 1280 px screen at 400% zoom; the width 1.4.10 names),
* at 1280x800 (a desktop),
* at 1280x800 with the root font size at 200%: text-only zoom, as a browser's "text size"
  setting does. The guide sizes text, spacing and most boxes in rem, so this doubles nearly
  everything except the viewport; it is stricter than page zoom at 200%, which is the 640 px
  viewport that lies between the two widths above.

A page passes when it needs no horizontal scrolling and no element sticks out past the right
edge of the viewport, except inside a scroll region of its own: an element with `overflow-x:
auto` (or scroll), `role="region"`, `tabindex="0"` (keyboard users can scroll it) and an
accessible name (screen readers announce it). Every element that does scroll sideways must be
such a region. A failure names the elements that stick out, so that it can be fixed.

On the back offices' pages the same walk checks the tabs: the current one is marked
`aria-current="page"` and is drawn differently.
"""

from __future__ import annotations

WIDTHS = [(320, 640, "320 px"), (1280, 800, "1280 px"), (1280, 800, "1280 px, text 200%")]

# Returns what is wrong on the page as it is now: a list of short descriptions (empty when it reflows).
OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const limit = root.clientWidth + 1;  // sub-pixel rounding
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) {
      name += '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.');
    }
    const parent = el.parentElement;
    const where = parent && parent !== document.body ? describe_short(parent) + ' > ' : '';
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    const box = el.getBoundingClientRect();
    const right = Math.max(box.right, el instanceof HTMLElement && el.clientWidth ? box.left + el.scrollWidth : 0);
    return `${where}${name} (right edge ${Math.round(right)} px${text ? `, "${text}"` : ''})`;
  };
  const describe_short = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) name += '.' + el.className.trim().split(/\\s+/)[0];
    return name;
  };
  const scrolls = (el) => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX);
  };
  const named = (el) => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    return ids.some((id) => (document.getElementById(id)?.textContent || '').trim());
  };
  const isRegion = (el) => scrolls(el) && el.getAttribute('role') === 'region'
    && el.getAttribute('tabindex') === '0' && named(el);
  const problems = [];
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`);
  }
  // Elements that scroll sideways must be scroll regions users can reach and hear.
  for (const el of document.body.querySelectorAll('*')) {
    if (el.scrollWidth > el.clientWidth + 1 && scrolls(el) && !isRegion(el)
        && !['TEXTAREA', 'SELECT', 'INPUT'].includes(el.tagName)) {
      problems.push(`scrolls sideways without being a named, focusable region: ${describe(el)}`);
    }
  }
  // Elements past the right edge, outside a scroll region (also when an ancestor clips them).
  const outside = [];
  const walk = (el) => {
    if (isRegion(el)) return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const box = el.getBoundingClientRect();
    // Visually hidden text (1 px, clipped) and empty boxes show nothing.
    const shown = box.width > 1 && box.height > 1;
    let childOutside = false;
    for (const child of el.children) childOutside = walk(child) || childOutside;
    // Its box, or text overflowing its box (a long word in a heading), past the right edge.
    const content = el instanceof HTMLElement && style.overflowX === 'visible' && el.clientWidth
      ? box.left + el.scrollWidth : 0;
    const sticksOut = shown && Math.max(box.right, content) + window.scrollX > limit;
    // Report the deepest elements: they are the ones to fix.
    if (sticksOut && !childOutside) outside.push(el);
    return sticksOut || childOutside;
  };
  walk(document.body);
  for (const el of outside.slice(0, 6)) problems.push(`past the right edge: ${describe(el)}`);
  if (outside.length > 6) problems.push(`and ${outside.length - 6} more elements past the right edge`);
  return problems;
}"""


# The back offices' tabs (organise, moderate, administer): the link to the page itself is the one
# marked aria-current="page", and it looks different from the others (not by colour alone).
TABS_JS = """() => {
  const problems = [];
  for (const nav of document.querySelectorAll('nav.manage-tabs')) {
    const links = [...nav.querySelectorAll('a')];
    const here = links.filter((a) => new URL(a.href).pathname === location.pathname);
    const marked = links.filter((a) => a.getAttribute('aria-current') === 'page');
    if (here.length && (marked.length !== 1 || marked[0] !== here[0])) {
      problems.push(`tab "${here[0].textContent.trim()}" is this page but aria-current marks `
        + `${marked.map((a) => `"${a.textContent.trim()}"`).join(', ') || 'no tab'}`);
    }
    for (const a of marked) {
      const other = links.find((b) => b !== a);
      const line = (el) => getComputedStyle(el).borderBottomWidth + ' ' + getComputedStyle(el).fontWeight;
      if (other && line(a) === line(other)) {
        problems.push(`current tab "${a.textContent.trim()}" looks like the others`);
      }
    }
  }
  return problems;
}"""


def reflow_problems(page) -> dict[str, list[str]]:
    """Measure the open page at each width (and at 200% text); leave it as it was."""
    original = page.viewport_size or {"width": 1280, "height": 720}
    found = {}
    for width, height, label in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        big_text = "200%" in label
        page.evaluate("(size) => { document.documentElement.style.fontSize = size; }", "200%" if big_text else "")
        if problems := page.evaluate(OVERFLOW_JS):
            found[label] = problems
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    page.set_viewport_size(original)
    return found
