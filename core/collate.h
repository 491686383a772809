/* fuhua core — private: the order people expect names in. */
#ifndef FUHUA_CORE_COLLATE_H
#define FUHUA_CORE_COLLATE_H

#include <stddef.h>

/* The sort key of a name under ICU's Chinese collation (pinyin order:
 * 安 … 乐 (lè) … 仁 (rén) … 众 (zhòng)), into out (at most size bytes);
 * returns its length. Keys compare with memcmp, so SQLite orders BLOBs of
 * them as ICU orders the names and an index on them pages by keyset. Falls
 * back to the UTF-8 bytes if ICU cannot open the collator. */
size_t fh_collate_key(const char *utf8, unsigned char *out, size_t size);

#endif
