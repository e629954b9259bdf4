// A person's own role assignments ("Ma gestion des rôles eGov"): the list with the e-mail linked
// to each, the deactivation of one (its manager is told by e-mail), the change of the e-mail of
// one or several at once, accepting an invitation or a link with its code — and the request of a
// role by oneself, which the engine refuses with its explanation: a manager invites, assigns or
// publishes a link.

import { button, dl, focus, h, link, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { formatDate } from "../i18n.js";
import { roleName } from "../policy.js";

function where(role) {
  return role.quality ? `${role.quality.name} — ${role.enterprise.name}` : role.enterprise.name;
}

function grants(role) {
  return role.applications.map((a) => `${a.name} (${formatDate(a.granted)})`).join(", ") || "—";
}

async function listScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("mine.title"));
  const roles = await ctx.run("assignment.list_own");
  if (!roles) return;
  const confirmArea = h("div", { class: "demo-confirm", hidden: true });
  const errorId = uid("roles-error");

  function confirmDeactivation(role, trigger) {
    ctx.clearMessages();
    const textId = uid("confirm");
    confirmArea.replaceChildren(
      h("p", { id: textId }, t("mine.confirm_deactivate", { role: roleName(role.kind), where: where(role) })),
      h("div", { class: "demo-actions" },
        button(t("form.confirm"), async () => {
          confirmArea.hidden = true;
          const done = await ctx.run("assignment.request_deactivation", { role: role.id });
          if (done) ctx.navigate("/assignments", {}, { flash: t("mine.deactivated", { role: roleName(role.kind), where: where(role) }) });
        }, { class: "md-button md-button--primary" }),
        button(t("form.cancel"), () => {
          confirmArea.hidden = true;
          focus(trigger);
        })));
    confirmArea.setAttribute("role", "group");
    confirmArea.setAttribute("aria-labelledby", textId);
    confirmArea.hidden = false;
    focus(confirmArea.querySelector("button"));
  }

  const table = roles.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
    h("caption", { class: "demo-sr-only" }, t("mine.title")),
    h("thead", {}, h("tr", {}, [t("co_rae.col.select"), t("mine.col.role"), t("mine.col.where"), t("members.col.applications"),
      t("account.email"), t("gl.summary_status"), t("co_rae.col.actions")].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, roles.map((role) => {
      const box = uid("role");
      const deactivate = button(t("mine.deactivate"), () => confirmDeactivation(role, deactivate),
        { "aria-label": t("mine.deactivate_for", { role: roleName(role.kind), where: where(role) }) });
      return h("tr", { dataset: { role: role.id } },
        h("td", {},
          h("input", { type: "checkbox", id: box, name: "roles", value: role.id, dataset: { paths: "roles", errorId, groupLabel: t("mine.select_group") } }),
          h("label", { for: box, class: "demo-sr-only" }, t("mine.select", { role: roleName(role.kind), where: where(role) }))),
        h("td", {}, roleName(role.kind)), h("td", {}, where(role)), h("td", {}, grants(role)), h("td", {}, role.email ?? "—"),
        h("td", {}, t(`status.${role.status}`)), h("td", {}, deactivate));
    })))) : h("p", {}, t("mine.none"));

  const emailForm = form({
    label: t("mine.email_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const changed = await ctx.run("assignment.change_email", { roles: values.roles ?? [], email: values.email },
        { form: element });
      if (changed) {
        ctx.navigate("/assignments", {}, { flash: changed.roles.length === 1 ? t("mine.email_changed.one", { email: changed.email })
          : t("mine.email_changed.other", { count: changed.roles.length, email: changed.email }) });
      }
    },
  },
  table,
  h("p", { id: errorId, class: "demo-field-error", hidden: true }),
  roles.length ? [
    h("p", {}, t("mine.email_intro")),
    field({ name: "email", label: t("mine.email"), type: "email", required: true, paths: ["email"], validate: "email",
      autocomplete: "email" }),
    submit(t("mine.email_submit"))] : null);

  const [requestId, acceptId] = [uid("request"), uid("accept")];
  ctx.main.append(h("p", {}, t("mine.intro")), emailForm, confirmArea,
    h("section", { "aria-labelledby": acceptId, class: "demo-block" },
      h("h3", { id: acceptId }, t("accept.title")),
      h("p", {}, t("mine.accept_intro"), " ", link(t("menu.mailbox"), ctx.href("/mailbox"))),
      acceptForm(ctx, "")),
    h("section", { "aria-labelledby": requestId, class: "demo-block" },
      h("h3", { id: requestId }, t("mine.request_title")),
      h("p", {}, t("mine.request_intro")),
      button(t("mine.request"), () => ctx.run("assignment.request"))));
}

function acceptForm(ctx, code) {
  const { t } = ctx;
  return form({
    label: t("accept.title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const role = await ctx.run("assignment.accept", { code: values.code }, { form: element });
      if (!role) return;
      ctx.clearMessages();
      ctx.setTitle(t("accept.done_title"));
      ctx.main.replaceChildren(
        dl([[t("mine.col.role"), roleName(role.kind)], [t("mine.col.where"), where(role)],
          [t("members.col.applications"), grants(role)], [t("account.email"), role.email]]),
        h("p", {}, t("accept.done_next")),
        h("p", { class: "demo-actions" },
          link(t("bar.change_profile"), ctx.href("/profile"), { class: "md-button" }),
          link(t("menu.my_assignments"), ctx.href("/assignments"), { class: "md-button" })));
      ctx.announce(t("accept.done", { where: where(role) }));
      ctx.focusHeading();
    },
  },
  field({ name: "code", label: t("accept.code"), required: true, paths: ["code"], value: code, autocomplete: "off",
    hint: t("accept.code_hint") }),
  submit(t("accept.submit")));
}

export const screens = [
  { id: "my-assignments", path: "/assignments", auth: "session", render: listScreen,
    menu: { group: "assignment", action: "assignment.list_own", label: "menu.my_assignments", order: 10 } },
  {
    id: "accept",
    path: "/assignments/accept",
    auth: "session",
    async render(ctx) {
      ctx.setTitle(ctx.t("accept.title"));
      ctx.main.append(h("p", {}, ctx.t("accept.intro")), acceptForm(ctx, ctx.query.code ?? ""));
    },
  },
];
