/* One event, one link. Every event card has a "#" permalink (its anchor on the timeline), a
 * "Copy link" button and a "Details" button. Details opens a dialog with the event's sources: the
 * card's own date, actors, quote and sentence links (copied nodes: no text is parsed as HTML), and
 * for each article its title, original address and archived copy, read from the article's page
 * when the dialog opens; then its link and the code to embed it (embed/index.html,
 * generator/site/embed.py).
 * The dialog's state is in the address: ?event=<anchor> opens it, so the copied link reopens it.
 * The buttons stay hidden without JavaScript; the "#" permalink works everywhere.
 * An actor page's "Embed this timeline" box (partials/actor_embed.html) gets its code here too. */
(function () {
  "use strict";
  var PARAM = "event";

  function absolute(href) {
    return new URL(href, window.location.href).href;
  }
  /* The link that reopens an event's dialog: its permalink with ?event=<anchor>. */
  function shareUrl(href, anchor) {
    var url = new URL(href, window.location.href);
    url.searchParams.set(PARAM, anchor);
    url.hash = anchor;
    return url.href;
  }
  function embedUrl(href, query) {
    var url = new URL(href, window.location.href);
    Object.keys(query).forEach(function (key) {
      if (query[key]) url.searchParams.set(key, query[key]);
    });
    return url.href;
  }
  function attribute(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  /* The iframe to paste into another page; the title is what a screen reader announces. */
  function iframe(src, title, height) {
    return '<iframe src="' + attribute(src) + '" title="' + attribute(title) + '" width="100%" height="' +
      height + '" style="border: 1px solid #ccc; border-radius: 4px; max-width: 40em" loading="lazy"></iframe>';
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "tl-copy-fallback";
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function copyFrom(button, text, label) {
    copy(text).then(
      function () { button.textContent = "Copied"; },
      function () { window.prompt("Copy this:", text); }
    ).then(function () {
      window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* One field to copy from: its label, the text (read-only) and a Copy button. */
  function copyField(label, text, button, multiline) {
    var row = element("div", "tl-share-field");
    var id = "tl-share-" + label.toLowerCase().replace(/\W+/g, "-");
    var name = element("label", "", label);
    name.htmlFor = id;
    var field = element(multiline ? "textarea" : "input", "tl-share-text");
    field.id = id;
    field.readOnly = true;
    field.value = text;
    if (multiline) field.rows = 3;
    field.addEventListener("focus", function () { field.select(); });
    var copyButton = element("button", "tl-share-copy", button);
    copyButton.type = "button";
    copyButton.addEventListener("click", function () { copyFrom(copyButton, field.value, button); });
    row.appendChild(name);
    row.appendChild(field);
    row.appendChild(copyButton);
    return row;
  }

  var dialog = null;
  var opener = null;
  function theDialog() {
    if (dialog) return dialog;
    dialog = element("dialog", "tl-dialog");
    dialog.setAttribute("aria-labelledby", "tl-dialog-title");
    dialog.addEventListener("close", function () {
      if (opener && document.contains(opener)) opener.focus(); // back to the card's Details button
      var url = new URL(window.location.href);
      if (url.searchParams.has(PARAM)) {
        url.searchParams.delete(PARAM);
        history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      }
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  /* Each article that tells an event, from its own page, fetched when a dialog first needs it (so
   * a card carries nothing more, at any size of site): its title, original address, archived copy
   * and where its publication date came from. Only text and checked addresses are taken from it. */
  var articles = {};
  function articleFacts(url) {
    if (!articles[url]) {
      articles[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.text().then(function (text) {
          return readFacts(new DOMParser().parseFromString(text, "text/html"), response.url || url);
        });
      });
    }
    return articles[url];
  }
  function readFacts(page, url) {
    var heading = page.querySelector(".md-content h1") || page.querySelector("h1");
    var facts = { title: heading ? heading.textContent.trim() : "", links: [], dateFrom: "" };
    var original = page.querySelector("a.tl-original");
    var archived = page.querySelector("a.tl-archived");
    [original, archived].forEach(function (anchor) {
      if (!anchor) return;
      var href = new URL(anchor.getAttribute("href"), url);
      if (href.protocol === "http:" || href.protocol === "https:") {
        facts.links.push({ className: anchor.className, text: anchor.textContent.trim(), href: href.href });
      }
    });
    var dateFrom = page.querySelector(".tl-date-from");
    if (dateFrom) facts.dateFrom = dateFrom.textContent.trim();
    return facts;
  }
  /* One line per article the card's sentence links point to, filled in as its page arrives. */
  function articleDetails(card) {
    var box = element("div", "tl-details");
    var seen = {};
    var sources = card.querySelectorAll("blockquote a.tl-source");
    for (var i = 0; i < sources.length; i++) {
      var url = new URL(sources[i].getAttribute("href"), window.location.href);
      url.hash = "";
      if (seen[url.href]) continue;
      seen[url.href] = true;
      box.appendChild(articleLine(url.href, sources[i].href));
    }
    return box;
  }
  function articleLine(url, sentence) {
    var line = element("p", "tl-details-article");
    line.appendChild(element("strong", "", "Article: "));
    var title = element("a", "", "the article");
    title.href = sentence;
    line.appendChild(title);
    var status = element("span", "tl-details-status", " (loading its details…)");
    line.appendChild(status);
    articleFacts(url).then(
      function (facts) {
        line.removeChild(status);
        if (facts.title) title.textContent = facts.title;
        facts.links.forEach(function (each) {
          line.appendChild(document.createTextNode(" · "));
          var anchor = element("a", each.className, each.text);
          anchor.href = each.href;
          anchor.rel = "noopener noreferrer";
          line.appendChild(anchor);
        });
        if (facts.dateFrom) line.appendChild(document.createTextNode(" · " + facts.dateFrom));
      },
      function () {
        status.textContent = ": its original address and archived copy are on its page";
      }
    );
    return line;
  }

  /* "Date: 20 July 1969, date in the text: The sentence states this date." from the card. */
  function dateLine(card) {
    var line = element("p", "tl-details-date");
    line.appendChild(element("strong", "", "Date:"));
    var time = card.querySelector(".tl-when time");
    var source = card.querySelector(".tl-date-source");
    var text = " " + (time ? time.textContent : "");
    if (source && source.textContent) text += ", " + source.textContent;
    if (source && source.title) text += ": " + source.title;
    line.appendChild(document.createTextNode(text));
    return line;
  }

  /* A card's anchor ('e-<id>'): the fragment of its permalink. */
  function anchorOf(card) {
    var permalink = card.querySelector(".tl-permalink");
    if (!permalink) return "";
    return decodeURIComponent(new URL(permalink.getAttribute("href"), window.location.href).hash.slice(1));
  }

  function openDialog(card) {
    var button = card.querySelector(".tl-share");
    if (!button || !card.querySelector(".tl-copy-link")) return;
    var anchor = anchorOf(card);
    var copyLink = card.querySelector(".tl-copy-link");
    var title = card.querySelector(".tl-title");
    var titleText = title ? title.textContent.trim() : "";
    var box = theDialog();
    box.textContent = "";
    var close = element("button", "tl-dialog-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { box.close(); });
    box.appendChild(close);
    var heading = element("h2", "tl-dialog-title", titleText || "(untitled event)");
    heading.id = "tl-dialog-title";
    box.appendChild(heading);
    box.appendChild(dateLine(card));
    var who = card.querySelector(".tl-who");
    if (who) box.appendChild(who.cloneNode(true));
    var quote = card.querySelector("blockquote");
    if (quote) box.appendChild(quote.cloneNode(true));
    box.appendChild(articleDetails(card));
    var link = shareUrl(copyLink.getAttribute("data-href"), anchor);
    var embed = embedUrl(button.getAttribute("data-embed"), { event: anchor });
    var share = element("div", "tl-share-box");
    share.appendChild(copyField("Link", link, "Copy link", false));
    share.appendChild(copyField("Embed", iframe(embed, "News Timeline: " + titleText, 260), "Copy embed code", true));
    box.appendChild(share);
    opener = button;
    if (!box.open) box.showModal();
    close.focus();
    var url = new URL(window.location.href);
    if (url.searchParams.get(PARAM) !== anchor) {
      url.searchParams.set(PARAM, anchor);
      history.replaceState(history.state, "", url.pathname + url.search + "#" + anchor);
    }
  }

  /* ?event=<anchor> in the address: open that event's dialog, over the card. */
  function openFromAddress() {
    var anchor = new URLSearchParams(window.location.search).get(PARAM);
    if (!anchor) return;
    var cards = document.querySelectorAll(".tl-event");
    for (var i = 0; i < cards.length; i++) {
      if (anchorOf(cards[i]) === anchor) {
        cards[i].scrollIntoView({ block: "center" });
        openDialog(cards[i]);
        return;
      }
    }
  }

  /* An actor page's "Embed this timeline": the code with this site's address. */
  function fillEmbedBoxes() {
    var boxes = document.querySelectorAll(".tl-embed-box[data-embed]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var src = embedUrl(box.getAttribute("data-embed"), { actor: box.getAttribute("data-actor") });
      var code = iframe(src, box.getAttribute("data-title") || "News Timeline", 400);
      var old = box.querySelector(".tl-embed-code");
      var field = copyField("Embed code", code, "Copy embed code", true);
      if (old) old.parentNode.replaceChild(field, old);
      else box.appendChild(field);
    }
  }

  function start() {
    var buttons = document.querySelectorAll(".tl-copy-link[hidden], .tl-share[hidden]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
    fillEmbedBoxes();
    openFromAddress();
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) return;
    var copyButton = target.closest(".tl-copy-link");
    if (copyButton) {
      var card = copyButton.closest(".tl-event");
      var href = copyButton.getAttribute("data-href");
      var url = card ? shareUrl(href, anchorOf(card)) : absolute(href);
      copyFrom(copyButton, url, "Copy link");
      return;
    }
    var shareButton = target.closest(".tl-share");
    if (shareButton && shareButton.closest(".tl-event")) openDialog(shareButton.closest(".tl-event"));
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
