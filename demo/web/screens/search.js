// Finding users (RAE, co-RAE) across the enterprise's qualities with the guide's eight criteria:
// quality, username, name, first name, title, NISS, language and e-mail; once a quality is
// chosen, also by the secured application granted. The criteria live in the address
// (#/search?name=smith&page=1), so a search can be reloaded, linked to and paged.

import { engineData } from "../api.js";
import { h, link, uid } from "../dom.js";
import { field, form, languageOptions, submit } from "../forms.js";
import { pick, tn } from "../i18n.js";
import { roleName } from "../policy.js";
import { href } from "../router.js";
import { memberPath } from "./members.js";

// The person's detail in the quality (or, for a co-RAE, the enterprise) where the row was found.
function detailLink(ctx, row) {
  const name = `${row.first_name} ${row.name}`;
  const label = ctx.t("search.detail_for", { name });
  if (row.quality) return link(row.name, ctx.href(memberPath(row.quality, row.role, "edit")), { "aria-label": label });
  if (row.kind === "co_rae") return link(row.name, ctx.href(`/co-rae/${encodeURIComponent(row.role)}/edit`), { "aria-label": label });
  return row.name;
}

const TEXT = ["username", "name", "first_name", "title", "niss", "email"];
const CRITERIA = ["quality", ...TEXT, "language", "application"];
const PAGE_SIZE = 10;

function applicationsOf(qualityType) {
  const type = engineData.catalogue.qualities.qualities.find((q) => q.id === qualityType);
  const names = engineData.catalogue.qualities.applications;
  return (type?.applications ?? []).map((id) => ({ value: id, label: pick(names[id]) || id }));
}

export const screens = [
  {
    id: "search",
    path: "/search",
    auth: "profile",
    menu: { group: "enterprise", action: "users.search", label: "menu.search", order: 30 },
    async render(ctx) {
      const { t, query } = ctx;
      ctx.setTitle(t("search.title"));
      // The qualities to choose from: the enterprise's (RAE, co-RAE), or the profile's own.
      let qualities;
      if (ctx.session.profile.quality) {
        qualities = [ctx.session.profile.quality];
      } else {
        const enterprise = await ctx.run("enterprise.view");
        if (!enterprise) return;
        qualities = enterprise.qualities;
      }
      const typeOf = new Map(qualities.map((q) => [q.id, q.type]));
      const appSlot = h("div", { class: "demo-application-slot" });
      const drawApplications = (qualityId, value = "") => {
        appSlot.replaceChildren();
        if (!qualityId) return;
        appSlot.append(field({ name: "application", label: t("search.application"), type: "select", value,
          paths: ["application"], options: [{ value: "", label: t("form.any") }, ...applicationsOf(typeOf.get(qualityId))] }));
      };
      const qualityField = field({
        name: "quality", label: t("search.quality"), type: "select", value: query.quality ?? "", paths: ["quality"],
        options: [{ value: "", label: t("search.all_qualities") },
          ...qualities.map((q) => ({ value: q.id, label: `${q.name} (${q.identifier_formatted})` }))],
      });
      qualityField.querySelector("select").addEventListener("change", (event) => drawApplications(event.target.value));
      drawApplications(query.quality, query.application ?? "");

      const criteria = form({
        label: t("search.criteria"),
        onSubmit: async (values) => {
          const chosen = Object.fromEntries(CRITERIA.map((c) => [c, values[c] ?? ""]));
          ctx.navigate("/search", { ...chosen, page: 1 });
        },
      },
      h("fieldset", {},
        h("legend", {}, t("search.criteria")),
        qualityField,
        appSlot,
        field({ name: "username", label: t("account.username"), value: query.username, autocomplete: "off" }),
        field({ name: "name", label: t("account.name"), value: query.name, autocomplete: "off" }),
        field({ name: "first_name", label: t("account.first_name"), value: query.first_name, autocomplete: "off" }),
        field({ name: "title", label: t("account.title"), value: query.title, autocomplete: "off" }),
        field({ name: "niss", label: t("account.niss"), value: query.niss, inputmode: "numeric", autocomplete: "off",
          hint: t("search.niss_hint") }),
        field({ name: "language", label: t("account.language"), type: "select", value: query.language ?? "",
          options: languageOptions({ empty: true }) }),
        field({ name: "email", label: t("account.email"), value: query.email, autocomplete: "off" })),
      h("div", { class: "demo-actions" },
        link(t("search.clear"), href("/search"), { class: "md-button" }),
        submit(t("search.submit"))));
      ctx.main.append(h("p", {}, t("search.intro")), criteria);

      if (!query.page) return;
      const args = { page: Math.max(1, Number.parseInt(query.page, 10) || 1), page_size: PAGE_SIZE };
      for (const key of CRITERIA) if (query[key]) args[key] = query[key];
      const found = await ctx.run("users.search", args, { form: criteria });
      if (!found) return;
      const resultsId = uid("results");
      const heading = h("h3", { id: resultsId, tabindex: "-1" }, tn("search.found", found.total));
      const pageLink = (page, label) => link(label, href("/search", { ...query, page }));
      const pager = found.pages > 1 ? h("nav", { class: "demo-pager", "aria-label": t("search.pages") },
        found.page > 1 ? pageLink(found.page - 1, t("search.previous")) : null,
        h("span", {}, t("search.page_of", { page: found.page, pages: found.pages })),
        found.page < found.pages ? pageLink(found.page + 1, t("search.next")) : null) : null;
      const qualityName = new Map(qualities.map((q) => [q.id, q.name]));
      ctx.main.append(h("section", { "aria-labelledby": resultsId, class: "demo-block demo-results" },
        heading,
        found.items.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
          h("caption", { class: "demo-sr-only" }, tn("search.found", found.total)),
          h("thead", {}, h("tr", {}, [t("account.name"), t("account.first_name"), t("account.username"),
            t("co_rae.col.kind"), t("account.niss"), t("gl.summary_status"), t("search.quality")]
            .map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, found.items.map((row) => h("tr", {},
            h("td", {}, detailLink(ctx, row)), h("td", {}, row.first_name), h("td", {}, row.username ?? "—"),
            h("td", {}, roleName(row.kind)), h("td", {}, row.niss_formatted), h("td", {}, t(`status.${row.status}`)),
            h("td", {}, qualityName.get(row.quality) ?? "—")))))) : null,
        pager));
      ctx.announce(tn("search.found", found.total));
      ctx.focus(heading);
    },
  },
];
