// Min plan's data, used by min-plan.js: the plan's format and bounds, the browser's localStorage, checking a
// file before it replaces the plan, and the files a person saves (JSON to open again, a readable HTML page).
// Nothing here sends anything anywhere: the plan stays in the browser and in the person's files.
window.MinPlan = (function () {
    'use strict';

    var KEY = 'insatsnavet-min-plan';
    var FORMAT = 'insatsnavet-min-plan';
    // the bounds of a plan (the page's hints name them); beyond them a text or file is refused, saying which, never cut short
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

    return {
        KEY: KEY, LIMITS: LIMITS, emptyPlan: emptyPlan, storage: storage, isWebAddress: isWebAddress,
        problem: problem, unknownFields: unknownFields, clean: clean, load: load, save: save,
        today: today, download: download, readable: readable
    };
}());
