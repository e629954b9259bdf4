// Helpers shared by the screens of a quality's members (users, co-GLs, the GL): names, the
// quality's secured applications from the engine's catalogue, one member's row by its role, the
// bulk "select + Exécuter" with its confirmation, and plural labels. No rule lives here: every
// action goes to the engine, which accepts or refuses it with its explanation.

import { engineData } from "../api.js";
import { button, focus, h, link, uid } from "../dom.js";
import { field, languageOptions } from "../forms.js";
import { formatDate, pick } from "../i18n.js";
import { roleName } from "../policy.js";

// Kinds of members a local manager acts on; the GL is designated by the RAE (quality.designate_gl).
export const ACTIONABLE = ["user", "co_gl"];
export const BULK_ACTIONS = ["block", "unblock", "delete"];

export function fullName(row) {
  return `${row.first_name} ${row.name}`;
}

export function qualityType(typeId) {
  return engineData.catalogue.qualities.qualities.find((q) => q.id === typeId) ?? null;
}

export function applicationName(id) {
  return pick(engineData.catalogue.qualities.applications[id]) || id;
}

// The secured applications of a quality type as options [{value, label}].
export function applicationOptions(typeId) {
  return (qualityType(typeId)?.applications ?? []).map((id) => ({ value: id, label: applicationName(id) }));
}

// "Déclaration des risques sociaux (DRS) (15/01/2019)" for each granted application.
export function grantedText(granted) {
  return Object.entries(granted ?? {}).map(([id, date]) => `${applicationName(id)} (${formatDate(date)})`).join(", ");
}

// The one convention of every "edit someone's data" form (a member, a co-RAE): the fields show the
// current values, only what changed goes to the engine, and a field emptied clears that value.
export function changes(row, values) {
  const args = {};
  if (values.language !== row.language) args.language = values.language;
  if (values.title !== (row.title ?? "")) args.title = values.title;
  if (values.email !== (row.email ?? "")) args.email = values.email;
  if (values.local_email !== (row.local_email ?? "")) args.local_email = values.local_email;
  return args;
}

// The fields of that form, filled with the current values.
export function dataFields(ctx, row) {
  const { t } = ctx;
  return [
    field({ name: "title", label: t("account.title"), value: row.title ?? "", paths: ["title"], autocomplete: "off" }),
    field({ name: "language", label: t("account.language"), type: "select", options: languageOptions(),
      value: row.language, paths: ["language"] }),
    field({ name: "email", label: t("account.email"), type: "email", value: row.email ?? "", paths: ["email"],
      validate: "email", autocomplete: "off" }),
    field({ name: "local_email", label: t("account.local_email"), type: "email", value: row.local_email ?? "",
      paths: ["local_email"], validate: "email", autocomplete: "off", hint: t("members.local_email_hint") }),
  ];
}

// Send what changed with `command` (co_rae.edit, user.edit, co_gl.edit): the engine's answer, or
// null after showing the form's faults, the refusal, or that nothing changed.
export async function sendChanges(ctx, command, row, values, element) {
  if (!(await ctx.checkForm(element))) return null;
  const args = changes(row, values);
  if (!Object.keys(args).length) {
    ctx.clearMessages();
    ctx.announce(ctx.t("members.nothing_changed"));
    return null;
  }
  return ctx.run(command, { role: row.role, ...args }, { form: element });
}

// The engine command of an action on a member: user.block, co_gl.reset_password, …
export function memberCommand(kind, action) {
  return `${kind}.${action}`;
}

export function memberPath(quality, roleId, what) {
  return `/quality/${encodeURIComponent(quality)}/users/${encodeURIComponent(roleId)}/${what}`;
}

export function usersPath(quality) {
  return `/quality/${encodeURIComponent(quality)}/users`;
}

// One member's row (users.list filtered by role), or null after saying it is gone.
export async function memberRow(ctx, roleId) {
  const found = await ctx.run("users.list", { quality: ctx.quality, role: roleId });
  if (!found) return null;
  const row = found.items[0] ?? null;
  if (!row) {
    ctx.main.append(h("p", {}, ctx.t("members.gone")),
      h("p", {}, link(ctx.t("members.back"), ctx.href(usersPath(ctx.quality)))));
  }
  return row;
}

// The bulk action of a list: a confirmation naming the people, then one command per row. The
// first refusal is shown with the engine's explanation; what succeeded is announced.
export function bulkRunner(ctx, { confirmArea, submitButton, redraw }) {
  const { t } = ctx;
  const confirmText = (action, count, names) => {
    const params = { count, names };
    if (action === "block") return count === 1 ? t("members.confirm.block.one", params) : t("members.confirm.block.other", params);
    if (action === "unblock") return count === 1 ? t("members.confirm.unblock.one", params) : t("members.confirm.unblock.other", params);
    return count === 1 ? t("members.confirm.delete.one", params) : t("members.confirm.delete.other", params);
  };
  const doneText = (action, count) => {
    if (action === "block") return count === 1 ? t("members.done.block.one", { count }) : t("members.done.block.other", { count });
    if (action === "unblock") return count === 1 ? t("members.done.unblock.one", { count }) : t("members.done.unblock.other", { count });
    return count === 1 ? t("members.done.delete.one", { count }) : t("members.done.delete.other", { count });
  };

  async function execute(action, rows) {
    confirmArea.hidden = true;
    let done = 0;
    let refusal = null;
    for (const row of rows) {
      const response = await ctx.request(memberCommand(row.kind, action), { role: row.role });
      if (response.ok) done += 1;
      else refusal ??= response.error;
    }
    await redraw();
    if (refusal) {
      ctx.fail(refusal);
      if (done) ctx.announce(doneText(action, done));
    } else {
      ctx.announce(doneText(action, done));
      ctx.focusHeading();
    }
  }

  return function confirm(action, rows) {
    ctx.clearMessages();
    const textId = uid("confirm");
    confirmArea.replaceChildren(
      h("p", { id: textId }, confirmText(action, rows.length, rows.map(fullName).join(", "))),
      h("div", { class: "demo-actions" },
        button(t("form.confirm"), () => execute(action, rows), { class: "md-button md-button--primary" }),
        button(t("form.cancel"), () => {
          confirmArea.hidden = true;
          focus(submitButton);
        })));
    confirmArea.setAttribute("role", "group");
    confirmArea.setAttribute("aria-labelledby", textId);
    confirmArea.hidden = false;
    focus(confirmArea.querySelector("button"));
  };
}

export function actionOptions(t) {
  return [
    { value: "block", label: t("members.action.block") },
    { value: "unblock", label: t("members.action.unblock") },
    { value: "delete", label: t("members.action.delete") },
  ];
}

// The summary of a member just added (the guide's confirmation screen).
export function addedRows(ctx, role) {
  const { t } = ctx;
  return [
    [t("account.username"), role.person.username],
    [t("account.name"), role.person.name],
    [t("account.first_name"), role.person.first_name],
    [t("account.niss"), role.person.niss_formatted],
    [t("members.col.kind"), roleName(role.kind)],
    [t("gl.summary_status"), t(`status.${role.status}`)],
    [t("account.email"), role.email],
    [t("members.col.applications"), role.applications.map((a) => `${a.name} (${formatDate(a.granted)})`).join(", ")],
  ];
}
