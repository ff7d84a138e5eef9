// The clerk's desk. Plain JavaScript, no build step, no network beyond the
// desk itself. The TOML text (st.src) is the truth: form edits are sent to
// the server, which writes them into the text in place (comments kept)
// and answers with the new text, the pages and the diagnostics.
"use strict";
if (location.search.includes("t=")) history.replaceState(null, "", "/"); // the cookie holds the token now

const $ = (s) => document.querySelector(s);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};

async function api(method, path, body) {
  const r = await fetch(path, {method, headers: body ? {"Content-Type": "application/json"} : {}, body: body ? JSON.stringify(body) : undefined});
  let j = {};
  try { j = await r.json(); } catch (_) {}
  return {ok: r.ok, status: r.status, body: j};
}

const st = {name: "", src: "", base: "", fields: [], values: {}, docs: [], dirty: false, pending: [], inflight: false, timer: 0};

// ---- views
function show(id) {
  for (const s of ["danh-sach", "so-dang-ky", "van-ban"]) $("#" + s).hidden = s !== id;
  $("#nut-danh-sach").classList.toggle("chon", id !== "so-dang-ky");
  $("#nut-so").classList.toggle("chon", id === "so-dang-ky");
}
$("#nut-danh-sach").onclick = () => { show("danh-sach"); loadList(); };
$("#nut-so").onclick = () => { show("so-dang-ky"); loadRegister(); };
$("#quay-lai").onclick = () => {
  if (st.dirty && !confirm("Văn bản có thay đổi chưa lưu. Bỏ các thay đổi?")) return;
  show("danh-sach"); loadList();
};

// ---- document list
async function loadList() {
  const tb = $("#bang-van-ban tbody");
  tb.replaceChildren(); // at once: no stale row stays clickable while the list loads
  const r = await api("GET", "/api/docs");
  for (const d of r.body || []) {
    const state = el("td");
    if (d.loi) state.append(el("span", {class: "loi", text: d.loi + " lỗi "}));
    if (d.cho_cap_so) state.append(el("span", {class: "canh-bao", text: "chờ cấp số "}));
    const warn = d.canh_bao - (d.cho_cap_so ? 1 : 0);
    if (warn > 0) state.append(el("span", {class: "canh-bao", text: warn + " cảnh báo"}));
    if (!d.loi && !d.cho_cap_so && warn <= 0) state.append(el("span", {class: "tot", text: "sẵn sàng"}));
    state.title = (d.chan_doan || []).map((x) => x.dong).join("\n");
    tb.append(el("tr", {onclick: () => openDoc(d.ten), "data-ten": d.ten},
      el("td", {text: d.ten}), el("td", {text: d.mau}), el("td", {text: d.so}), el("td", {text: d.ngay}),
      el("td", {text: d.trich_yeu}), state));
  }
}
async function loadTemplates() {
  const r = await api("GET", "/api/templates");
  const s = $("#mau-moi");
  for (const t of r.body || []) s.append(el("option", {value: t.ten, text: t.ten + " — " + t.mo_ta}));
}
$("#tao-moi").onclick = async () => {
  const r = await api("POST", "/api/new", {mau: $("#mau-moi").value, ten: $("#ten-moi").value.trim()});
  if (!r.ok) return alert(r.body.loi);
  openDoc(r.body.ten);
};

