// DOM helpers. Every text a reader or the engine supplies goes in through textContent or an
// attribute value, never through innerHTML: a name such as <img src=x onerror=alert(1)> then
// shows as those characters and cannot become markup. Nothing in demo/web uses innerHTML.

let counter = 0;

// A page-unique id for label/aria links: `uid("field")` -> "demo-field-7".
export function uid(prefix = "id") {
  counter += 1;
  return `demo-${prefix}-${counter}`;
}

// h("p", {class: "x", "aria-live": "polite", on: {click: fn}}, "text", child, [children])
// - props: `class`, `text` (textContent), `on` (event listeners), `dataset` (data-*),
//   boolean values set or drop the attribute, every other key is an attribute; null/undefined
//   values are skipped. Properties `value`, `checked`, `selected`, `disabled` are set as properties.
// - children: strings (text nodes), nodes, arrays of either; null/false are skipped.
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") element.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "text") element.textContent = String(value);
    else if (key === "on") for (const [type, listener] of Object.entries(value)) element.addEventListener(type, listener);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key === "value" || key === "checked" || key === "selected" || key === "disabled") element[key] = value;
    else if (value === true) element.setAttribute(key, "");
    else if (value === false) element.removeAttribute(key);
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// A definition list from [[term, value], ...]; values may be nodes or text; empty values show "—".
export function dl(rows, props = {}) {
  return h("dl", { class: "demo-dl", ...props },
    rows.flatMap(([term, value]) => [
      h("dt", {}, term),
      h("dd", {}, value === null || value === undefined || value === "" ? "—" : value),
    ]));
}

// A table: caption, column headers and rows of cells (text or nodes).
export function table({ caption, columns, rows, className = "demo-table" }) {
  return h("div", { class: "demo-table-wrap" },
    h("table", { class: className },
      caption ? h("caption", {}, caption) : null,
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c) => h("td", {}, c)))))));
}

// A table never scrolls sideways nor hides a column (Actions last): one that does not fit its box
// (a phone, or a wide table beside the menu) is shown as one card per row, each cell named by its
// column's header (data-label, shown by demo.css). Checked whenever a screen draws a table and
// whenever the window's width changes.
export function fitTables(root) {
  for (const wrap of root.querySelectorAll(".demo-table-wrap")) {
    const table = wrap.querySelector("table");
    if (!table) continue;
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        if (headers[i] && cell.dataset.label !== headers[i]) cell.dataset.label = headers[i];
      });
    }
    wrap.classList.remove("demo-cards");
    if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.classList.add("demo-cards");
  }
}

// A button that never submits a form by accident.
export function button(label, onClick, props = {}) {
  return h("button", { type: "button", class: "md-button", ...props, on: { click: onClick } }, label);
}

// A link inside the demo's router ("#/path?query").
export function link(label, hash, props = {}) {
  return h("a", { href: hash, ...props }, label);
}

// Moves focus to an element that is not focusable by nature (headings, message boxes).
export function focus(element) {
  if (!element) return;
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.tabIndex = -1;
  element.focus({ preventScroll: false });
}

// Offer a text as a file download (export); the object URL is revoked once the click is done.
export function download(filename, text, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = h("a", { href: url, download: filename, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
