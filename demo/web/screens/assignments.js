// Role assignments by a local manager, as in "Ma gestion des rôles eGov": invite someone by e-mail
// (the mail lands in the demo's mailbox, #/mailbox, with a code to accept), assign the user role
// directly to a person by NISS (account form when the person is new), publish a link anyone
// logged in can open to get the role; and the quality's invitations and links with their state.
// An RAE who opens the quality gets the engine's explanation: assignments are the GL's task.

import { button, dl, h, link, uid } from "../dom.js";
import { accountForm, checkboxes, field, form, personFrom, submit } from "../forms.js";
import { formatDate } from "../i18n.js";
import { addedRows, applicationName, applicationOptions, fullName } from "./members.js";

export function assignmentsPath(quality) {
  return `/quality/${encodeURIComponent(quality)}/assignments`;
}

export function invitationStatus(t, status) {
  return ({
    pending: t("invite.status.pending"), published: t("invite.status.published"), accepted: t("invite.status.accepted"),
    withdrawn: t("invite.status.withdrawn"), expired: t("invite.status.expired"),
  })[status] ?? status;
}

function acceptLink(ctx, code) {
  return link(code, ctx.href("/assignments/accept", { code }), { "aria-label": ctx.t("invite.link_for", { code }) });
}

function list(ctx, quality, invitations) {
  const { t } = ctx;
  if (!invitations.length) return h("p", {}, t("invite.none"));
  return h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
    h("caption", { class: "demo-sr-only" }, t("invite.list_title")),
    h("thead", {}, h("tr", {}, [t("invite.col.kind"), t("invite.col.to"), t("members.col.applications"), t("invite.col.code"),
      t("invite.col.expires"), t("invite.col.status"), t("invite.col.uses"), t("co_rae.col.actions")]
      .map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, invitations.map((inv) => h("tr", { dataset: { invitation: inv.id } },
      h("td", {}, inv.kind === "email" ? t("invite.kind_email") : t("invite.kind_link")),
      h("td", {}, inv.email ?? "—"),
      h("td", {}, inv.applications.map(applicationName).join(", ") || "—"),
      h("td", {}, inv.kind === "link" && inv.status === "published" ? acceptLink(ctx, inv.code) : h("code", {}, inv.code)),
      h("td", {}, formatDate(inv.expires)),
      h("td", {}, invitationStatus(t, inv.status)),
      h("td", {}, String(inv.uses)),
      h("td", {}, inv.status === "pending" || inv.status === "published"
        ? button(t("invite.withdraw"), async () => {
          const done = await ctx.run("assignment.withdraw", { invitation: inv.id });
          if (done) ctx.navigate(assignmentsPath(quality.id), {}, { flash: t("invite.withdrawn", { code: inv.code }) });
        }, { "aria-label": t("invite.withdraw_for", { code: inv.code }) })
        : "—"))))));
}

function appsField(ctx, quality) {
  return checkboxes({ name: "applications", legend: ctx.t("invite.applications"), options: applicationOptions(quality.type),
    paths: ["applications"] });
}

function inviteForm(ctx, quality) {
  const { t } = ctx;
  return form({
    label: t("invite.email_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const args = { quality: quality.id, email: values.email, applications: values.applications ?? [] };
      if (values.niss) args.niss = values.niss;
      const invitation = await ctx.run("assignment.invite", args, { form: element });
      if (invitation) ctx.navigate(assignmentsPath(quality.id), {}, { flash: t("invite.sent", { email: invitation.email }) });
    },
  },
  field({ name: "email", label: t("invite.email"), type: "email", required: true, paths: ["email"], validate: "email",
    autocomplete: "off" }),
  field({ name: "niss", label: t("invite.niss"), paths: ["niss"], validate: "niss", inputmode: "numeric", autocomplete: "off",
    hint: t("invite.niss_hint") }),
  appsField(ctx, quality),
  submit(t("invite.send")));
}

