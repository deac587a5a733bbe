// Reads a JSON-stat file with independent tools (tests of issue 10): validates it with ajv against the JSON-stat 2.0 schema of
// ../shared/standards (draft 2020-12; unicodeRegExp off for the schema's known "\-" quirk), checks the cube invariants the
// schema cannot express (rules-manifest.json), then reads every cell with jsonstat-toolkit and writes them as JSON.
// Usage: node read-jsonstat.cjs <dataset.json> <schema folder> <out.json>
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;
const JSONstat = require("jsonstat-toolkit");

const [file, schemas, out] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(file, "utf8"));
const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true, validateFormats: false });
for (const name of ["dataset.json", "collection.json", "dimension.json"]) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemas, name), "utf8")));
}
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, "index.json"), "utf8")));
const valid = validate(doc);
const problems = valid ? [] : validate.errors.map(e => `${e.instancePath} ${e.message}`);

const product = doc.size.reduce((a, b) => a * b, 1);
if (Array.isArray(doc.value) && doc.value.length !== product) problems.push(`VALUE_LEN_MISMATCH ${doc.value.length} != ${product}`);
if (doc.id.length !== doc.size.length) problems.push("ID_SIZE_LEN_MISMATCH");
if (JSON.stringify(Object.keys(doc.dimension).sort()) !== JSON.stringify([...doc.id].sort())) problems.push("DIM_KEY_ID_MISMATCH");
doc.id.forEach((id, i) => {
  const index = doc.dimension[id].category.index;
  const n = Array.isArray(index) ? index.length : Object.keys(index).length;
  if (n !== doc.size[i]) problems.push(`INDEX_COUNT_MISMATCH ${id}`);
});
if (doc.status && typeof doc.status === "object" && !Array.isArray(doc.status)) {
  for (const k of Object.keys(doc.status)) if (!(Number(k) >= 0 && Number(k) < product)) problems.push(`SPARSE_KEY_OUT_OF_RANGE ${k}`);
}

const ds = JSONstat(doc);
const cells = [];
if (ds.class === "dataset") {
  for (let i = 0; i < ds.n; i++) {
    const cell = ds.Data(i);
    if (cell.value === null && (cell.status === null || cell.status === undefined)) continue;
    cells.push({ index: i, value: cell.value, status: cell.status === undefined ? null : cell.status });
  }
}
// Coordinates of each cell from the toolkit's own dimension reading.
const dims = ds.id.map(id => ds.Dimension(id));
for (const c of cells) {
  let rest = c.index;
  const coords = {};
  for (let d = ds.id.length - 1; d >= 0; d--) {
    const n = ds.size[d];
    coords[ds.id[d]] = dims[d].id[rest % n];
    rest = Math.floor(rest / n);
  }
  c.coordinates = coords;
}
fs.writeFileSync(out, JSON.stringify({ valid, problems, cls: ds.class, n: ds.n, label: ds.label, cells }));
