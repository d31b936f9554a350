/*
 * Reading Room's code view, loaded at run time (no frontend build). The server puts the file's text into a <pre> as
 * plain text; this script highlights it with highlight.js (which escapes the text), splits it into numbered lines,
 * and handles line selection (#L10-L20), go-to-line and find-in-file. It never fetches anything.
 */
(function () {
    'use strict';

    function escapeHtml(text) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }

    /* Splits highlight.js output (escaped text and <span class="..."> / </span> only) into lines, closing the spans
       still open at each line end and reopening them on the next line. */
    function splitLines(html) {
        var lines = [];
        var open = [];
        var current = '';
        var tag = /<span[^>]*>|<\/span>|\n/g;
        var last = 0;
        var match;
        while ((match = tag.exec(html)) !== null) {
            current += html.substring(last, match.index);
            last = tag.lastIndex;
            var token = match[0];
            if (token === '\n') {
                lines.push(current + '</span>'.repeat(open.length));
                current = open.join('');
            } else if (token === '</span>') {
                open.pop();
                current += token;
            } else {
                open.push(token);
                current += token;
            }
        }
        current += html.substring(last);
        if (current.length > 0 || lines.length === 0) {
            lines.push(current);
        }
        return lines;
    }

    function parseRange(text) {
        var m = /^#?L?(\d+)(?:-L?(\d+))?$/.exec(text || '');
        if (!m) {
            return null;
        }
        var from = parseInt(m[1], 10);
        var to = m[2] ? parseInt(m[2], 10) : from;
        return from <= to ? {from: from, to: to} : {from: to, to: from};
    }

    function select(pre, range, scroll) {
        pre.querySelectorAll('.rr-line.rr-selected').forEach(function (line) {
            line.classList.remove('rr-selected');
        });
        if (!range) {
            return;
        }
        for (var n = range.from; n <= range.to; n++) {
            var line = pre.querySelector('#L' + n);
            if (line) {
                line.classList.add('rr-selected');
            }
        }
        pre.dataset.from = range.from;
        pre.dataset.to = range.to;
        var first = pre.querySelector('#L' + range.from);
        if (first && scroll) {
            first.scrollIntoView({block: 'center'});
        }
    }

    function remember(range) {
        var url = new URL(window.location.href);
        var text = range.from === range.to ? String(range.from) : range.from + '-' + range.to;
        url.searchParams.set('lines', text);
        url.hash = 'L' + text.replace('-', '-L');
        window.history.replaceState(window.history.state, '', url.toString());
    }

    window.readingRoom = {
        render: function (pre, language, selected) {
            var started = window.performance.now();
            var text = pre.textContent;
            if (text.endsWith('\n')) {
                text = text.substring(0, text.length - 1);
            }
            var html;
            if (window.hljs && language && language !== 'plaintext' && window.hljs.getLanguage(language)) {
                html = window.hljs.highlight(text, {language: language, ignoreIllegals: true}).value;
            } else {
                html = escapeHtml(text);
            }
            var out = [];
            splitLines(html).forEach(function (line, i) {
                var n = i + 1;
                out.push('<div class="rr-line" id="L' + n + '"><a class="rr-ln" href="#L' + n + '" data-line="' + n
                    + '">' + n + '</a><span class="rr-lc">' + (line.length ? line : ' ') + '</span></div>');
            });
            pre.innerHTML = out.join('');
            // How long highlighting and numbering took, for the highlighting benchmark.
            pre.dataset.renderMs = (window.performance.now() - started).toFixed(1);
            pre.classList.add('rr-rendered');
            pre.addEventListener('click', function (event) {
                var number = event.target.closest('.rr-ln');
                if (!number) {
                    return;
                }
                event.preventDefault();
                var n = parseInt(number.dataset.line, 10);
                var range = {from: n, to: n};
                if (event.shiftKey && pre.dataset.from) {
                    var from = parseInt(pre.dataset.from, 10);
                    range = from <= n ? {from: from, to: n} : {from: n, to: from};
                }
                select(pre, range, false);
                remember(range);
                if (pre.$server && pre.$server.linesSelected) {
                    pre.$server.linesSelected(range.from, range.to);
                }
            });
            var range = parseRange(window.location.hash) || parseRange(selected);
            select(pre, range, true);
        },
        goTo: function (pre, line) {
            var range = {from: line, to: line};
            select(pre, range, true);
            remember(range);
        },
        find: function (pre, term) {
            var hits = 0;
            var first = null;
            var needle = (term || '').toLowerCase();
            pre.querySelectorAll('.rr-line').forEach(function (line) {
                var found = needle.length > 0 && line.querySelector('.rr-lc').textContent.toLowerCase()
                    .indexOf(needle) >= 0;
                line.classList.toggle('rr-found', found);
                if (found) {
                    hits++;
                    first = first || line;
                }
            });
            if (first) {
                first.scrollIntoView({block: 'center'});
            }
            return hits;
        }
    };
})();
