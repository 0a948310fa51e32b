// Starts the web editor: unit files are read and written in the canonical form that
// `jinglao fmt` writes (canonical.js), so a form save changes only the lines of what changed.
import { loadUnit, canonicalUnit, WholeFloat } from "./canonical.js";
import shape from "./unit-shape.js";

/** Data without what the form leaves behind in fields the user opened but did not fill:
 * empty text and undefined values, and objects that held only those. */
export function withoutFormLeftovers(value) {
  if (Array.isArray(value)) return value.map(withoutFormLeftovers);
  if (value === null || typeof value !== "object" || value instanceof WholeFloat) return value;
  const result = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === "") continue;
    const kept = withoutFormLeftovers(item);
    const emptied =
      kept !== null && typeof kept === "object" && !Array.isArray(kept) && !(kept instanceof WholeFloat) &&
      Object.keys(kept).length === 0 && Object.keys(item).length > 0;
    if (!emptied) result[key] = kept;
  }
  return result;
}

// units/county.yml lies in the units folder too: the collection's filter (config.yml) lists only
// files marked here. The mark is not enumerable, so it never reaches the form or the file.
const UNIT_FILE_MARK = "__jinglao_unit_file";

function markedUnit(text) {
  const data = loadUnit(text);
  const isUnit = !Object.prototype.hasOwnProperty.call(data, "townships");
  Object.defineProperty(data, UNIT_FILE_MARK, { value: isUnit, enumerable: false });
  return data;
}

window.CMS.registerCustomFormat("jinglao-unit", "yml", {
  fromFile: markedUnit,
  toFile: (data) => canonicalUnit(shape, withoutFormLeftovers(data)),
});
window.CMS.init();
