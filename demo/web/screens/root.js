// The start of the demo (#/ or no fragment) and unknown addresses.

import { h, link } from "../dom.js";
import { href } from "../router.js";

export const screens = [
  {
    id: "start",
    path: "/",
    auth: "none",
    // Where the reader left off: the home page when logged in, else the login.
    async render(ctx) {
      ctx.navigate(ctx.session.token ? "/home" : "/login", ctx.query, { replace: true });
    },
  },
  {
    id: "not-found",
    path: "/not-found",
    auth: "none",
    async render(ctx) {
      ctx.setTitle(ctx.t("notfound.title"));
      ctx.main.append(
        h("p", {}, ctx.t("notfound.text")),
        h("p", {}, link(ctx.t("notfound.back"), href("/"))));
    },
  },
];
