/* Timeline filters: actors, place, date range and free text, applied in the browser.
 *
 * Each .tl-event of the page has data-actors (actor slugs), data-places (place slugs),
 * data-start and data-end (ISO days). The filter state lives in the query string
 * (?actor=a&actor=b&match=all&place=p&from=1961&to=1969-07&q=moon) so a filtered view can be
 * shared and bookmarked. No library: it works from any sub-path.
 *
 * A big timeline is split into pages by period; the form then names (data-index) the compact
 * index of every event, timeline/index.json (see generator/site/exports.py), fetched once. The
 * filters run over it: the events of this page are shown or hidden, and the matches on other
 * pages are counted by period and listed with links (the filters follow the link). The text
 * filter reads an event of this page whole, an event of another page by its title, actors and
 * places. The actor filter tests only the chosen actors' events: each actor's events are listed
 * once (their positions, ascending), and the lists merged (any) or intersected (all).
 */
(function () {
  "use strict";

  var DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return text ? text.split(/\s+/).filter(Boolean) : [];
  }

  /* "1969" -> ["1969-01-01", "1969-12-31"]; "1969-07" -> ["1969-07-01", "1969-07-31"]. */
  function bounds(text) {
    var match = DATE.exec(text.trim());
    if (!match) return null;
    var month = match[2] || null;
    var day = match[3] || null;
    return [
      match[1] + "-" + (month || "01") + "-" + (day || "01"),
      match[1] + "-" + (month || "12") + "-" + (day || "31"),
    ];
  }

  var LISTED = 100; /* matches on other pages listed by title */

  /* How a date reads in a list: "1969", "1969-07", "1969-07-20". */
  function shortDate(start, end) {
    if (start === end) return start;
    if (start.slice(5) === "01-01" && end.slice(5) === "12-31" && start.slice(0, 4) === end.slice(0, 4)) {
      return start.slice(0, 4);
    }
    return start.slice(0, 7);
  }

  function Timeline(form) {
    this.form = form;
    this.indexUrl = form.getAttribute("data-index");
    this.pages = null; /* with the index: the URL of each page, and this page's number in them */
    this.labels = [];
    this.here = -1;
    this.total = 0;
    this.lastApplyMs = 0;
    this.fields = {
      q: form.querySelector("#tl-q"),
      actor: form.querySelector("#tl-actor"),
      match: form.querySelector("#tl-match"),
      place: form.querySelector("#tl-place"),
      from: form.querySelector("#tl-from"),
      to: form.querySelector("#tl-to"),
      status: form.querySelector("#tl-status"),
      chosen: form.querySelector("#tl-chosen"),
    };
    this.names = new Map(); /* slug -> name */
    this.keys = new Map(); /* folded name -> slug */
    var options = form.querySelectorAll("#tl-actor-options option");
    for (var i = 0; i < options.length; i++) {
      var name = options[i].value;
      var key = options[i].getAttribute("data-key");
      this.names.set(key, name);
      this.keys.set(fold(name), key);
    }
    this.actors = [];
    this.index();
  }

  /* One pass over the page: events, and the month and year sections that hold them. */
  Timeline.prototype.index = function () {
    this.root = document.querySelector(".tl-timeline");
    var elements = this.root ? this.root.querySelectorAll(".tl-event") : [];
    var groups = new Map();
    this.items = [];
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      var month = el.parentElement;
      var title = el.querySelector(".tl-title");
      this.items.push({
        anchor: title && title.id ? title.id : "",
        page: -1,
        el: el,
        actors: words(el.getAttribute("data-actors")),
        places: words(el.getAttribute("data-places")),
        start: el.getAttribute("data-start") || "",
        end: el.getAttribute("data-end") || "",
        text: null,
        match: el.classList.contains("tl-match"),
        group: month,
      });
      groups.set(month, month.parentElement);
    }
    this.onPage = this.items;
    this.byActor = null;
    this.months = Array.from(groups.keys());
    this.years = Array.from(new Set(groups.values()));
    /* a split timeline counts every event before its index is in */
    this.total = this.indexUrl ? Number(this.form.getAttribute("data-total")) : this.items.length;
    this.toc = new Map(); /* month or year section -> its item in Material's table of contents */
    var links = document.querySelectorAll(".md-sidebar--secondary .md-nav__link[href^='#']");
    var sections = new Map();
    this.months.concat(this.years).forEach(function (section) {
      var heading = section.querySelector(":scope > h2, :scope > h3");
      if (heading && heading.id) sections.set(heading.id, section);
    });
    for (var j = 0; j < links.length; j++) {
      var section = sections.get(decodeURIComponent(links[j].getAttribute("href").slice(1)));
      if (section) this.toc.set(section, links[j].parentElement);
    }
  };

  Timeline.prototype.read = function (search) {
    var params = new URLSearchParams(search);
    this.fields.q.value = params.get("q") || "";
    this.fields.match.value = params.get("match") === "all" ? "all" : "any";
    this.fields.place.value = params.get("place") || "";
    this.fields.from.value = params.get("from") || "";
    this.fields.to.value = params.get("to") || "";
    this.actors = params.getAll("actor").filter(Boolean);
    this.renderChosen();
  };

  Timeline.prototype.state = function () {
    var from = this.fields.from.value.trim();
    var to = this.fields.to.value.trim();
    return {
      q: this.fields.q.value.trim(),
      actors: this.actors.slice(),
      match: this.fields.match.value,
      place: this.fields.place.value,
      from: from,
      to: to,
    };
  };

  Timeline.prototype.write = function (state) {
    var params = new URLSearchParams(location.search);
    ["q", "actor", "match", "place", "from", "to"].forEach(function (key) {
      params.delete(key);
    });
    if (state.q) params.set("q", state.q);
    state.actors.forEach(function (actor) {
      params.append("actor", actor);
    });
    if (state.actors.length > 1 && state.match === "all") params.set("match", "all");
    if (state.place) params.set("place", state.place);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  };

  /* Whether an event passes the place, date and text filters (the actors are matched by actorHits). */
  Timeline.prototype.matcher = function (state) {
    var terms = words(fold(state.q));
    var from = state.from ? bounds(state.from) : null;
    var to = state.to ? bounds(state.to) : null;
    this.fields.from.setAttribute("aria-invalid", String(Boolean(state.from && !from)));
    this.fields.to.setAttribute("aria-invalid", String(Boolean(state.to && !to)));
    return function (item) {
      if (state.place && item.places.indexOf(state.place) < 0) return false;
      if (from && item.end < from[0]) return false;
      if (to && item.start > to[1]) return false;
      if (terms.length) {
        if (item.text === null) item.text = fold(item.el ? item.el.textContent : item.title);
        for (var t = 0; t < terms.length; t++) if (item.text.indexOf(terms[t]) < 0) return false;
      }
      return true;
    };
  };

  /* The positions in this.items of the events with any (or all) of the chosen actors, ascending,
   * from the lists of each actor's events (made once per set of items); null: no actor is chosen. */
  Timeline.prototype.actorHits = function (state) {
    if (!state.actors.length) return null;
    if (!this.byActor) this.byActor = eventsByActor(this.items);
    var byActor = this.byActor;
    var lists = state.actors.map(function (actor) {
      return byActor.get(actor) || [];
    });
    return lists.reduce(state.match === "all" ? intersection : union);
  };

  /* actor slug -> the positions of its events in `items`, ascending. */
  function eventsByActor(items) {
    var lists = new Map();
    for (var i = 0; i < items.length; i++) {
      var actors = items[i].actors;
      for (var a = 0; a < actors.length; a++) {
        var list = lists.get(actors[a]);
        if (!list) lists.set(actors[a], (list = []));
        if (list[list.length - 1] !== i) list.push(i); /* an actor named twice in one event */
      }
    }
    return lists;
  }

  /* The numbers in both ascending lists. */
  function intersection(a, b) {
    var both = [];
    for (var i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        both.push(a[i]);
        i++;
        j++;
      }
    }
    return both;
  }

  /* The numbers in either ascending list, ascending, each once. */
  function union(a, b) {
    var either = [];
    var i = 0;
    var j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) either.push(a[i++]);
      else if (i >= a.length || b[j] < a[i]) either.push(b[j++]);
      else {
        either.push(a[i++]);
        j++;
      }
    }
    return either;
  }

  /* Show the matching events, hide empty months and years, report the count, update the URL.
   * While a filter is on, the timeline carries data-filtered and CSS hides every event without
   * .tl-match: only events whose match changed since the last filter are written to. */
  Timeline.prototype.apply = function () {
    var started = performance.now();
    var state = this.state();
    var filtered = Boolean(state.q || state.actors.length || state.place || state.from || state.to);
    var count = this.total;
    var visible = null;
    var here = 0;
    var perPage = this.pages ? new Array(this.pages.length).fill(0) : [];
    var elsewhere = [];
    if (filtered) {
      var matches = this.matcher(state);
      var hits = this.actorHits(state); /* with actors chosen, only their events are tested */
      var tested = hits ? hits.length : this.items.length;
      var matchedHere = new Set();
      visible = new Set();
      count = 0;
      for (var i = 0; i < tested; i++) {
        var item = this.items[hits ? hits[i] : i];
        if (!matches(item)) continue;
        count++;
        if (item.el) {
          matchedHere.add(item);
          visible.add(item.group);
        } else if (elsewhere.length < LISTED) {
          elsewhere.push(item);
        }
        if (item.page >= 0) perPage[item.page]++;
      }
      here = matchedHere.size;
      this.markPage(matchedHere);
    }
    this.showGroups(visible);
    if (this.root) this.root.toggleAttribute("data-filtered", filtered);
    this.report(count, filtered, here);
    this.write(state);
    this.results(filtered, perPage, elsewhere, count - here);
    this.lastApplyMs = performance.now() - started;
    this.form.setAttribute("data-visible", String(count));
    this.form.dispatchEvent(new CustomEvent("tl-applied")); /* the overview strip shows the dates */
    return count;
  };

  /* Give .tl-match to this page's events in `matched`, and take it from the others. */
  Timeline.prototype.markPage = function (matched) {
    this.onPage.forEach(function (item) {
      var match = matched.has(item);
      if (match !== item.match) {
        item.el.classList.toggle("tl-match", match);
        item.match = match;
      }
    });
  };

  /* Hide the months and years with no visible event (`visible` null: show them all). */
  Timeline.prototype.showGroups = function (visible) {
    var years = new Set();
    var toc = this.toc;
    function show(section, visible) {
      if (section.hidden === visible) section.hidden = !visible;
      var item = toc.get(section);
      if (item && item.hidden === visible) item.hidden = !visible;
    }
    this.months.forEach(function (month) {
      var visibleMonth = visible === null || visible.has(month);
      show(month, visibleMonth);
      if (visibleMonth) years.add(month.parentElement);
    });
    this.years.forEach(function (year) {
      show(year, years.has(year));
    });
  };

  Timeline.prototype.isHidden = function (event) {
    return Boolean(this.root && this.root.hasAttribute("data-filtered") && !event.classList.contains("tl-match"));
  };

  Timeline.prototype.report = function (count, filtered, here) {
    var noun = this.total === 1 ? " event" : " events";
    var onPage = this.pages && this.root && count ? " (" + here + " on this page)" : "";
    this.fields.status.textContent = !filtered
      ? "All " + this.total + noun
      : count === 0
        ? "No events match"
        : "Showing " + count + " of " + this.total + noun + onPage;
  };

  /* With the index: the matches on other pages, by period (counts) and the first ones by title. */
  Timeline.prototype.results = function (filtered, perPage, elsewhere, others) {
    var box = document.getElementById("tl-results");
    if (!box) return;
    box.textContent = "";
    box.hidden = !(filtered && this.pages && others > 0);
    if (box.hidden) return;
    var query = location.search;
    var pages = this.pages;
    var periods = document.createElement("p");
    periods.appendChild(document.createTextNode(others + " on other pages, by period: "));
    var shown = 0;
    for (var i = 0; i < perPage.length; i++) {
      if (!perPage[i] || i === this.here) continue;
      if (shown++) periods.appendChild(document.createTextNode(" · "));
      var link = document.createElement("a");
      link.href = pages[i] + query;
      link.textContent = this.labels[i];
      periods.appendChild(link);
      periods.appendChild(document.createTextNode(" (" + perPage[i] + ")"));
    }
    box.appendChild(periods);
    var list = document.createElement("ul");
    list.className = "tl-result-list";
    elsewhere.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = pages[item.page] + query + "#" + encodeURIComponent(item.anchor);
      link.textContent = shortDate(item.start, item.end) + ": " + (item.title || "(untitled event)");
      entry.appendChild(link);
      list.appendChild(entry);
    });
    box.appendChild(list);
    if (others > elsewhere.length) {
      var more = document.createElement("p");
      more.textContent = "The first " + elsewhere.length + " of them above; the periods hold the rest.";
      box.appendChild(more);
    }
  };

  /* The index of every event (timeline/index.json): from now on the filters run over it. */
  Timeline.prototype.useIndex = function (data, base) {
    var self = this;
    var actorKeys = data.actors.map(function (pair) {
      return pair[1];
    });
    var placeKeys = data.places.map(function (pair) {
      return pair[1];
    });
    var actorNames = data.actors.map(function (pair) {
      return pair[0];
    });
    var placeNames = data.places.map(function (pair) {
      return pair[0];
    });
    var list = this.form.querySelector("#tl-actor-options");
    var fill = list && !list.options.length;
    data.actors.forEach(function (pair) {
      if (!self.names.has(pair[1])) {
        self.names.set(pair[1], pair[0]);
        self.keys.set(fold(pair[0]), pair[1]);
      }
      if (fill) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.setAttribute("data-key", pair[1]);
        list.appendChild(option);
      }
    });
    var select = this.fields.place;
    if (select.options.length <= 1) {
      data.places.forEach(function (pair) {
        select.appendChild(new Option(pair[0], pair[1]));
      });
      select.value = new URLSearchParams(location.search).get("place") || "";
    }
    this.pages = data.pages.map(function (page) {
      return new URL(page, base).pathname;
    });
    this.labels = data.labels;
    this.here = this.pages.indexOf(location.pathname);
    var onPage = new Map();
    this.items.forEach(function (item) {
      if (item.anchor) onPage.set(item.anchor, item);
    });
    var items = new Array(data.events.length);
    for (var i = 0; i < data.events.length; i++) {
      var entry = data.events[i];
      var item = onPage.get(entry[0]);
      if (item) {
        item.page = entry[5];
        items[i] = item;
        continue;
      }
      var names = entry[3].map(function (n) {
        return actorNames[n];
      });
      var where = entry[4].map(function (n) {
        return placeNames[n];
      });
      items[i] = {
        anchor: entry[0],
        page: entry[5],
        el: null,
        actors: entry[3].map(function (n) {
          return actorKeys[n];
        }),
        places: entry[4].map(function (n) {
          return placeKeys[n];
        }),
        start: entry[1],
        end: entry[2],
        title: entry[6],
        text: fold(entry[6] + " " + names.join(" ") + " " + where.join(" ")),
        match: false,
        group: null,
      };
    }
    this.items = items;
    this.byActor = eventsByActor(items); /* once: the actor filter then reads only its actors' events */
    this.total = items.length;
    this.apply();
    this.form.setAttribute("data-index-ready", "");
  };

  /* timeline/index.json, fetched once per page for the filters and the overview strip (overview.js). */
  var indexes = new Map();
  window.tlFetchIndex = function (url) {
    if (!indexes.has(url)) {
      indexes.set(
        url,
        fetch(url).then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + url);
          return response.json();
        })
      );
    }
    return indexes.get(url);
  };

  Timeline.prototype.loadIndex = function () {
    var self = this;
    if (!this.indexUrl || !window.fetch) return;
    var base = new URL(this.indexUrl, location.href);
    window
      .tlFetchIndex(base.href)
      .then(function (data) {
        self.useIndex(data, base);
      })
      .catch(function (error) {
        /* without it the filters still work over this page */
        self.form.setAttribute("data-index-error", String(error));
      });
  };

  Timeline.prototype.renderChosen = function () {
    var box = this.fields.chosen;
    var self = this;
    box.textContent = "";
    this.actors.forEach(function (key) {
      var chip = document.createElement("span");
      chip.className = "tl-chip";
      chip.textContent = self.names.get(key) || key;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", "Remove " + chip.textContent);
      remove.addEventListener("click", function () {
        self.actors = self.actors.filter(function (other) {
          return other !== key;
        });
        self.renderChosen();
        self.apply();
        self.fields.actor.focus();
      });
      chip.appendChild(remove);
      box.appendChild(chip);
    });
    this.fields.match.hidden = this.actors.length < 2;
  };

  /* Add the actor typed or picked in the actor field; true when it named a known actor. */
  Timeline.prototype.addActor = function () {
    var key = this.keys.get(fold(this.fields.actor.value.trim()));
    if (!key) return false;
    if (this.actors.indexOf(key) < 0) this.actors.push(key);
    this.fields.actor.value = "";
    this.renderChosen();
    this.apply();
    return true;
  };

  Timeline.prototype.clear = function () {
    this.fields.q.value = this.fields.actor.value = this.fields.from.value = this.fields.to.value = "";
    this.fields.place.value = "";
    this.fields.match.value = "any";
    this.actors = [];
    this.renderChosen();
    this.apply();
  };

  /* Following a link to an event the filters hide clears the filters first. */
  Timeline.prototype.reveal = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var event = target ? target.closest(".tl-event") : null;
    if (event && this.isHidden(event)) {
      this.clear();
      target.scrollIntoView();
    }
  };

  Timeline.prototype.bind = function () {
    var self = this;
    var timer = 0;
    var f = this.fields;
    [f.match, f.place, f.from, f.to].forEach(function (field) {
      field.addEventListener("change", function () {
        clearTimeout(timer);
        self.apply();
      });
    });
    /* The dates apply as they are typed, like the text ("19" is no date yet: it is ignored). */
    [f.q, f.from, f.to].forEach(function (field) {
      field.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          self.apply();
        }, 120);
      });
    });
    f.actor.addEventListener("change", function () {
      self.addActor();
    });
    f.actor.addEventListener("input", function (event) {
      /* Picking from the datalist fires input without inputType in Chromium. */
      if (!event.inputType || event.inputType === "insertReplacementText") self.addActor();
    });
    f.actor.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        self.addActor();
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      self.apply();
    });
    this.form.addEventListener("reset", function (event) {
      event.preventDefault();
      self.clear();
    });
    window.addEventListener("hashchange", function () {
      self.reveal();
    });
  };

  function start() {
    var form = document.getElementById("tl-filters");
    if (!form || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var timeline = new Timeline(form);
    timeline.read(location.search);
    timeline.bind();
    form.hidden = false;
    var fold = form.parentElement;
    if (fold && fold.tagName === "DETAILS") {
      fold.hidden = false;
      /* on a phone the filters are folded, unless the address already carries some
         (?event= opens an event's dialog: not a filter) */
      var filtered = ["q", "actor", "place", "from", "to"].some(function (key) {
        return new URLSearchParams(location.search).has(key);
      });
      fold.open = !(window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches && !filtered);
    }
    timeline.apply();
    timeline.reveal();
    timeline.loadIndex();
    window.tlTimeline = timeline;
  }

  /* Material's instant navigation (when enabled) swaps pages without a load: follow document$. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
