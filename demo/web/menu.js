// The menu of a profile, derived from the engine's policy table: each screen that declares a
// `menu` entry (screens/*.js) is listed when the profile's role is in the allow list of the
// entry's action, listed and marked when the role is in its deny list (the screen then shows the
// engine's explanation), and left out otherwise. An RAE who opens a quality (#/quality/<id>/…)
// gets the quality group too: the local manager's menu, as the guide describes.
//
// Groups: "enterprise" (profiles without a quality: legal representative, RAE, co-RAE),
// "quality" (a quality in context: the profile's own, or the one opened), "account" and
// "assignment" (everyone logged in).

import { h } from "./dom.js";
import { t } from "./i18n.js";
import { decide } from "./policy.js";
import { href } from "./router.js";

export const GROUPS = ["enterprise", "quality", "account", "assignment"];

function groupVisible(group, ctx) {
  if (!ctx.session.token) return false;
  if (group === "enterprise") return Boolean(ctx.session.profile) && !ctx.session.profile.quality;
  if (group === "quality") return Boolean(ctx.quality);
  return true;
}

// The entries a profile gets: [{group, items: [{screen, state: "allowed"|"denied", hash}]}].
export function entries(screens, ctx) {
  const out = [];
  for (const group of GROUPS) {
    if (!groupVisible(group, ctx)) continue;
    const items = screens
      .filter((s) => s.menu?.group === group)
      .map((screen) => ({ screen, state: screen.menu.action ? decide(ctx.role, screen.menu.action) : "allowed" }))
      .filter((item) => item.state !== "none")
      .sort((a, b) => (a.screen.menu.order ?? 0) - (b.screen.menu.order ?? 0))
      .map((item) => ({ ...item, hash: href(item.screen.path.replace(":quality", encodeURIComponent(ctx.quality ?? ""))) }));
    if (items.length) out.push({ group, items });
  }
  return out;
}

// Beside the screen on a wide window the menu is open; on a narrow one (a phone) it is one
// control that opens it, and the screen comes first. The width decides each time it is drawn.
const WIDE = window.matchMedia("(min-width: 60em)");

export function render(nav, screens, ctx) {
  const current = location.hash.split("?")[0];
  const home = href("/home");
  const link = (hash, label, extra = null) =>
    h("a", { href: hash, "aria-current": current === hash ? "page" : null }, label, extra);
  nav.replaceChildren();
  if (!ctx.session.token) return;
  const body = h("div", { class: "demo-menu-body" });
  const details = h("details", { class: "demo-menu-details", open: WIDE.matches },
    h("summary", { class: "md-button" }, t("menu.open")), body);
  WIDE.onchange = () => (details.open = WIDE.matches);
  nav.append(details);
  body.append(h("ul", { class: "demo-menu-home" }, h("li", {}, link(home, t("menu.home")))));
  for (const { group, items } of entries(screens, ctx)) {
    const labelId = `demo-menu-${group}`;
    body.append(
      h("p", { class: "demo-menu-group", id: labelId }, t(`menu.group.${group}`)),
      h("ul", { "aria-labelledby": labelId }, items.map(({ screen, state, hash }) =>
        h("li", { dataset: { state } }, link(hash, t(screen.menu.label),
          state === "denied" ? h("span", { class: "demo-locked" }, " ", t("menu.denied")) : null)))));
  }
}
