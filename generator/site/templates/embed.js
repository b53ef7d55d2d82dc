/* The embed page (generator/site/embed.py): one event (?event=e-<id>), an actor's events
 * (?actor=<slug or name>&from=&to=) or the latest events, from timeline/index.json.
 * Every text from the index is set as textContent (it comes from articles: untrusted); links are
 * built with URL and open the full site in the top window (<base target="_top">). */
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var LIST_LIMIT = 100; // the most events an actor's embed lists; the rest are one link away
  var LATEST = 20;
  var root = document.getElementById("tl-embed");
  var params = new URLSearchParams(location.search);
  var indexUrl = new URL(root.getAttribute("data-index"), location.href);
  var timelineUrl = new URL(root.getAttribute("data-timeline"), location.href);

  var scheme = params.get("scheme");
  if (scheme === "dark" || scheme === "light") document.documentElement.setAttribute("data-scheme", scheme);

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(href, text, className) {
    var node = element("a", className, text);
    node.href = href;
    return node;
  }

  /* A date as the site writes it, at the precision its first and last day give. */
  function formatDate(first, last) {
    var year = first.slice(0, 4), month = Number(first.slice(5, 7)), day = Number(first.slice(8, 10));
    if (first === last) return day + " " + MONTHS[month - 1] + " " + year;
    if (first.slice(5) === "01-01" && last.slice(0, 4) === year && last.slice(5) === "12-31") return year;
    return MONTHS[month - 1] + " " + year;
  }
  /* From and To as the timeline's filters read them: '1969' is 1969-01-01 to 1969-12-31. */
  function bound(text, end) {
    var match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec((text || "").trim());
    if (!match) return null;
    if (match[3]) return match[0];
    if (match[2]) {
      if (!end) return match[0] + "-01";
      var days = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
      return match[0] + "-" + String(days).padStart(2, "0");
    }
    return match[1] + (end ? "-12-31" : "-01-01");
  }

  function Index(json) {
    this.actors = json.actors; // [name, slug]
    this.places = json.places;
    this.pages = json.pages.map(function (page) { return new URL(page, indexUrl); });
    this.events = json.events.map(function (entry) {
      return { anchor: entry[0], first: entry[1], last: entry[2], actors: entry[3], places: entry[4],
        page: entry[5], title: entry[6] };
    });
  }
  /* The event on the full site, with its Details dialog open (theme_overrides/assets/permalink.js). */
  Index.prototype.eventUrl = function (event) {
    var url = new URL(this.pages[event.page].href);
    url.searchParams.set("event", event.anchor);
    url.hash = event.anchor;
    return url.href;
  };
  Index.prototype.actorUrl = function (number) {
    var pattern = root.getAttribute("data-actor-page");
    var slot = root.getAttribute("data-slug-slot");
    return new URL(pattern.replace(slot, encodeURIComponent(this.actors[number][1])), location.href).href;
  };
  Index.prototype.findActor = function (wanted) {
    var folded = wanted.trim().toLowerCase();
    for (var i = 0; i < this.actors.length; i++) {
      if (this.actors[i][1] === wanted || this.actors[i][0].toLowerCase() === folded) return i;
    }
    return -1;
  };

  function title(event) {
    return event.title && event.title.trim() ? event.title : "(untitled event)";
  }

  function showEvent(index, anchor) {
    var event = null;
    for (var i = 0; i < index.events.length; i++) {
      if (index.events[i].anchor === anchor || index.events[i].anchor === "e-" + anchor) event = index.events[i];
    }
    if (!event) return notFound("No event " + anchor + " on this timeline.");
    var card = element("article", "tl-embed-event");
    var when = element("p", "tl-embed-when");
    var time = element("time", "", formatDate(event.first, event.last));
    time.setAttribute("datetime", event.first);
    when.appendChild(time);
    card.appendChild(when);
    var heading = element("h1", "tl-embed-title");
    heading.appendChild(link(index.eventUrl(event), title(event)));
    card.appendChild(heading);
    var who = element("p", "tl-embed-who");
    event.actors.forEach(function (number) {
      who.appendChild(link(index.actorUrl(number), index.actors[number][0], "tl-embed-actor"));
      who.appendChild(document.createTextNode(" "));
    });
    if (event.places.length) {
      who.appendChild(element("span", "tl-embed-places", event.places.map(function (number) {
        return index.places[number][0];
      }).join(", ")));
    }
    if (who.childNodes.length) card.appendChild(who);
    var more = element("p", "tl-embed-more");
    more.appendChild(link(index.eventUrl(event), "Its sources on the timeline →"));
    card.appendChild(more);
    replace(card);
    addQuote(card, more, index.pages[event.page].href, event.anchor);
  }

  /* The event's quote and source line, read from its entry on the timeline page (when that page is
   * HTML, as the built site's is): text nodes and links rebuilt one by one, never parsed markup. */
  function addQuote(card, before, pageUrl, anchor) {
    fetch(pageUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text().then(function (text) {
          return [new DOMParser().parseFromString(text, "text/html"), response.url || pageUrl];
        });
      })
      .then(function (found) {
        var entry = found[0].getElementById(anchor);
        var quote = entry && entry.closest(".tl-event") && entry.closest(".tl-event").querySelector("blockquote");
        if (!quote) return;
        var box = element("blockquote", "tl-embed-quote");
        Array.prototype.forEach.call(quote.querySelectorAll("p"), function (paragraph, number) {
          box.appendChild(rebuilt(paragraph, found[1], number ? "tl-embed-source" : ""));
        });
        card.insertBefore(box, before);
      })
      .catch(function () { /* the event without its quote: the link still leads to it */ });
  }
  function rebuilt(paragraph, base, className) {
    var copy = element("p", className);
    Array.prototype.forEach.call(paragraph.childNodes, function (node) {
      if (node.nodeType === 3) {
        copy.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "A" && node.getAttribute("href")) {
        var href = new URL(node.getAttribute("href"), base);
        if (href.protocol === "http:" || href.protocol === "https:") copy.appendChild(link(href.href, node.textContent));
        else copy.appendChild(document.createTextNode(node.textContent));
      } else {
        copy.appendChild(document.createTextNode(node.textContent));
      }
    });
    return copy;
  }

  function showList(index, heading, events, total, allUrl) {
    var box = element("section", "tl-embed-list");
    var header = element("h1", "tl-embed-heading");
    header.appendChild(heading);
    box.appendChild(header);
    if (!events.length) box.appendChild(element("p", "tl-embed-status", "No events in these dates."));
    var list = element("ol", "tl-embed-events");
    events.slice(0, LIST_LIMIT).forEach(function (event) {
      var item = element("li");
      var time = element("time", "tl-embed-date", formatDate(event.first, event.last));
      time.setAttribute("datetime", event.first);
      item.appendChild(time);
      item.appendChild(link(index.eventUrl(event), title(event)));
      list.appendChild(item);
    });
    box.appendChild(list);
    if (total > Math.min(events.length, LIST_LIMIT)) {
      var more = element("p", "tl-embed-more");
      more.appendChild(link(allUrl, (total - Math.min(events.length, LIST_LIMIT)) + " more on the site →"));
      box.appendChild(more);
    }
    replace(box);
  }

  function showActor(index, wanted) {
    var number = index.findActor(wanted);
    if (number < 0) return notFound("No actor " + wanted + " on this timeline.");
    var from = bound(params.get("from"), false), to = bound(params.get("to"), true);
    var events = index.events.filter(function (event) {
      return event.actors.indexOf(number) >= 0 && (!from || event.last >= from) && (!to || event.first <= to);
    }).reverse(); // oldest first, as on the actor's page
    var heading = document.createDocumentFragment();
    heading.appendChild(link(index.actorUrl(number), index.actors[number][0]));
    var span = events.length
      ? ": " + events.length + (events.length === 1 ? " event, " : " events, ") +
        formatDate(events[0].first, events[0].last) + " to " +
        formatDate(events[events.length - 1].first, events[events.length - 1].last)
      : "";
    heading.appendChild(document.createTextNode(span));
    showList(index, heading, events, events.length, index.actorUrl(number));
  }

  function showLatest(index) {
    var heading = document.createDocumentFragment();
    heading.appendChild(link(timelineUrl.href, "Latest events"));
    showList(index, heading, index.events.slice(0, LATEST), index.events.length, timelineUrl.href);
  }

  function notFound(message) {
    var box = element("p", "tl-embed-status", message + " ");
    box.appendChild(link(timelineUrl.href, "Open the timeline"));
    replace(box);
  }
  function replace(node) {
    root.textContent = "";
    root.appendChild(node);
  }

  fetch(indexUrl.href)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(function (json) {
      var index = new Index(json);
      if (params.get("event")) showEvent(index, params.get("event"));
      else if (params.get("actor")) showActor(index, params.get("actor"));
      else showLatest(index);
    })
    .catch(function (error) {
      notFound("The timeline could not be loaded (" + error.message + ").");
    });
})();
