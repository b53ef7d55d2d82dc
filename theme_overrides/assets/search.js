// Pagefind's search in the header (partials/pagefind.html). Its UI script and the index chunks load
// on the first open, so a page nobody searches downloads nothing for search.
(() => {
  const root = document.querySelector("[data-tl-search]");
  if (!root) return;
  const button = root.querySelector(".tl-search__open");
  const panel = root.querySelector(".tl-search__panel");
  // Absolute, because Pagefind imports its modules relative to this URL, not to the page.
  const bundle = new URL(root.dataset.bundle, document.baseURI).href;
  let loading = null;

  function loadSearch() {
    loading ??= new Promise((resolve, reject) => {
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = bundle + "pagefind-ui.css";
      document.head.append(style);
      const script = document.createElement("script");
      script.src = bundle + "pagefind-ui.js";
      script.onload = () => {
        new PagefindUI({
          element: panel.querySelector(".tl-search__ui"),
          bundlePath: bundle,
          showSubResults: true,
          showImages: false,
        });
        resolve();
      };
      script.onerror = reject;
      document.head.append(script);
    });
    return loading;
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    loadSearch().then(
      () => panel.querySelector("input")?.focus(),
      () => { panel.querySelector(".tl-search__missing").hidden = false; },
    );
  }

  function close() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  function typing(target) {
    return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
  }

  button.addEventListener("click", () => (panel.hidden ? open() : close()));
  // A result on this same page (an event of the timeline) only moves the page: close the panel.
  panel.addEventListener("click", (event) => { if (event.target.closest("a")) close(); });
  document.addEventListener("click", (event) => {
    if (!panel.hidden && !root.contains(event.target)) close();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      close();
      button.focus();
    } else if ((event.key === "/" || event.key === "s") && panel.hidden && !typing(event.target)
               && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();  // Material's keys for search
      open();
    }
  });
})();
