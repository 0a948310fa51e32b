// The canonical text of a unit file, in the browser: the web editor reads and writes unit.yml
// with these two functions so that a form save produces exactly what `jinglao fmt` writes
// (hooks/jinglao/source/canonical.py), and one changed value changes only its own lines.
// tests/test_cms_canonical.py runs this file under node and compares it byte for byte with
// `jinglao fmt` on every demo unit and on the corpus of awkward strings.
//
// Loading follows hooks/jinglao/source/yamldoc.py: quoted and block scalars are text; a plain
// scalar is null, a boolean, an integer, a float or else text by the same small rule set
// (so `17:30`, `yes` and `2025-03-01` stay text). Writing follows ruamel.yaml's emitter as
// `jinglao fmt` configures it: block style, indentation 2, a list indented by 2 with its dash,
// keys in the model's order, a one-line string plain when that loads back as the same string,
// else single-quoted (double-quoted with escapes when it holds a control character), a string
// with a line break as a literal block, null as nothing.
import { parseDocument, isMap, isSeq, isScalar, isAlias } from "./vendor/yaml/index.js";

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const BOOLS = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
const INT = /^[-+]?(0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/;
const NUMBER_START = "0123456789+-.";

/** A float whose value is whole (`94.0`): JavaScript has one number type, so it is kept as a
 * Number object to be written back as `94.0`, as `jinglao fmt` does, not as the integer `94`.
 * A form field the user changes gives a plain number instead. */
export class WholeFloat extends Number {}

/** What an unquoted scalar means (yamldoc.plain_value). */
export function plainValue(text) {
  if (NULLS.has(text)) return null;
  if (Object.prototype.hasOwnProperty.call(BOOLS, text)) return BOOLS[text];
  if (!NUMBER_START.includes(text[0])) return text;
  if (INT.test(text)) return Number(text);
  if (FLOAT.test(text)) {
    const value = Number(text);
    return Number.isInteger(value) ? new WholeFloat(value) : value;
  }
  return text;
}

function plainData(node) {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) throw new Error("别名（*）不能用在单位资料里");
  if (isMap(node)) {
    const result = {};
    for (const pair of node.items) {
      const key = pair.key === null ? "" : String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        throw new Error(`字段「${key}」写了两次`);
      }
      result[key] = plainData(pair.value);
    }
    return result;
  }
  if (isSeq(node)) return node.items.map(plainData);
  if (isScalar(node)) {
    const text = node.value === null || node.value === undefined ? "" : String(node.value);
    return node.type === "PLAIN" ? plainValue(text) : text;
  }
  throw new Error("无法读取的内容");
}

/** The data of a unit file, as the validator loads it. */
export function loadUnit(text) {
  const doc = parseDocument(text, { schema: "failsafe", uniqueKeys: false });
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  const data = plainData(doc.contents);
  return data === null ? {} : data;
}

// ---- key order -------------------------------------------------------------------------------

function fitting(models, candidates, value) {
  const keys = Object.keys(value);
  let best = null;
  let bestScore = -1;
  for (const name of candidates) {
    const fields = new Set(models[name].map(([key]) => key));
    const known = keys.filter((key) => fields.has(key)).length;
    const score = known === keys.length ? Number.MAX_SAFE_INTEGER : known;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function ordered(shape, candidates, value) {
  if (Array.isArray(value)) return value.map((item) => ordered(shape, candidates, item));
  if (value === null || typeof value !== "object" || value instanceof Number) return value;
  const name = candidates.length ? fitting(shape.models, candidates, value) : null;
  const result = {};
  if (name !== null) {
    for (const [key, children] of shape.models[name]) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        result[key] = ordered(shape, children, value[key]);
      }
    }
  }
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(result, key)) result[key] = ordered(shape, [], value[key]);
  }
  return result;
}

/** ``data`` with every mapping's keys in the model's order (unknown keys after, as they were). */
export function inModelOrder(shape, data) {
  return ordered(shape, [shape.root], data);
}

// ---- scalars ---------------------------------------------------------------------------------

