// Material's drawer and search panel are opened by checkboxes (#__drawer, #__search). Material
// marks them autocomplete="off" so that a browser does not restore an open drawer when the visitor
// comes back with the Back button; that attribute is invalid on checkboxes, so the build removes it
// (toolbox/html_fixes.py) and this script closes them instead whenever a page is shown.
(function () {
  "use strict";
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box && box.checked) {
        box.checked = false;
        box.dispatchEvent(new Event("change")); // Material follows the toggle's change events
      }
    });
  });
})();
