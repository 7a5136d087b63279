// The end of each page's static frame (#boot), inlined there by Trunk (rel="inline").
// The head hid the frame (class boot-wait) so that it paints whole, in one frame, with
// its largest text (the map list's head, a shared map's title) in it; this shows it.
// The app, once it runs, removes the frame only after that paint is on screen
// (src/dom/boot.rs waits for trailmapBootShown): a frame removed before the browser has
// timed its paint is dropped from Largest Contentful Paint, which then waits for the
// app's copy of the same text.
(function () {
  document.documentElement.classList.remove("boot-wait");
  window.trailmapBootShown = new Promise(function (shown) {
    var done = function () { window.trailmapBootShown = null; shown(); };
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    // A tab opened in the background paints nothing until shown; a browser without
    // the entry type has nothing to drop.
    if (document.visibilityState !== "visible" || types.indexOf("largest-contentful-paint") < 0) return done();
    new PerformanceObserver(function (list, observer) { observer.disconnect(); done(); })
      .observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(done, 3000);
  });
})();