const BREAKS = "\n\x85\u2028\u2029";
const SPACE_OR_BREAK = "\0 \t\r\n\x85\u2028\u2029";

function printableUnicode(ch) {
  return (
    ch === "\x85" ||
    (ch >= "\xA0" && ch <= "\uD7FF") ||
    (ch >= "\uE000" && ch <= "\uFFFD") ||
    ch.codePointAt(0) >= 0x10000
  );
}

// ruamel.yaml's Emitter.analyze_scalar, for block context and YAML 1.2.
function analyze(text) {
  if (!text) return { empty: true, multiline: false, plain: true, single: true, block: false };
  const chars = Array.from(text);
  let blockIndicators = text.startsWith("---") || text.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || SPACE_OR_BREAK.includes(chars[1]);
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, index) => {
    if (index === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      if ("?:".includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === "-" && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ":" && followedByWhitespace) blockIndicators = true;
      if (ch === "#" && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === "\n" || (ch >= "\x20" && ch <= "\x7E"))) {
      if (!(printableUnicode(ch) && ch !== "\uFEFF")) special = true;
    }
    if (ch === " ") {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || SPACE_OR_BREAK.includes(chars[index + 2]);
  });
  let plain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
  if (trailingSpace) block = false;
  if (breakSpace) plain = single = false;
  if (special) plain = single = block = false;
  else if (spaceBreak) plain = single = block = false;
  if (lineBreaks) plain = false;
  if (blockIndicators) plain = false;
  return { empty: false, multiline: lineBreaks, plain, single, block };
}

const ESCAPES = {
  "\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0A": "n", "\x0B": "v", "\x0C": "f",
  "\x0D": "r", "\x1B": "e", '"': '"', "\\": "\\", "\x85": "N", "\xA0": "_", "\u2028": "L",
  "\u2029": "P",
};

function hex(code, width) {
  return code.toString(16).toUpperCase().padStart(width, "0");
}

function doubleQuoted(text) {
  let out = '"';
  for (const ch of text) {
    const keep =
      !'"\\\x85\u2028\u2029\uFEFF'.includes(ch) &&
      ((ch >= "\x20" && ch <= "\x7E") ||
        (ch >= "\xA0" && ch <= "\uD7FF") ||
        (ch >= "\uE000" && ch <= "\uFFFD") ||
        ch.codePointAt(0) >= 0x10000);
    if (keep) out += ch;
    else if (ESCAPES[ch] !== undefined) out += "\\" + ESCAPES[ch];
    else {
      const code = ch.codePointAt(0);
      out += code <= 0xff ? "\\x" + hex(code, 2) : code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
    }
  }
  return out + '"';
}

// Written double-quoted, as escapes: controls (tab and line feed too) and the line breaks other
// than \n that YAML 1.1 parsers (libyaml, our loader) break lines at (canonical.py's _ESCAPED).
const ESCAPED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
// A literal block would end a line in a space, which the file must not have.
const SPACE_AT_LINE_END = /[ \t](?:\n|$)/;

/** A string as one token (plain, quoted), or null when it is written as a literal block. */
function inlineString(text, isKey) {
  if (ESCAPED.test(text)) return doubleQuoted(text);
  if (!isKey) {
    if (text.includes("\n")) {
      const quoted = SPACE_AT_LINE_END.test(text) || text.endsWith("\n\n") || text === "\n";
      return quoted ? doubleQuoted(text) : null;
    }
  }
  // ruamel's Emitter.choose_scalar_style, the resolver answering with the loader's rules.
  const analysis = analyze(text);
  const implicit = typeof plainValue(text) === "string" && text !== "";
  if (implicit && !(isKey && (analysis.empty || analysis.multiline)) && analysis.plain) return text;
  // (ruamel would double-quote a string holding ' or a line break; canonical.py single-quotes
  // whenever single quotes can hold it.)
  if (analysis.single && !(isKey && analysis.multiline)) return "'" + text.replace(/'/g, "''") + "'";
  return doubleQuoted(text);
}

function literalLines(text, indent) {
  let hints = "";
  if (" \n\x85\u2028\u2029".includes(text[0])) hints += "2";
  if (!BREAKS.includes(text[text.length - 1])) hints += "-";
  else if (text.length === 1 || BREAKS.includes(text[text.length - 2])) hints += "+";
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const pad = " ".repeat(indent);
  const lines = body.split("\n").map((line) => (line ? pad + line : ""));
  return { indicator: "|" + hints, lines };
}

// Python's repr of a float, with ".0" before a bare exponent (canonical.py's _float_text).
function floatText(value) {
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : value < 0 ? "-.inf" : ".nan";
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  let text;
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    text = mantissa + "e" + sign + String(Math.abs(exponent)).padStart(2, "0");
    if (!mantissa.includes(".")) text = text.replace("e", ".0e");
  } else {
    text = String(value);
    if (!text.includes(".")) text += ".0";
  }
  return text;
}