// ---- register: filtered by year and series on the server, by text here
let regRows = [];
function regQuery() {
  const q = new URLSearchParams();
  if ($("#so-nam").value) q.set("nam", $("#so-nam").value);
  if ($("#so-chuoi").value) q.set("chuoi", $("#so-chuoi").value);
  return q;
}
function fillSelect(sel, values, all) {
  const cur = sel.value;
  sel.replaceChildren(el("option", {value: "", text: all}), ...values.map((v) => el("option", {value: String(v), text: String(v)})));
  sel.value = values.map(String).includes(cur) ? cur : "";
}
async function loadRegister() {
  const r = await api("GET", "/api/register?" + regQuery());
  fillSelect($("#so-nam"), r.body.nam_co || [], "mọi năm");
  fillSelect($("#so-chuoi"), r.body.chuoi_co || [], "mọi sổ");
  const q = regQuery();
  for (const f of ["csv", "xlsx"]) { q.set("dang", f); $("#so-" + f).href = "/api/register?" + q; }
  regRows = r.body.hang || [];
  $("#so-trong").hidden = !!r.body.co_so;
  drawRegister();
}
function drawRegister() {
  const [head, ...rows] = regRows.length ? regRows : [[]];
  const f = $("#so-loc").value.toLowerCase();
  $("#bang-so thead").replaceChildren(el("tr", {}, ...head.map((h) => el("th", {text: h}))));
  $("#bang-so tbody").replaceChildren(...rows.filter((r) => !f || r.join(" ").toLowerCase().includes(f))
    .map((r) => el("tr", {}, ...r.map((c) => el("td", {text: c})))));
}
$("#so-nam").onchange = loadRegister;
$("#so-chuoi").onchange = loadRegister;
$("#so-loc").oninput = drawRegister;

// ---- a document
async function openDoc(name) {
  const r = await api("GET", "/api/doc?ten=" + encodeURIComponent(name));
  if (!r.ok) return alert(r.body.loi);
  Object.assign(st, {name: r.body.ten, src: r.body.src, base: r.body.base, fields: r.body.truong, values: r.body.gia_tri || {}, docs: r.body.van_ban, dirty: false, pending: []});
  $("#ten-van-ban").textContent = st.name;
  $("#toml").value = st.src;
  buildForm();
  show("van-ban");
  setStatus("");
  schedule(0);
}

function setStatus(s, cls) { const t = $("#trang-thai"); t.textContent = s; t.className = cls || ""; }
function markDirty() { st.dirty = true; setStatus("chưa lưu", "canh-bao"); }

// Values as the form shows them.
const asLines = (v) => Array.isArray(v) ? v.join("\n") : (v ?? "");
const fromLines = (s) => s.split("\n").map((x) => x.trim()).filter((x) => x !== "");
function dateValue(v) {
  if (v == null) return "";
  if (typeof v === "string") return v;
  return String(v).slice(0, 10);
}

function buildForm() {
  const f = $("#bieu-mau");
  f.replaceChildren();
  // The keys few documents need (độ khẩn, độ mật, bản điện tử…) are folded
  // away unless the document already uses one.
  const rare = el("details", {class: "it-dung"}, el("summary", {text: "Tùy chọn ít dùng (độ khẩn, độ mật, bản điện tử, dự thảo…)"}));
  for (const fd of st.fields) {
    if (fd.kieu === "bang" || fd.khoa === "mau") continue; // tables of the profile: in vanban.toml
    if (fd.it_dung) {
      rare.append(fieldBox(fd));
      if (st.values[fd.khoa] !== undefined && st.values[fd.khoa] !== "" && st.values[fd.khoa] !== 0) rare.open = true;
      continue;
    }
    f.append(fieldBox(fd));
  }
  if (rare.children.length > 1) f.append(rare);
  f.append(el("p", {class: "mo-ta", text: "Cơ quan ban hành và người ký lấy từ vanban.toml; sửa ở thẻ TOML nếu văn bản này khác."}));
}

