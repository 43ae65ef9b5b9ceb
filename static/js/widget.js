/* Farol widget: puts the partner's card (an iframe from this server) into each
   <div data-farol-slot="…" data-partner="…" data-lang="…">. The div's own link stays until the card
   has loaded, so a page without scripts, or one the card refuses to frame, still links to Farol.
   One global, Farol; no cookie, no storage; the card's height comes from postMessage, checked by origin. */
(function (w, d) {
  "use strict";
  var F = w.Farol = w.Farol || {};
  if (F.widget) return;
  var me = d.currentScript, base = me ? new URL(me.src, d.baseURI).origin : "", cards = [];

  function mount(el) {
    if (el.getAttribute("data-farol-ready")) return;
    el.setAttribute("data-farol-ready", "1");
    var q = new URLSearchParams(), f = d.createElement("iframe"), a = el.querySelector("a");
    q.set("partner", el.getAttribute("data-partner") || "");
    ["lang", "theme", "accent"].forEach(function (k) {
      var v = el.getAttribute("data-" + k);
      if (v) q.set(k, v);
    });
    f.src = base + "/embed/" + encodeURIComponent(el.getAttribute("data-farol-slot") || "widget-default") + "?" + q;
    f.title = el.getAttribute("data-title") || (a && a.textContent.trim()) || "Farol";
    f.loading = "lazy";
    f.referrerPolicy = "no-referrer";
    f.style.cssText = "display:block;border:0;width:100%;max-width:100%;height:" +
      (parseInt(el.getAttribute("data-height"), 10) || 200) + "px";
    cards.push({ frame: f, box: el });
    el.appendChild(f);
  }

  function resize(e) {
    var m = e.data;
    if (e.origin !== base || !m || m.farol !== "height") return;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      if (c.frame.contentWindow !== e.source) continue;
      c.frame.style.height = Math.min(Math.max(m.height | 0, 40), 4000) + "px";
      for (var n = c.box.firstElementChild; n; n = n.nextElementSibling) if (n !== c.frame) n.hidden = true;
    }
  }

  function scan(root) {
    var found = (root || d).querySelectorAll("[data-farol-slot]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  w.addEventListener("message", resize);
  F.widget = { scan: scan };
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", function () { scan(); });
  else scan();
})(window, document);
