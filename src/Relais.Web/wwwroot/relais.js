// Relais's only script. The Content-Security-Policy allows no inline script (SECURITY.md §7), so the
// few behaviours the pages offer are declared with data- attributes and handled here.

// <button data-print>: prints the page; data-print="id" prints the document shown in that frame instead.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-print]');
    if (!button) return;
    var frame = button.dataset.print ? document.getElementById(button.dataset.print) : null;
    (frame ? frame.contentWindow : window).print();
});

// <select data-unit-target="#id">: the unit field follows the chosen option's data-unit (the server's default otherwise).
document.addEventListener('change', function (event) {
    var select = event.target.closest('select[data-unit-target]');
    if (!select || !select.form) return;
    var unit = select.form.querySelector(select.dataset.unitTarget);
    if (unit) unit.value = select.options[select.selectedIndex].dataset.unit;
});