function fieldBox(fd) {
  const box = el("div", {class: "truong", "data-khoa": fd.khoa});
  box.append(el("label", {for: "f-" + fd.khoa, text: (fd.nhan || fd.khoa) + (fd.bat_buoc ? " *" : "")}));
  const v = st.values[fd.khoa];
  const send = (val) => { edit(fd.khoa, val); };
  let input;
  switch (fd.kieu) {
    case "noi_dung":
      input = el("textarea", {id: "f-" + fd.khoa, rows: 14});
      input.value = v ?? "";
      input.oninput = () => send(input.value);
      break;
    case "dong": case "danh_sach":
      input = el("textarea", {id: "f-" + fd.khoa, rows: 3, title: "mỗi dòng một mục"});
      input.value = asLines(v);
      input.oninput = () => send(fromLines(input.value));
      break;
    case "ngay":
      input = el("input", {id: "f-" + fd.khoa, type: "text", placeholder: "NĂM-THÁNG-NGÀY"});
      input.value = dateValue(v);
      input.oninput = () => send(input.value.trim());
      const pick = el("input", {type: "date"});
      pick.onchange = () => { input.value = pick.value; send(pick.value); };
      box.append(input, pick);
      input = null;
      break;
    case "so": case "so_vb":
      input = el("input", {id: "f-" + fd.khoa, type: "text", inputmode: "numeric"});
      input.value = v ?? "";
      input.oninput = () => { const t = input.value.trim(); send(/^\d+$/.test(t) ? Number(t) : t); };
      break;
    case "co_khong":
      input = el("input", {id: "f-" + fd.khoa, type: "checkbox"});
      input.checked = v === true;
      input.onchange = () => send(input.checked);
      break;
    case "van_ban":
      input = el("select", {id: "f-" + fd.khoa}, el("option", {value: "", text: "—"}),
        ...st.docs.filter((d) => d + ".toml" !== st.name).map((d) => el("option", {value: d, text: d})));
      input.value = typeof v === "string" ? v : "";
      input.onchange = () => send(input.value);
      break;
    case "bang_lap":
      box.append(rowsTable(fd));
      break;
    default:
      input = el("input", {id: "f-" + fd.khoa, type: "text"});
      input.value = v ?? "";
      input.oninput = () => send(input.value);
  }
  if (input) box.append(input);
  if (fd.mo_ta) box.append(el("div", {class: "mo-ta", text: fd.mo_ta}));
  box.append(el("div", {class: "chan-doan"}));
  return box;
}

// ---- tables of rows ([[x]]) and paste from Excel
function rowsOf(fd) { return (st.values[fd.khoa] || []).map((r) => fd.cot.map((c) => r[c.khoa] ?? "")); }
function sendRows(fd, rows) {
  st.values[fd.khoa] = rows.map((r) => Object.fromEntries(fd.cot.map((c, i) => [c.khoa, r[i]])));
  edit("[[" + fd.khoa + "]]", {cot: fd.cot.map((c) => c.khoa), hang: rows.map((r) => r.map((x, i) => fd.cot[i].kieu === "so" && /^\d+$/.test(String(x)) ? Number(x) : String(x)))});
}
function rowsTable(fd) {
  const wrap = el("div", {class: "bang-lap"});
  const draw = () => {
    const rows = rowsOf(fd);
    const t = el("table", {id: "bang-" + fd.khoa},
      el("thead", {}, el("tr", {}, el("th", {text: "#"}), ...fd.cot.map((c) => el("th", {text: c.nhan || c.khoa})), el("th"))));
    const tb = el("tbody");
    rows.forEach((r, i) => {
      tb.append(el("tr", {}, el("td", {text: String(i + 1)}), ...r.map((c, k) => {
        const inp = el("input", {value: String(c)});
        inp.oninput = () => { const rs = rowsOf(fd); rs[i][k] = inp.value; sendRows(fd, rs); };
        return el("td", {}, inp);
      }), el("td", {}, el("button", {type: "button", text: "×", title: "xóa dòng", onclick: () => { const rs = rowsOf(fd); rs.splice(i, 1); sendRows(fd, rs); draw(); }}))));
    });
    t.append(tb);
    wrap.replaceChildren(t,
      el("div", {class: "hang-nut"},
        el("button", {type: "button", text: "+ Thêm dòng", onclick: () => { const rs = rowsOf(fd); rs.push(fd.cot.map(() => "")); sendRows(fd, rs); draw(); }}),
        el("span", {class: "mo-ta", text: rows.length + " dòng · dán (Ctrl+V) các dòng chép từ Excel vào bảng này"})));
    t.tabIndex = 0;
  };
  wrap.addEventListener("paste", (e) => {
    const text = e.clipboardData.getData("text/plain");
    if (!text.includes("\t") && !text.includes("\n")) return; // one cell: an ordinary paste
    e.preventDefault();
    pastePreview(fd, text, draw);
  });
  wrap.redraw = draw;
  draw();
  return wrap;
}