function scalarToken(value) {
  if (value === null || value === undefined) return "";
  if (value === true) return "true";
  if (value === false) return "false";
  if (value instanceof WholeFloat) return floatText(value.valueOf());
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : floatText(value);
  }
  return inlineString(String(value), false);
}

// ---- blocks ----------------------------------------------------------------------------------

function isEmptyCollection(value) {
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === "object" && Object.keys(value).length === 0;
}

function isCollection(value) {
  return value !== null && typeof value === "object" && !(value instanceof Number);
}

// Whether the last scalar written so far was a `|+` block: ruamel then ends the document with
// `...` (the block's trailing empty lines are content).
let endsOpen = false;

/** Lines for ``prefix`` followed by ``value`` whose nested lines are indented by ``indent``. */
function valueLines(prefix, value, indent) {
  if (isCollection(value)) {
    if (isEmptyCollection(value)) return [prefix + " " + (Array.isArray(value) ? "[]" : "{}")];
    const nested = Array.isArray(value) ? sequenceLines(value, indent) : mappingLines(value, indent);
    return [prefix, ...nested];
  }
  const token = scalarToken(value);
  if (token === null) {
    const { indicator, lines } = literalLines(String(value), indent);
    endsOpen = indicator.endsWith("+");
    return [prefix + " " + indicator, ...lines];
  }
  endsOpen = false;
  return [token === "" ? prefix : prefix + " " + token];
}

function mappingLines(mapping, indent) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [key, value] of Object.entries(mapping)) {
    const keyText = inlineString(String(key), true);
    lines.push(...valueLines(pad + keyText + ":", value, indent + 2));
  }
  return lines;
}

function sequenceLines(items, indent) {
  const pad = " ".repeat(indent);
  const lines = [];
  for (const item of items) {
    if (isCollection(item) && !isEmptyCollection(item)) {
      const nested = Array.isArray(item) ? sequenceLines(item, indent + 2) : mappingLines(item, indent + 2);
      lines.push(pad + "- " + nested[0].slice(indent + 2), ...nested.slice(1));
    } else {
      lines.push(...valueLines(pad + "-", item, indent + 2));
    }
  }
  return lines;
}

/** The canonical text of ``data`` (keys already in the order to be written). */
export function canonicalText(data) {
  let lines;
  endsOpen = false;
  if (Array.isArray(data)) lines = isEmptyCollection(data) ? ["[]"] : sequenceLines(data, 0);
  else if (isCollection(data)) lines = isEmptyCollection(data) ? ["{}"] : mappingLines(data, 0);
  else lines = [scalarToken(data) ?? String(data)];
  if (endsOpen) lines.push("...");
  let text = lines.map((line) => line.replace(/ +$/, "")).join("\n");
  if (isCollection(data) && !Array.isArray(data)) text = text.replace(/\n(?=[^\s-])/g, "\n\n");
  return text.replace(/\n+$/, "") + "\n";
}

/** The canonical text of a unit's data: keys in the model's order, then ``canonicalText``. */
export function canonicalUnit(shape, data) {
  return canonicalText(inModelOrder(shape, data));
}
