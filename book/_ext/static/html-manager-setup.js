/* Runs just before the Jupyter widgets HTML manager 1.x (embed-amd.js) on
 * pages that embed widgets, to make it work from the site with no network.
 *
 * 1. The manager loads its icon fonts from the folder RequireJS says its
 *    module "@jupyter-widgets/html-manager/dist/libembed-amd" lives in. By
 *    default that is "<page folder>/@jupyter-widgets/html-manager/dist/",
 *    which does not exist (404s). Map that module path to the folder the
 *    manager is served from: _static/html-manager/, beside this file.
 * 2. It typesets widget labels with the MathJax 2 call
 *    MathJax.Hub.Queue(["Typeset", MathJax.Hub, element]). The book runs
 *    MathJax 3, which has no Hub, so such a page throws "Cannot read
 *    properties of undefined (reading 'Queue')". A small Hub maps the call
 *    onto MathJax 3's typesetPromise. MathJax 3 replaces window.MathJax when
 *    its deferred script runs, so the Hub is installed again once the
 *    document has loaded. */
(function () {
  var here = document.currentScript && document.currentScript.src;
  if (here && window.requirejs) {
    window.requirejs.config({
      paths: { "@jupyter-widgets/html-manager/dist": new URL("html-manager", here).href }
    });
  }

  function installHub() {
    var mathjax = window.MathJax;
    if (!mathjax || !mathjax.version || mathjax.Hub) {
      return;
    }
    mathjax.Hub = {
      Queue: function () {
        var elements = [];
        for (var i = 0; i < arguments.length; i++) {
          var job = arguments[i];
          if (Array.isArray(job) && job[0] === "Typeset" && job[2]) {
            elements.push(job[2]);
          }
        }
        var ready = mathjax.startup && mathjax.startup.promise ? mathjax.startup.promise : Promise.resolve();
        ready.then(function () {
          if (typeof mathjax.typesetPromise === "function") {
            return mathjax.typesetPromise(elements.length ? elements : undefined);
          }
        }).catch(function (error) {
          console.warn("MathJax could not typeset a widget:", error);
        });
      }
    };
  }
  installHub();
  document.addEventListener("DOMContentLoaded", installHub);
})();