// parseTSV reads what Excel and LibreOffice Calc put on the clipboard:
// tab-separated cells, quoted cells that hold tabs or line breaks.
function parseTSV(text) {
  const rows = [];
  let row = [], cell = "", i = 0, q = false;
  text = text.replace(/\r\n?/g, "\n");
  while (i < text.length) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { q = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === "") { q = true; i++; continue; }
    if (c === "\t") { row.push(cell); cell = ""; i++; continue; }
    if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; continue; }
    cell += c; i++;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== "")).map((r) => r.map((c) => c.trim()));
}
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

// mapColumns maps pasted columns to the table's: by header when the first
// row names them (the key or the label, accents ignored), else by order.
function mapColumns(fd, rows) {
  const names = fd.cot.map((c) => [fold(c.khoa.replace(/_/g, " ")), fold(c.nhan || "")]);
  const head = rows[0].map(fold);
  const idx = head.map((h) => names.findIndex(([k, l]) => h && (h === k || h === l || (l && (l.includes(h) || h.includes(l))))));
  if (idx.filter((x) => x >= 0).length >= Math.min(2, fd.cot.length)) return {map: idx, rows: rows.slice(1), byHeader: true};
  return {map: rows[0].map((_, i) => (i < fd.cot.length ? i : -1)), rows, byHeader: false};
}
function pastePreview(fd, text, redraw) {
  const all = parseTSV(text);
  if (!all.length) return;
  const {map, rows, byHeader} = mapColumns(fd, all);
  const mapped = rows.map((r) => { const out = fd.cot.map(() => ""); r.forEach((c, i) => { if (map[i] >= 0) out[map[i]] = c; }); return out; });
  $("#dan-mo-ta").textContent = mapped.length + " dòng, cột ghép " + (byHeader ? "theo tiêu đề" : "theo thứ tự") + ": " +
    map.map((m, i) => (m >= 0 ? (byHeader ? all[0][i] : "cột " + (i + 1)) + " → " + (fd.cot[m].nhan || fd.cot[m].khoa) : null)).filter(Boolean).join("; ");
  $("#dan-bang").replaceChildren(el("tr", {}, ...fd.cot.map((c) => el("th", {text: c.nhan || c.khoa}))),
    ...mapped.slice(0, 50).map((r) => el("tr", {}, ...r.map((c) => el("td", {text: c})))));
  $("#dan-thay").checked = rowsOf(fd).every((r) => r.every((c) => String(c).trim() === "" || String(c).includes("…")));
  $("#dan-xem").hidden = false;
  $("#dan-dong-y").onclick = () => {
    const rs = $("#dan-thay").checked ? mapped : rowsOf(fd).concat(mapped);
    sendRows(fd, rs); redraw(); $("#dan-xem").hidden = true;
  };
  $("#dan-huy").onclick = () => { $("#dan-xem").hidden = true; };
}

// ---- live preview: edits are queued, sent after a short pause, and
// coalesced while a request is on its way.
function edit(key, val) {
  st.pending = st.pending.filter((e) => e.khoa !== key);
  st.pending.push({khoa: key, gia_tri: val});
  markDirty();
  schedule(40);
}
$("#toml").addEventListener("input", () => { st.src = $("#toml").value; st.pending = []; markDirty(); drawTomlMarks(); schedule(60); });
function schedule(ms) { clearTimeout(st.timer); st.timer = setTimeout(refresh, ms); }
async function refresh() {
  if (st.inflight) { st.again = true; return; }
  st.inflight = true;
  const edits = st.pending; st.pending = [];
  const r = await api("POST", "/api/preview", {ten: st.name, src: st.src, sua: edits});
  st.inflight = false;
  if (r.ok) {
    st.src = r.body.src;
    if (document.activeElement !== $("#toml")) $("#toml").value = st.src;
    if (r.body.gia_tri) for (const [k, v] of Object.entries(r.body.gia_tri)) if (!st.pending.some((e) => e.khoa === k)) st.values[k] = v;
    if (r.body.trang.length) $("#xem-truoc").innerHTML = r.body.trang.join("");
    $("#xem-truoc").dataset.us = r.body.us;
    showDiags(r.body.chan_doan);
  } else {
    showDiags([{muc: "lỗi", dong: r.body.loi || "lỗi " + r.status}]);
  }
  if (st.again || st.pending.length) { st.again = false; refresh(); }
}

