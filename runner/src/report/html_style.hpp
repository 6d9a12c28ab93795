#pragma once
// The report's inline style sheet: one self-contained file, no external fonts, scripts or images.
namespace proctor::report {

inline constexpr const char* kReportCss = R"css(
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa;--ac:#1a7f37;--wa:#cf222e;--lim:#bc4c00;
--rte:#8250df;--sv:#a40e26;--ce:#57606a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,
"DejaVu Sans",sans-serif}
main{max-width:1060px;margin:24px auto;background:#fff;border:1px solid var(--line);border-radius:10px;
padding:28px 36px}
h1{font-size:24px;margin:0}
h2{font-size:16px;margin:28px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.sub{color:var(--muted);margin-top:2px}
header{display:flex;justify-content:space-between;align-items:flex-start;gap:24px}
.badge{display:inline-block;border-radius:8px;padding:8px 16px;color:#fff;font-weight:700;font-size:22px;
text-align:center;min-width:96px}
.badge small{display:block;font-size:12px;font-weight:500;opacity:.9}
.v-AC{background:var(--ac)}.v-WA{background:var(--wa)}.v-TLE,.v-MLE,.v-OLE{background:var(--lim)}
.v-RTE{background:var(--rte)}.v-SV{background:var(--sv)}.v-CE,.v-JE,.v-NS,.v-none{background:var(--ce)}
.pill{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;font-weight:600}
.bar{height:10px;background:#eaeef2;border-radius:5px;overflow:hidden;margin:14px 0 4px}
.bar>div{height:100%;background:var(--ac)}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-top:18px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card b{display:block;font-size:20px}
.card span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.fail td{background:#fff8f8}
.tag{color:var(--muted);font-size:12px}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:10px;overflow:auto;
max-height:320px;font:12px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre-wrap;
word-break:break-word}
details{margin:6px 0}
summary{cursor:pointer;color:var(--muted)}
.kv{display:grid;grid-template-columns:1fr 1fr;gap:24px}
.kv dl{display:grid;grid-template-columns:auto 1fr;gap:4px 16px;margin:0;align-content:start}
.kv dt{color:var(--muted)}
.kv dd{margin:0}
.off{color:var(--wa)}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;margin-top:12px}
svg text{font:11px sans-serif;fill:var(--muted)}
.growth svg{width:100%;max-width:540px;height:auto}
footer{margin-top:28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
.warn{background:#ffebe9;border-color:#cf222e}
.desc{color:var(--muted);font-size:12px}
h3{font-size:13px;margin:16px 0 6px}
.bar.small{height:8px;margin:6px 0;min-width:120px}
pre.code,pre.diff{max-height:none;white-space:pre-wrap;word-break:break-all}
pre.code .ln{color:#8c959f;user-select:none;margin-right:12px}
pre.code .k{color:#cf222e;font-weight:600}pre.code .t{color:#0550ae}pre.code .s,pre.code .c{color:#0a3069}
pre.code .n{color:#0550ae}pre.code .m{color:#6e7781;font-style:italic}pre.code .p{color:#8250df}
pre.diff .da{color:#116329;background:#dafbe1;display:block}pre.diff .dr{color:#82071e;background:#ffebe9;display:block}
pre.diff .dh{color:#8250df;display:block}pre.diff .dc{display:block}
tr.t-note td{background:#fff8c5}tr.t-grade td,tr.t-extend td{font-weight:600}tr.t-draft td{color:var(--muted)}
@page{size:A4;margin:14mm 12mm}
@media print{body{background:#fff;font-size:10pt}main{border:0;margin:0;padding:0;max-width:none}
pre{max-height:none;overflow:visible;font-size:8pt}.cards{grid-template-columns:repeat(4,1fr)}
h2{break-after:avoid}tr,.card,.note{break-inside:avoid}pre.code,pre.diff{break-inside:auto}
a{color:inherit;text-decoration:none}}
)css";

}  // namespace proctor::report
