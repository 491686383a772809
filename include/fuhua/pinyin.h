/* fuhua — pinyin initials of Chinese names, for search (闵行 → mx mh). The
 * table is generated at build time from Debian's Unihan (unicode-data). */
#ifndef FUHUA_PINYIN_H
#define FUHUA_PINYIN_H

#include <stddef.h>

/* The pinyin initials of a name into out: each Han character's first
 * letters, ASCII letters and digits lowercased, the rest dropped. A name with
 * polyphones (行: h or x) gives every reading, separated by spaces, up to 8.
 * Returns out. */
const char *fh_pinyin_initials(const char *name, char *out, size_t size);

#endif