function showDiags(ds) {
  document.querySelectorAll(".truong").forEach((b) => { b.classList.remove("co-loi"); b.querySelector(".chan-doan").replaceChildren(); });
  const list = $("#chan-doan");
  list.replaceChildren();
  const tomlErr = [], marks = {};
  for (const d of ds) {
    const cls = d.muc === "lỗi" ? "loi" : "canh-bao";
    const line = el("div", {class: cls, text: d.dong + (d.goi_y && d.goi_y.length ? "\n    gợi ý: " + d.goi_y.join("; ") : "")});
    list.append(line);
    if (d.file === st.name && d.line) {
      tomlErr.push(el("div", {class: cls, text: "dòng " + d.line + ": " + d.muc + ": " + d.thong_bao + " [" + d.ma + "]", onclick: () => { $("#the-toml").onclick(); gotoLine(d.line); }}));
      if (marks[d.line] !== "loi") marks[d.line] = cls;
    }
    const top = (d.key || "").split(".")[0];
    const box = top && document.querySelector('.truong[data-khoa="' + CSS.escape(top) + '"]');
    if (box) {
      if (d.muc === "lỗi") box.classList.add("co-loi");
      box.querySelector(".chan-doan").append(el("div", {class: cls, text: d.muc + ": " + d.thong_bao + (d.goi_y && d.goi_y.length ? " — gợi ý: " + d.goi_y.join("; ") : "")}));
    }
  }
  $("#toml-loi").replaceChildren(...tomlErr);
  st.tomlMarks = marks;
  drawTomlMarks();
}

// The raw tab: the lines diagnostics point to are highlighted behind the
// text (a backdrop with the same lines), and a click on a diagnostic
// selects its line.
function drawTomlMarks() {
  const lines = $("#toml").value.split("\n");
  const marks = st.tomlMarks || {};
  $("#toml-nen").replaceChildren(...lines.map((l, i) => el("div", {class: marks[i + 1] || "", "data-dong": i + 1, text: l || " "})));
  syncTomlScroll();
}
function syncTomlScroll() { const n = $("#toml-nen"); n.scrollTop = $("#toml").scrollTop; n.scrollLeft = $("#toml").scrollLeft; }
$("#toml").addEventListener("scroll", syncTomlScroll);
function gotoLine(n) {
  const t = $("#toml"), lines = t.value.split("\n");
  const start = lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
  t.focus();
  t.setSelectionRange(start, start + (lines[n - 1] || "").length);
  t.scrollTop = Math.max(0, (n - 4) * parseFloat(getComputedStyle(t).lineHeight));
  syncTomlScroll();
}

// ---- tabs
$("#the-form").onclick = () => { $("#bieu-mau").hidden = false; $("#o-toml").hidden = true; $("#the-form").classList.add("chon"); $("#the-toml").classList.remove("chon"); buildForm(); refresh(); };
$("#the-toml").onclick = () => { $("#toml").value = st.src; drawTomlMarks(); $("#bieu-mau").hidden = true; $("#o-toml").hidden = false; $("#the-toml").classList.add("chon"); $("#the-form").classList.remove("chon"); };

