/* Reading the text as the Python engine's regexes do: tokens (normalize.TOKEN_RE), the next token of a
 * key (matcher.NEXT_RE) and an English article before a name (matcher._ART_BEFORE_RE), by hand. */
#include "native.h"

/* TOKEN_RE at i (text[i] is a word character): [W]+(?:[A][W]+)*; returns the token's end */
Py_ssize_t token_end(const Text *t, Py_ssize_t i) {
    while (i < t->n && is_word(AT(t, i))) i++;
    /* (an apostrophe between two Arabic letters joins nothing: a quote glued to a name, `تنظيم’داعش’`) */
    while (i + 1 < t->n && is_apos(AT(t, i)) && is_word(AT(t, i + 1))
           && !(is_ar_letter(AT(t, i - 1)) && is_ar_letter(AT(t, i + 1)))) {
        i += 2;
        while (i < t->n && is_word(AT(t, i))) i++;
    }
    return i;
}

/* [QUOTES]?(TOK) at i: the token's start (or -1) */
static Py_ssize_t tail(const Text *t, Py_ssize_t i) {
    if (i < t->n && is_quote(AT(t, i))) i++;
    return (i < t->n && is_word(AT(t, i))) ? i : -1;
}

static const char *HYPHENED[] = {"ad", "an", "ar", "as", "ash", "at", "az", "adh", "ath", "ed", "en", "es", "ez",
                                 "ul", "ag", "ed", "et", NULL}; /* in the regex's order */

/* NEXT_RE.match(text, p): sets the token's span (group 1); 0 if it does not match */
int next_token(const Text *t, Py_ssize_t p, Py_ssize_t *ts, Py_ssize_t *te) {
    if (!next_start(t, p, ts)) return 0;
    *te = token_end(t, *ts);
    return 1;
}

/* NEXT_RE.match(text, p): sets the token's start (group 1's); 0 if it does not match */
int next_start(const Text *t, Py_ssize_t p, Py_ssize_t *ts) {
    if (p < t->n && is_quote(AT(t, p))) p++;
    Py_ssize_t q = p;
    while (q < t->n) {
        Py_UCS4 c = AT(t, q);
        if (c == ' ' || c == 0xa0 || c == '.' || is_hyphen(c)) q++;
        else break;
    }
    if (q == p) return 0;
    Py_ssize_t s = -1;
    /* an English article: al/el then spaces or hyphens, or an assimilated one then one hyphen */
    if (q + 2 < t->n && (ci(AT(t, q), 'a') || ci(AT(t, q), 'e')) && ci(AT(t, q + 1), 'l')) {
        Py_ssize_t r = q + 2;
        while (r < t->n) {
            Py_UCS4 c = AT(t, r);
            if (c == ' ' || c == 0xa0 || is_hyphen(c)) r++;
            else break;
        }
        if (r > q + 2) s = tail(t, r);
    }
    Py_UCS4 c0 = q < t->n ? AT(t, q) : 0; /* every assimilated article starts with a, e or u */
    int may = ci(c0, 'a') || ci(c0, 'e') || ci(c0, 'u');
    for (int k = 0; may && s < 0 && HYPHENED[k]; k++) {
        const char *a = HYPHENED[k];
        Py_ssize_t len = a[2] ? 3 : 2, j = 0;
        if (q + len >= t->n) continue;
        while (j < len && ci(AT(t, q + j), a[j])) j++;
        if (j == len && is_hyphen(AT(t, q + len))) s = tail(t, q + len + 1);
    }
    if (s < 0) s = tail(t, q);
    if (s < 0) return 0;
    *ts = s;
    return 1;
}


/* an English article (matcher._ART) spans exactly text[q:s]: al/el then spaces or hyphens, or an
 * assimilated one then one hyphen */
static int art_spans(const Text *t, Py_ssize_t q, Py_ssize_t s) {
    if (s - q >= 3 && (ci(AT(t, q), 'a') || ci(AT(t, q), 'e')) && ci(AT(t, q + 1), 'l')) {
        Py_ssize_t i = q + 2;
        while (i < s && (AT(t, i) == ' ' || AT(t, i) == 0xa0 || is_hyphen(AT(t, i)))) i++;
        if (i == s) return 1;
    }
    if (!is_hyphen(AT(t, s - 1))) return 0;
    for (int k = 0; HYPHENED[k]; k++) {
        const char *a = HYPHENED[k];
        Py_ssize_t len = a[2] ? 3 : 2, j = 0;
        if (s - q != len + 1) continue;
        while (j < len && ci(AT(t, q + j), a[j])) j++;
        if (j == len) return 1;
    }
    return 0;
}

static inline int art_letter(Py_UCS4 c) { return c == 'A' || c == 'a' || c == 'E' || c == 'e'; }

/* scan_ref.article_before: where the span of a Latin name at s starts. The cheap test first, then
 * matcher._ART_BEFORE_RE.search(text, max(0, s - 6), s), "(?:^|[^W A])" + _ART + "$": the leftmost match */
Py_ssize_t article_before(const Text *t, Py_ssize_t s) {
    if (s < 3) return s;
    Py_UCS4 c = AT(t, s - 1);
    if (!is_hyphen(c)) {
        if (c != ' ' && c != 0xa0) return s;
        Py_UCS4 a = AT(t, s - 3), l = AT(t, s - 2);
        if (!((a == 'a' || a == 'A' || a == 'e' || a == 'E') && (l == 'l' || l == 'L'))) return s;
    }
    for (Py_ssize_t p = s - 6 > 0 ? s - 6 : 0; p + 3 <= s; p++) {
        if (p == 0 && art_spans(t, 0, s)) return art_letter(AT(t, 0)) ? 0 : 1; /* ^ */
        Py_UCS4 x = AT(t, p);
        if (!is_word(x) && !is_apos(x) && art_spans(t, p + 1, s)) return p + 1; /* [^W A] is no article letter */
    }
    return s;
}

