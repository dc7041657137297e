/**
 * The report's only style sheet, inlined into the page. Printed, it fills
 * A4 with 12–14 mm margins and keeps the EXERCISE mark on every page.
 */
export const reportCss = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body {
  font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui,
    sans-serif;
  color: #212121; margin: 0 auto; max-width: 190mm; padding: 0 4mm 8mm;
  font-size: 10.5pt; line-height: 1.45;
}
.exercise {
  border: 3px solid #b71c1c; color: #b71c1c; background: #fff3f3;
  text-align: center; font-weight: 800; font-size: 18pt;
  letter-spacing: .2em; padding: 4px 0; margin: 6mm 0 2mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.exercise small {
  display: block; font-size: 9pt; letter-spacing: normal; font-weight: 600;
}
h1 { font-size: 16pt; margin: 3mm 0 1mm; }
h2 {
  font-size: 12.5pt; border-bottom: 1px solid #9e9e9e;
  padding-bottom: 1mm; margin: 6mm 0 2mm;
}
dl.meta {
  display: grid; grid-template-columns: max-content 1fr max-content 1fr;
  gap: 1mm 4mm; margin: 2mm 0;
}
dl.meta dt { color: #616161; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td {
  border: 1px solid #bdbdbd; padding: 1.2mm 2mm; text-align: left;
  vertical-align: top;
}
th {
  background: #eeeeee;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
td { white-space: nowrap; }
td.wrap { white-space: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.late { color: #b71c1c; font-weight: 700; }
.never { color: #424242; font-weight: 700; font-style: italic; }
.level {
  display: inline-block; padding: 0 2mm; border: 1px solid #424242;
  border-radius: 2px; font-weight: 700;
}
ul.findings { margin: 1mm 0; padding-left: 6mm; }
.rule { color: #757575; font-size: 8.5pt; font-family: ui-monospace, monospace; }
svg.timeline { margin: 2mm 0; }
svg.timeline text { font-size: 11px; fill: #212121; }
svg.timeline .tick, svg.timeline .caption { font-size: 10px; fill: #616161; }
svg.timeline .verdict { font-weight: 700; }
svg.timeline .late { fill: #b71c1c; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #757575; text-align: center; }
/* Printed, every page carries the mark, not only the first. */
.print-mark { display: none; }
@media print {
  .print-mark {
    display: block; position: fixed; top: 0; right: 0;
    border: 2px solid #b71c1c; color: #b71c1c; font-weight: 800;
    font-size: 9pt; padding: 0 2mm;
  }
  h2 { break-after: avoid; }
}
`;
