// Looking an object up by a name that came from data (a saved state, a share link, an address):
// only the object's own entries count. A plain `object[name]` would also find what every
// JavaScript object inherits — `constructor`, `__proto__`, `toString` — and a saved
// `{"tour": "constructor"}` would then reach a function instead of a tour.

export function own(object, name) {
  return object != null && typeof name === "string" && Object.hasOwn(object, name) ? object[name] : undefined;
}
