/* The compiled scanner's object (scanner.c scans, scanner_type.c builds it). */
#ifndef RAQIB_SCANNER_H
#define RAQIB_SCANNER_H
#include "native.h"

typedef struct {
    const CNode *node; /* trie node (trie.c) */
    PyObject *payload; /* node->payload (borrowed: the node holds it), here so a leaf's start reads no node */
    int32_t plen;      /* proclitic length */
    uint8_t art;       /* the article was added */
    uint8_t leaf;      /* the node is its payloads only */
} Start;

typedef struct {
    uint64_t hash;
    PyObject *key;         /* the first token (a key of trie.first, strong) */
    uint32_t first, count; /* its starts */
} Slot;

/* The code points below U+0800 (Latin, Arabic) as the scanner's token reader needs them, one word each:
 * FAST_WORD when a word character (is_word), FAST_OTHER when its fold is not one code point (deleted, or
 * several: the FoldMap then), else its fold (FAST_CHAR bits: itself, or its one-character replacement). */
#define FAST_WORD 0x80000000u
#define FAST_OTHER 0x40000000u
#define FAST_CHAR 0x1fffffu

typedef struct {
    uint64_t hash;  /* 0: empty */
    Py_UCS4 *chars; /* a copy of the surface (PyMem) */
    Py_ssize_t len;
    int value;      /* capitalised(surface) is true */
} CapSlot;

typedef struct {
    PyObject_HEAD
    FoldMap fm;
    uint32_t fast[0x800];
    Slot *slots;
    size_t mask;        /* slots - 1 (a power of two) */
    uint64_t *bloom;    /* first-token filter, bloom_mask + 1 words */
    uint64_t bloom_mask;
    Start *starts;
    Py_ssize_t nstarts;
    CTrie ctrie;        /* the trie in C (trie.c) */
    const CNode *root;
    PyObject *payload_key, *prio, *cand, *capitalised;
    CapSlot *caps;        /* capitalised()'s answers by surface (scanner.c), caps_mask + 1 slots or NULL */
    size_t caps_mask;
    Py_ssize_t ncaps;
    long nonfac, facmask; /* for the selection: the nonfac priority, the facility priorities (bit mask) */
    PyObject *roles[8];   /* role_prio's memory (strong) */
    long role_prios[8];
    int nroles;
    PyObject *s_event, *s_date, *s_cue, *s_head, *s_place, *s_core, *s_actor, *s_upper, *s_isupper;
} Scanner;

/* The first-token filter: a blocked Bloom filter (two bits in one 64-bit word, so one cache line a token),
 * small enough to stay in cache: most tokens start no key, and the slot table is megabytes. */
static inline uint64_t bloom_bits(uint64_t h) { return 1ULL << ((h >> 52) & 63) | 1ULL << ((h >> 58) & 63); }

PyObject *Scanner_scan(Scanner *sc, PyObject *text);
PyObject *Scanner_scan_select(Scanner *sc, PyObject *text);
PyObject *Scanner_fold(Scanner *sc, PyObject *token);
void caps_clear(Scanner *sc); /* empty (and free) the capitalisation cache */

#endif
