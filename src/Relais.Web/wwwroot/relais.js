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

// <form data-passkey="create|get" data-options="/url">: a passkey (WebAuthn). The options come from Relais (a POST, which
// keeps the ceremony's state in a cookie), the browser creates or uses the passkey, and the form is posted with the
// credential's JSON in its "credential" field. A refusal or a cancellation shows the form's [data-passkey-error].
document.addEventListener('submit', async function (event) {
    var form = event.target.closest('form[data-passkey]');
    if (!form || form.dataset.ready === '1') return;
    event.preventDefault();
    var error = form.querySelector('[data-passkey-error]');
    if (error) error.hidden = true;
    try {
        var response = await fetch(form.dataset.options, { method: 'POST', credentials: 'same-origin' });
        if (!response.ok) throw new Error('options ' + response.status);
        var options = await response.json();
        var credential = form.dataset.passkey === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.dataset.ready = '1';
        form.submit();
    } catch (e) {
        if (error) error.hidden = false;
    }
});