function assignForm(ctx, quality) {
  const { t } = ctx;
  const send = (person, values) => {
    const args = { quality: quality.id, person, applications: values.applications ?? [] };
    if (values.role_email) args.email = values.role_email;
    return ctx.request("assignment.assign", args);
  };
  const shown = (role) => {
    ctx.clearMessages();
    ctx.setTitle(t("invite.assigned_title"));
    ctx.main.replaceChildren(dl(addedRows(ctx, role)),
      h("p", {}, link(t("invite.back"), ctx.href(assignmentsPath(quality.id)), { class: "md-button" })));
    ctx.announce(t("invite.assigned", { name: fullName(role.person) }));
    ctx.focusHeading();
  };
  const stepOne = form({
    label: t("invite.assign_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const response = await send({ niss: values.niss }, values);
      if (response.ok) return shown(response.data);
      if (response.error.code !== "person_data_required") return ctx.fail(response.error, element);
      // A person the application does not know: the account form, NISS filled in.
      const validated = await ctx.request("engine.validate", { field: "niss", value: values.niss });
      const formatted = validated.ok && validated.data.valid ? validated.data.formatted : values.niss;
      const step = form({
        label: t("gl.account_title"),
        onSubmit: async (more, stepElement) => {
          if (!(await ctx.checkForm(stepElement))) return;
          const again = await send(personFrom(more, values.niss), values);
          if (again.ok) shown(again.data);
          else ctx.fail(again.error, stepElement);
        },
      },
      accountForm({ path: "person", niss: values.niss, nissFormatted: formatted,
        applications: (values.applications ?? []).map(applicationName) }),
      h("div", { class: "demo-actions" },
        button(t("form.previous"), () => {
          ctx.clearMessages();
          step.replaceWith(element);
          ctx.focus(element.querySelector("[name=niss]"));
        }),
        submit(t("form.save"))));
      element.replaceWith(step);
      ctx.clearMessages();
      ctx.announce(t("gl.unknown_person"));
      ctx.focus(step.querySelector("legend") ?? step);
    },
  },
  field({ name: "niss", label: t("invite.assign_niss"), required: true, paths: ["person.niss", "person"], validate: "niss",
    inputmode: "numeric", autocomplete: "off" }),
  field({ name: "role_email", label: t("invite.role_email"), type: "email", paths: ["email"], validate: "email",
    autocomplete: "off", hint: t("invite.role_email_hint") }),
  appsField(ctx, quality),
  submit(t("invite.assign")));
  return stepOne;
}

function linkForm(ctx, quality) {
  const { t } = ctx;
  return form({
    label: t("invite.link_title"),
    onSubmit: async (values, element) => {
      const published = await ctx.run("assignment.publish_link", { quality: quality.id, applications: values.applications ?? [] },
        { form: element });
      if (published) ctx.navigate(assignmentsPath(quality.id), {}, { flash: t("invite.published", { code: published.code }) });
    },
  },
  appsField(ctx, quality),
  submit(t("invite.publish")));
}

export const screens = [
  {
    id: "assignments",
    path: "/quality/:quality/assignments",
    auth: "profile",
    menu: { group: "quality", action: "assignment.list_quality", label: "menu.assignments", order: 50 },
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("invite.title"));
      const invitations = await ctx.run("assignment.list_quality", { quality: ctx.quality });
      if (!invitations) return;
      const quality = await ctx.run("quality.view", { quality: ctx.quality });
      if (!quality) return;
      ctx.setTitle(t("invite.title_named", { quality: quality.name }));
      const section = (title, intro, content) => {
        const id = uid("sec");
        return h("section", { "aria-labelledby": id, class: "demo-block" }, h("h3", { id }, title), intro ? h("p", {}, intro) : null,
          content);
      };
      ctx.main.append(h("p", {}, t("invite.intro")),
        section(t("invite.list_title"), null, list(ctx, quality, invitations)),
        section(t("invite.email_title"), t("invite.email_intro"), inviteForm(ctx, quality)),
        section(t("invite.assign_title"), t("invite.assign_intro"), assignForm(ctx, quality)),
        section(t("invite.link_title"), t("invite.link_intro"), linkForm(ctx, quality)));
    },
  },
];