// ---- actions
async function flush() {
  clearTimeout(st.timer);
  if (st.pending.length || st.inflight) { await refresh(); while (st.inflight) await new Promise((r) => setTimeout(r, 20)); }
}
$("#luu").onclick = async () => {
  await flush();
  const r = await api("POST", "/api/save", {ten: st.name, src: st.src, base: st.base});
  if (!r.ok) { setStatus(r.body.loi, "loi"); return; }
  st.base = r.body.base; st.dirty = false;
  setStatus("đã lưu", "tot");
};
async function buildAs(fmt, then) {
  if (st.dirty) { await $("#luu").onclick(); if (st.dirty) return; }
  setStatus("đang tạo " + fmt.toUpperCase() + "…");
  const r = await api("POST", "/api/build", {ten: st.name, dinh_dang: fmt});
  const errs = (r.body.chan_doan || []).filter((d) => d.muc === "lỗi");
  if (!r.ok || errs.length) { setStatus("không tạo được: " + (r.body.loi || errs.map((d) => d.dong).join("; ")), "loi"); showDiags(r.body.chan_doan || []); return; }
  setStatus("đã tạo " + (r.body.tep || []).join(", "), "tot");
  for (const f of r.body.tep || []) if (f.endsWith("." + fmt)) (then || ((u) => window.open(u, "_blank")))(f);
}
$("#tao-pdf").onclick = () => buildAs("pdf");
$("#tao-docx").onclick = () => buildAs("docx");
// In: the PDF, built afresh, in a frame of this page; once loaded, the
// browser's print dialog opens on it (the browser's own PDF viewer does
// the printing, at 100 %). A browser that cannot print from a frame gets
// the PDF in a new tab.
$("#in").onclick = () => buildAs("pdf", (url) => {
  const f = $("#khung-in");
  f.onload = () => {
    setStatus("đã mở hộp thoại in " + url, "tot");
    try { f.contentWindow.focus(); f.contentWindow.print(); } catch (_) { window.open(url, "_blank"); }
  };
  f.src = url + "?in=" + Date.now();
  f.dataset.tep = url;
});

// ---- Cấp số: the number it will take first, then the number given and
// the documents rebuilt, read line by line as the server sends them.
async function peekNumber() {
  const d = $("#ngay-cap").value;
  const r = await api("GET", "/api/assign?ten=" + encodeURIComponent(st.name) + (d ? "&ngay=" + d : ""));
  const errs = (r.body.chan_doan || []).filter((x) => x.muc === "lỗi");
  $("#cap-dong-y").disabled = !r.ok || errs.length > 0;
  if (!r.ok || errs.length) {
    $("#cap-so-moi").textContent = "";
    $("#cap-mo-ta").textContent = r.body.loi || errs.map((x) => x.dong).join("\n");
    return;
  }
  const p = r.body;
  $("#cap-so-moi").textContent = "Số: " + p.so + (p.ngay ? " — ngày " + p.ngay : "");
  $("#cap-dong-y").textContent = p.da_co ? "Giữ số này, tạo lại" : "Cấp số này";
  $("#cap-mo-ta").textContent = (p.da_co ? "Văn bản đã có số này trong sổ " + p.chuoi + " năm " + p.nam + "." :
    "Số tiếp theo của sổ " + p.chuoi + " năm " + p.nam + ". Số được ghi vào sổ đăng ký và không lấy lại được (chỉ hủy được).") +
    " Sẽ tạo lại: " + (p.trich || []).join(", ") + ".";
}
$("#cap-so").onclick = async () => {
  if (st.dirty) { await $("#luu").onclick(); if (st.dirty) return; }
  $("#cap-ten").textContent = st.name;
  $("#cap-tien-do").hidden = true;
  $("#cap-xem").hidden = false;
  await peekNumber();
};
$("#ngay-cap").onchange = peekNumber;
$("#cap-huy").onclick = () => { $("#cap-xem").hidden = true; };
$("#cap-dong-y").onclick = async () => {
  $("#cap-dong-y").disabled = true;
  $("#cap-tien-do").hidden = false;
  $("#cap-buoc").textContent = "đang cấp số…";
  const resp = await fetch("/api/assign", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({ten: st.name, ngay: $("#ngay-cap").value})});
  if (!resp.ok) {
    let j = {}; try { j = await resp.json(); } catch (_) {}
    $("#cap-buoc").textContent = j.loi || (j.chan_doan || []).map((x) => x.dong).join("; ");
    $("#cap-buoc").className = "loi";
    return;
  }
  let so = "", ngay = "", last = {};
  const reader = resp.body.getReader(), dec = new TextDecoder();
  let buf = "";
  for (;;) {
    const {value, done} = await reader.read();
    if (value) buf += dec.decode(value, {stream: true});
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i); buf = buf.slice(i + 1);
      if (!line.trim()) continue;
      const p = JSON.parse(line);
      last = p;
      if (p.buoc === "so") { so = p.so; ngay = p.ngay; $("#cap-so-moi").textContent = "Số: " + so + " — ngày " + ngay; $("#cap-buoc").textContent = "đã cấp số, đang tạo lại văn bản…"; }
      if (p.buoc === "tao") { $("#cap-thanh").max = p.tong; $("#cap-thanh").value = p.xong; $("#cap-buoc").textContent = "đã tạo " + p.xong + "/" + p.tong + ": " + p.ten; }
    }
    if (done) break;
  }
  const errs = (last.chan_doan || []).filter((d) => d.muc === "lỗi");
  $("#cap-buoc").textContent = errs.length ? "đã cấp số; có lỗi khi tạo lại: " + errs.map((d) => d.dong).join("; ") : "xong: đã tạo lại " + (last.tong || 0) + " văn bản";
  $("#cap-buoc").className = errs.length ? "loi" : "tot";
  await openDoc(st.name);
  setStatus("đã cấp số " + so + " ngày " + ngay, "tot");
};

