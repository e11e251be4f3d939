/** The report's print stylesheet: A4 pages, each main section on a new page, no web fonts. */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #1c2430; margin: 0; }
h1 { font-size: 28pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 0 0 10pt; color: #1e3a8a; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; display: flex; justify-content: space-between; border-bottom: 1px solid #dde2e8; padding-bottom: 3pt; }
h3 .score { color: #2554c7; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: #5b6675; }
.cover .lead { font-size: 14pt; }
.cover .confidential { margin-top: 40mm; color: #5b6675; font-size: 9pt; }
.page { break-before: page; }
@media screen { body { padding: 24px 32px; } .cover { height: auto; padding: 24px 0 40px; border-bottom: 1px solid #dde2e8; } .cover .confidential { margin-top: 16px; } .page { margin-top: 32px; } }
td.horizon { white-space: nowrap; }
.dimension { break-inside: avoid; }
.muted { color: #5b6675; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8pt; margin: 0 0 12pt; }
.figures div { border: 1px solid #dde2e8; border-radius: 4pt; padding: 6pt 8pt; }
.figures dt { font-size: 8.5pt; color: #5b6675; }
.figures dd { margin: 2pt 0 0; font-size: 13pt; font-weight: bold; }
.chart { margin: 0; text-align: center; }
.chart svg { max-width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #e5e9ee; }
th { font-size: 8.5pt; color: #5b6675; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
tr.flag td:first-child::after { content: ' ⚑'; color: #b42318; }
.findings { margin: 4pt 0 0; padding-left: 14pt; }
.finding-disagreement { color: #912018; }
.appendix td { font-size: 9pt; }
.items { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; font-size: 9pt; }
.items dd { margin: 0; }
`;
