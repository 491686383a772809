/* fuhua core — private: the schema's migrations (schema.c), for store.c. */
#ifndef FUHUA_CORE_SCHEMA_H
#define FUHUA_CORE_SCHEMA_H

/* Migration v+1 is fh_migrations[v]: SQL run once, in order. */
extern const char *const fh_migrations[];
extern const int fh_migrations_count;

#endif
