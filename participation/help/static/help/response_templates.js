// Response templates: choosing one in a <select data-response-template-for="<textarea id>"> inserts the
// option's data-text into that textarea (appended after a blank line if something is already written).
// A static file, no inline script, so the admin can run under a strict Content-Security-Policy.
(function () {
    "use strict";
    function onChange(event) {
        var select = event.target;
        if (!select.matches || !select.matches("select[data-response-template-for]")) {
            return;
        }
        var option = select.options[select.selectedIndex];
        var text = option && option.getAttribute("data-text");
        var target = document.getElementById(select.getAttribute("data-response-template-for"));
        if (!text || !target) {
            return;
        }
        target.value = target.value.trim() ? target.value.replace(/\s+$/, "") + "\n\n" + text : text;
        target.dispatchEvent(new Event("input", { bubbles: true }));
        target.focus();
        select.selectedIndex = 0;
    }
    document.addEventListener("change", onChange);
})();
