// The story view (generator/site/story.py): TimelineJS over the page's own timeline.json.
// TimelineJS is vendored (assets/vendor/timelinejs/); nothing is loaded from a CDN: no web font,
// the built-in English, no analytics.
(function () {
  "use strict";
  function start() {
    if (typeof TL === "undefined") return;
    document.querySelectorAll("[data-story]").forEach(function (container) {
      var scriptPath = new URL(container.dataset.scriptPath, document.baseURI).href;
      new TL.Timeline(container, container.dataset.story, {
        script_path: scriptPath,
        font: null,
        language: "en",
        hash_bookmark: false,
        timenav_height_percentage: 30,
        scale_factor: 1,
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
