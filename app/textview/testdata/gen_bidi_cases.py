#!/usr/bin/env python3
"""Regenerate bidi_cases.tsv from bidi_inputs.txt with GNU FriBidi (libfribidi.so.0, via ctypes),
an implementation of the Unicode Bidirectional Algorithm independent of ours. Used only here,
to compute expected values; the app does not depend on it.

Each output line: input TAB resolved levels (one digit per rune) TAB visual order (L2, with
mirroring L4), the base direction taken from the first strong character (P2-P3).
"""
import ctypes, os, sys

lib = ctypes.CDLL("libfribidi.so.0")
PAR_ON = 0x40  # FRIBIDI_PAR_ON: base direction from the text (P2-P3)

def levels_of(s):
    n = len(s)
    chars = (ctypes.c_uint32 * n)(*[ord(c) for c in s])
    types = (ctypes.c_uint32 * n)()
    brackets = (ctypes.c_uint32 * n)()
    levels = (ctypes.c_int8 * n)()
    lib.fribidi_get_bidi_types(chars, n, types)
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    base = ctypes.c_uint32(PAR_ON)
    if lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(base), levels) == 0:
        sys.exit("fribidi failed on %r" % s)
    return [levels[i] for i in range(n)]

def mirror(c):
    out = ctypes.c_uint32()
    return chr(out.value) if lib.fribidi_get_mirror_char(ord(c), ctypes.byref(out)) else c

def visual(s, lv):
    order = list(range(len(s)))
    hi = max(lv)
    lo = min([l for l in lv if l % 2] or [hi + 1])
    for k in range(hi, lo - 1, -1):
        i = 0
        while i < len(order):
            if lv[order[i]] < k:
                i += 1
                continue
            j = i
            while j < len(order) and lv[order[j]] >= k:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return "".join(mirror(s[i]) if lv[i] % 2 else s[i] for i in order)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "bidi_inputs.txt"), encoding="utf-8") as f, \
        open(os.path.join(here, "bidi_cases.tsv"), "w", encoding="utf-8") as out:
    for line in f:
        s = line.rstrip("\n")
        if not s:
            continue
        lv = levels_of(s)
        out.write("%s\t%s\t%s\n" % (s, "".join(str(l) for l in lv), visual(s, lv)))
