// Min plan: the person's own plan (goal, sub-goals and small steps, services and guides) kept ONLY in this
// browser's localStorage or in a file the person saves. This script never sends the plan anywhere: it makes no
// network request of any kind, posts no form, sets no cookie (MinPlanPageTest checks that it names no way to);
// /min-plan's policy forbids connections too. Everything shown is set as text (textContent), never as HTML.
(function () {
    'use strict';

    var KEY = 'insatsnavet-min-plan';
    var FORMAT = 'insatsnavet-min-plan';
    // the same bounds as MinPlanPage; a file beyond them is refused, saying which, never cut short
    var LIMITS = { goal: 2000, step: 500, steps: 100, items: 100, title: 1000, url: 2000, fileBytes: 256 * 1024 };

    function emptyPlan() {
        return { format: FORMAT, version: 1, goal: '', steps: [], items: [] };
    }

    function storage() {
        try {
            var s = window.localStorage;
            s.setItem(KEY + '-test', '1');
            s.removeItem(KEY + '-test');
            return s;
        } catch (e) {
            return null;
        }
    }

    function isWebAddress(text) {
        try {
            var u = new URL(text);
            return u.protocol === 'https:' || u.protocol === 'http:';
        } catch (e) {
            return false;
        }
    }

    // null if the value is a plan within the bounds, else what is wrong with it (in Swedish)
    function problem(p) {
        if (!p || typeof p !== 'object' || p.format !== FORMAT) {
            return 'Filen är inte en plan från Min plan.';
        }
        if (p.version !== 1) {
            return 'Filen är från en annan version av Min plan (' + String(p.version) + ') som vi inte kan läsa.';
        }
        if (typeof p.goal !== 'string') {
            return 'Målet i filen är inte en text.';
        }
        if (p.goal.length > LIMITS.goal) {
            return 'Målet i filen är längre än ' + LIMITS.goal + ' tecken.';
        }
        if (!Array.isArray(p.steps) || p.steps.length > LIMITS.steps) {
            return 'Filen har inte en lista med högst ' + LIMITS.steps + ' steg.';
        }
        for (var i = 0; i < p.steps.length; i++) {
            var s = p.steps[i];
            if (!s || typeof s.text !== 'string' || typeof s.done !== 'boolean') {
                return 'Steg ' + (i + 1) + ' i filen saknar text eller uppgift om det är klart.';
            }
            if (s.text.length > LIMITS.step) {
                return 'Steg ' + (i + 1) + ' i filen är längre än ' + LIMITS.step + ' tecken.';
            }
        }
        if (!Array.isArray(p.items) || p.items.length > LIMITS.items) {
            return 'Filen har inte en lista med högst ' + LIMITS.items + ' insatser och guider.';
        }
        for (var j = 0; j < p.items.length; j++) {
            var it = p.items[j];
            if (!it || typeof it.title !== 'string' || typeof it.url !== 'string') {
                return 'Insats ' + (j + 1) + ' i filen saknar namn eller adress.';
            }
            if (it.title.length > LIMITS.title || it.url.length > LIMITS.url || !isWebAddress(it.url)) {
                return 'Insats ' + (j + 1) + ' i filen har ett för långt namn eller en adress som inte är en webbadress.';
            }
        }
        return null;
    }

    // the names of fields a file carries that a plan has not (they are not kept, and the person is told)
    function unknownFields(p) {
        var known = { format: 1, version: 1, goal: 1, steps: 1, items: 1, saved: 1 };
        var out = Object.keys(p).filter(function (k) { return !known[k]; });
        p.steps.forEach(function (s) {
            Object.keys(s).forEach(function (k) {
                if (k !== 'text' && k !== 'done' && out.indexOf('steg.' + k) < 0) { out.push('steg.' + k); }
            });
        });
        p.items.forEach(function (i) {
            Object.keys(i).forEach(function (k) {
                if (k !== 'title' && k !== 'url' && out.indexOf('insats.' + k) < 0) { out.push('insats.' + k); }
            });
        });
        return out;
    }

    // keeps only the fields of a plan
    function clean(p) {
        return {
            format: FORMAT, version: 1, goal: p.goal,
            steps: p.steps.map(function (s) { return { text: s.text, done: s.done }; }),
            items: p.items.map(function (i) { return { title: i.title, url: i.url }; })
        };
    }

    function load(store) {
        var raw = store.getItem(KEY);
        if (raw === null) {
            return { plan: emptyPlan(), problem: null };
        }
        try {
            var p = JSON.parse(raw);
            var why = problem(p);
            return why ? { plan: null, problem: why } : { plan: clean(p), problem: null };
        } catch (e) {
            return { plan: null, problem: 'Planen som är sparad i webbläsaren går inte att läsa.' };
        }
    }

    function save(store, plan) {
        store.setItem(KEY, JSON.stringify(plan));
    }

    function say(element, text) {
        if (element) {
            element.textContent = text;
        }
    }

    function element(tag, text, className) {
        var e = document.createElement(tag);
        if (text !== undefined) {
            e.textContent = text;
        }
        if (className) {
            e.className = className;
        }
        return e;
    }

    // ---- the "Lägg till i Min plan" control on a service's or guide's page ----
    function addButtons(store) {
        var controls = document.querySelectorAll('.plan-add');
        Array.prototype.forEach.call(controls, function (control) {
            var button = control.querySelector('.plan-add-button');
            var status = control.querySelector('.plan-add-status');
            if (!store) {
                say(status, 'Din webbläsare låter oss inte spara något på din enhet, så Min plan fungerar inte här.');
                return;
            }
            var title = control.getAttribute('data-plan-title') || '';
            var url;
            try {
                url = new URL(control.getAttribute('data-plan-url') || '', window.location.href).href;
            } catch (e) {
                return;
            }
            if (!isWebAddress(url) || title === '') {
                return;
            }
            control.querySelector('.plan-nojs').hidden = true;
            button.hidden = false;
            button.addEventListener('click', function () {
                var loaded = load(store);
                if (!loaded.plan) {
                    say(status, loaded.problem + ' Öppna Min plan för att se vad som är fel.');
                    return;
                }
                var plan = loaded.plan;
                if (plan.items.some(function (i) { return i.url === url; })) {
                    say(status, 'Den här finns redan i Min plan.');
                    return;
                }
                if (plan.items.length >= LIMITS.items) {
                    say(status, 'Min plan har redan ' + LIMITS.items + ' insatser och guider. Ta bort någon först.');
                    return;
                }
                if (title.length > LIMITS.title || url.length > LIMITS.url) {
                    say(status, 'Namnet eller adressen är för lång för Min plan.');
                    return;
                }
                plan.items.push({ title: title, url: url });
                save(store, plan);
                say(status, 'Tillagd i Min plan. Planen finns bara i din webbläsare.');
            });
        });
    }

    // ---- the page /min-plan ----
    function planPage(store) {
        var root = document.getElementById('plan');
        if (!root) {
            return;
        }
        var status = document.getElementById('plan-status');
        if (!store) {
            var noJs = document.getElementById('plan-utan-js');
            noJs.querySelector('h2').textContent = 'Min plan fungerar inte i din webbläsare just nu';
            noJs.querySelector('p').textContent = 'Min plan sparar din plan i din egen webbläsare, inte hos oss. '
                + 'Din webbläsare låter oss inte spara något på din enhet just nu (kanske för att du surfar privat).';
            return;
        }
        var loaded = load(store);
        var plan = loaded.plan || emptyPlan();
        var unreadable = loaded.plan === null;
        document.getElementById('plan-utan-js').hidden = true;
        root.hidden = false;
        if (unreadable) {
            say(status, loaded.problem + ' Den är kvar i webbläsaren tills du ändrar något här eller öppnar en fil.');
        }

        var goal = document.getElementById('plan-mal');
        var newStep = document.getElementById('plan-nytt-steg');

        function store_() {
            save(store, plan);
            unreadable = false;
            renderPrint();
        }

        function renderSteps() {
            var list = document.getElementById('plan-steg');
            list.textContent = '';
            document.getElementById('plan-inga-steg').hidden = plan.steps.length > 0;
            plan.steps.forEach(function (step, i) {
                var li = element('li', undefined, step.done ? 'klart' : '');
                var box = element('input');
                box.type = 'checkbox';
                box.id = 'plan-steg-' + i;
                box.checked = step.done;
                var label = element('label', step.text);
                label.htmlFor = box.id;
                var remove = element('button', 'Ta bort', 'secondary');
                remove.type = 'button';
                remove.setAttribute('aria-label', 'Ta bort steget: ' + step.text);
                box.addEventListener('change', function () {
                    step.done = box.checked;
                    li.className = step.done ? 'klart' : '';
                    store_();
                    say(status, step.done ? 'Bra! Steget är klart.' : 'Steget är inte klart längre.');
                });
                remove.addEventListener('click', function () {
                    plan.steps.splice(i, 1);
                    store_();
                    renderSteps();
                    say(status, 'Steget är borttaget.');
                    newStep.focus();
                });
                var row = element('div', undefined, 'plan-steg-rad');
                row.appendChild(box);
                row.appendChild(label);
                li.appendChild(row);
                li.appendChild(remove);
                list.appendChild(li);
            });
        }

        function renderItems() {
            var list = document.getElementById('plan-insatser');
            list.textContent = '';
            document.getElementById('plan-inga-insatser').hidden = plan.items.length > 0;
            plan.items.forEach(function (item, i) {
                var li = element('li');
                var a = element('a', item.title);
                a.href = item.url;
                var remove = element('button', 'Ta bort', 'secondary');
                remove.type = 'button';
                remove.setAttribute('aria-label', 'Ta bort ur planen: ' + item.title);
                remove.addEventListener('click', function () {
                    plan.items.splice(i, 1);
                    store_();
                    renderItems();
                    say(status, item.title + ' är borttagen ur planen.');
                    document.getElementById('rubrik-insatser').focus();
                });
                li.appendChild(a);
                li.appendChild(remove);
                list.appendChild(li);
            });
        }

        // the plan as plain text for paper: shown only when printing (the editing controls are hidden then)
        function renderPrint() {
            var out = document.getElementById('plan-utskrift');
            out.textContent = '';
            out.appendChild(element('h2', 'Mitt mål'));
            out.appendChild(element('p', plan.goal === '' ? '(Inget mål skrivet än.)' : plan.goal, 'plan-mal-text'));
            out.appendChild(element('h2', 'Delmål och små steg'));
            var steps = element('ol');
            plan.steps.forEach(function (s) {
                steps.appendChild(element('li', (s.done ? '[klart] ' : '[ ] ') + s.text));
            });
            out.appendChild(plan.steps.length ? steps : element('p', '(Inga steg än.)'));
            out.appendChild(element('h2', 'Insatser och guider'));
            var items = element('ul');
            plan.items.forEach(function (i) {
                var li = element('li', i.title);
                li.appendChild(element('br'));
                li.appendChild(element('span', i.url, 'plan-adress'));
                items.appendChild(li);
            });
            out.appendChild(plan.items.length ? items : element('p', '(Inga insatser än.)'));
            out.appendChild(element('p', 'Utskriven ' + today() + ' från Min plan på Insatsnavet. Planen sparas bara hos dig.'));
        }

        function renderAll() {
            goal.value = plan.goal;
            renderSteps();
            renderItems();
            renderPrint();
        }

        function addStep() {
            var text = newStep.value.trim();
            if (text === '') {
                say(status, 'Skriv steget i rutan först.');
                newStep.focus();
                return;
            }
            if (plan.steps.length >= LIMITS.steps) {
                say(status, 'Planen har redan ' + LIMITS.steps + ' steg. Ta bort något steg först.');
                return;
            }
            plan.steps.push({ text: text, done: false });
            store_();
            renderSteps();
            newStep.value = '';
            newStep.focus();
            say(status, 'Steget är tillagt.');
        }

        goal.addEventListener('input', function () {
            plan.goal = goal.value;
            store_();
        });
        goal.addEventListener('change', function () {
            say(status, 'Ditt mål är sparat i den här webbläsaren.');
        });
        document.getElementById('plan-lagg-till-steg').addEventListener('click', addStep);
        newStep.addEventListener('keydown', function (e) {
            if (e.key === 'Enter') {
                e.preventDefault();
                addStep();
            }
        });
        document.getElementById('plan-skriv-ut').addEventListener('click', function () {
            renderPrint();
            window.print();
        });
        document.getElementById('plan-spara-json').addEventListener('click', function () {
            var file = clean(plan);
            file.saved = new Date().toISOString();
            download(JSON.stringify(file, null, 2), 'application/json', 'min-plan-' + today() + '.json');
            say(status, 'Planen är sparad som fil på din enhet (min-plan-' + today() + '.json).');
        });
        document.getElementById('plan-spara-html').addEventListener('click', function () {
            download(readable(plan), 'text/html', 'min-plan-' + today() + '.html');
            say(status, 'Planen är sparad som läsbar fil på din enhet (min-plan-' + today() + '.html).');
        });
        document.getElementById('plan-fil').addEventListener('change', function (e) {
            var input = e.target;
            var file = input.files && input.files[0];
            if (!file) {
                return;
            }
            if (file.size > LIMITS.fileBytes) {
                say(status, 'Filen är för stor för att vara en plan (högst ' + (LIMITS.fileBytes / 1024) + ' kB). Planen är inte ändrad.');
                input.value = '';
                return;
            }
            var reader = new FileReader();
            reader.onload = function () {
                var p;
                try {
                    p = JSON.parse(String(reader.result));
                } catch (err) {
                    say(status, 'Filen går inte att läsa som en plan (den är inte JSON). Planen är inte ändrad.');
                    input.value = '';
                    return;
                }
                var why = problem(p);
                if (why) {
                    say(status, why + ' Planen är inte ändrad.');
                } else {
                    var extra = unknownFields(p);
                    plan = clean(p);
                    store_();
                    renderAll();
                    say(status, 'Planen från filen är öppnad och sparad i den här webbläsaren.' + (extra.length
                        ? ' Filen hade också uppgifter som Min plan inte använder, och de är inte med: ' + extra.join(', ') + '.' : ''));
                }
                input.value = '';
            };
            reader.onerror = function () {
                say(status, 'Filen gick inte att läsa. Planen är inte ändrad.');
            };
            reader.readAsText(file);
        });
        document.getElementById('plan-tom').addEventListener('click', function () {
            if (window.confirm('Vill du tömma planen? Allt i planen tas bort från den här webbläsaren.')) {
                store.removeItem(KEY);
                plan = emptyPlan();
                unreadable = false;
                renderAll();
                say(status, 'Planen är tömd.');
            }
        });
        // another tab changed the plan: show the same
        window.addEventListener('storage', function (e) {
            if (e.key === KEY) {
                var l = load(store);
                if (l.plan) {
                    plan = l.plan;
                    renderAll();
                }
            }
        });
        if (!unreadable) {
            renderAll();
        } else {
            renderPrint();
        }
    }

    function today() {
        var d = new Date();
        function two(n) { return (n < 10 ? '0' : '') + n; }
        return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
    }

    function download(text, type, name) {
        var url = URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' }));
        var a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    function escape(text) {
        return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    }

    // a standalone page a job coach can open: every value escaped, no script
    function readable(plan) {
        var h = '<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
            + '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Min plan</title>\n'
            + '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}'
            + 'li{margin:.25rem 0}</style>\n</head>\n<body>\n<h1>Min plan</h1>\n<h2>Mitt mål</h2>\n<p>'
            + (plan.goal === '' ? '(Inget mål skrivet än.)' : escape(plan.goal).replace(/\n/g, '<br>')) + '</p>\n'
            + '<h2>Delmål och små steg</h2>\n';
        h += plan.steps.length ? '<ol>\n' + plan.steps.map(function (s) {
            return '<li>' + (s.done ? '[klart] ' : '[ ] ') + escape(s.text) + '</li>\n';
        }).join('') + '</ol>\n' : '<p>(Inga steg än.)</p>\n';
        h += '<h2>Insatser och guider</h2>\n';
        h += plan.items.length ? '<ul>\n' + plan.items.map(function (i) {
            return '<li><a href="' + escape(i.url) + '">' + escape(i.title) + '</a><br>' + escape(i.url) + '</li>\n';
        }).join('') + '</ul>\n' : '<p>(Inga insatser än.)</p>\n';
        return h + '<p>Sparad ' + today() + ' från Min plan på Insatsnavet. Planen sparas bara hos dig.</p>\n</body>\n</html>\n';
    }

    document.addEventListener('DOMContentLoaded', function () {
        var store = storage();
        addButtons(store);
        planPage(store);
    });
}());