loadList();
loadTemplates();

// ---- click in the preview: the field (or TOML line) the text comes from.
// The line clicked is read back from the page (its words share a
// baseline) and looked for in the fields' values and the TOML lines, with
// spaces and case folded; the longest run of its words that is found wins.
function norm(s) { return s.replace(/\s+/g, " ").trim().toLowerCase(); }
function lineAt(t) {
  const svg = t.closest("svg"), y = t.getAttribute("y");
  const parts = [...svg.querySelectorAll("text")].filter((x) => x.getAttribute("y") === y)
    .sort((a, b) => parseFloat(a.getAttribute("x")) - parseFloat(b.getAttribute("x")));
  return {words: norm(parts.map((x) => x.textContent).join(" ")).split(" "), at: parts.indexOf(t)};
}
// needles are runs of the clicked line's words around the clicked one,
// longest first.
function needles(line) {
  const out = [];
  for (let n = Math.min(line.words.length, 8); n >= 2; n--) {
    for (let s = Math.max(0, line.at - n + 1); s <= Math.min(line.at, line.words.length - n); s++) out.push(line.words.slice(s, s + n).join(" "));
  }
  return out;
}
function locate(line) {
  const ns = needles(line);
  if (!$("#o-toml").hidden) {
    const lines = st.src.split("\n").map(norm);
    for (const n of ns) { const i = lines.findIndex((l) => l.includes(n)); if (i >= 0) { gotoLine(i + 1); return true; } }
    return false;
  }
  const inputs = [...document.querySelectorAll("#bieu-mau input, #bieu-mau textarea")];
  for (const n of ns) {
    for (const inp of inputs) {
      const v = inp.value || "";
      const i = norm(v).indexOf(n);
      if (i < 0) continue;
      const box = inp.closest("details");
      if (box) box.open = true;
      inp.scrollIntoView({block: "center"});
      inp.focus();
      if (inp.tagName === "TEXTAREA") {
        // The position in the folded value maps back to the raw one by
        // counting non-space characters.
        const want = norm(v).slice(0, i).replace(/ /g, "").length;
        let k = 0, seen = 0;
        while (k < v.length && seen < want) { if (!/\s/.test(v[k])) seen++; k++; }
        while (k < v.length && /\s/.test(v[k])) k++;
        inp.setSelectionRange(k, k + n.length);
      }
      return true;
    }
  }
  return false;
}
$("#xem-truoc").addEventListener("click", (e) => {
  const t = e.target.closest("text");
  if (!t || window.getSelection().toString()) return; // selecting text, not pointing
  const line = lineAt(t);
  if (!locate(line)) setStatus("không tìm thấy ô nhập của dòng này (có thể là phần vanban tự thêm: quốc hiệu, căn cứ luật…)");
});
