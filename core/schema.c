/* fuhua core — the database's schema: its migrations, append only; each
 * runs once, in order, in the transaction store.c opens for them. */
#include "schema.h"

/* Migration 10's triggers that count each kind of write (changes.c): on
 * every insert, update and delete of `table`, the topics (a quoted list)
 * count one more. */
/* The SQL is laid out as SQL, a clause a line, not by the formatter. */
/* clang-format off */
#define CHANGES_BUMP(topics) " UPDATE changes SET n = n + 1 WHERE topic IN (" topics ");"
#define CHANGES_WATCH(table, topics)                                                             \
	"CREATE TRIGGER changes_" table "_i AFTER INSERT ON " table " BEGIN" CHANGES_BUMP(topics) " END;" \
	"CREATE TRIGGER changes_" table "_u AFTER UPDATE ON " table " BEGIN" CHANGES_BUMP(topics) " END;" \
	"CREATE TRIGGER changes_" table "_d AFTER DELETE ON " table " BEGIN" CHANGES_BUMP(topics) " END;"

/* A rule's column of hubs made nullable, its values kept (SQLite cannot
 * alter a column's constraint in place). */
#define HUB_RULE_NULLABLE(col)                                       \
	"ALTER TABLE hubs RENAME COLUMN " col " TO old_" col ";"       \
	"ALTER TABLE hubs ADD COLUMN " col " INTEGER;"                 \
	"UPDATE hubs SET " col " = old_" col ";"                       \
	"ALTER TABLE hubs DROP COLUMN old_" col ";"

const char *const fh_migrations[] = {
	/* 1: the foundation */
	"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
	"CREATE TABLE hubs("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	" level TEXT NOT NULL CHECK(level IN ('city','district','street','community')),"
	" parent_id INTEGER REFERENCES hubs(id), address TEXT,"
	" incubation_term_months INTEGER NOT NULL, extension_months INTEGER NOT NULL,"
	" free_period_months INTEGER NOT NULL, idle_lock_minutes INTEGER NOT NULL,"
	" branch_min_members INTEGER NOT NULL, instructor_required INTEGER NOT NULL,"
	" grad_min_months INTEGER NOT NULL, grad_all_milestones INTEGER NOT NULL,"
	" grad_party_coverage INTEGER NOT NULL, grad_min_rating INTEGER NOT NULL,"
	" config_hash TEXT NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX hubs_parent ON hubs(parent_id);"
	"CREATE TABLE hub_fields(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(hub_id, seq)) STRICT;"
	"CREATE TABLE hub_stages(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" stage TEXT NOT NULL, label TEXT, max_days INTEGER NOT NULL,"
	" PRIMARY KEY(hub_id, stage)) STRICT;"
	"CREATE TABLE milestone_templates(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" track TEXT NOT NULL CHECK(track IN ('org','party')), seq INTEGER NOT NULL,"
	" code TEXT NOT NULL, title TEXT NOT NULL, due_months INTEGER NOT NULL, kind TEXT NOT NULL,"
	" PRIMARY KEY(hub_id, track, seq)) STRICT;"
	"CREATE TABLE spaces("
	" id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id),"
	" code TEXT NOT NULL, name TEXT NOT NULL,"
	" type TEXT NOT NULL CHECK(type IN ('office','desk','activity_room','meeting_room','showcase')),"
	" floor INTEGER NOT NULL, area REAL NOT NULL, seats INTEGER NOT NULL,"
	" retired INTEGER NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" UNIQUE(hub_id, code)) STRICT;"
	"CREATE TABLE operators("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL CHECK(role IN ('front_desk','manager','admin')),"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), pw_hash TEXT,"
	" system INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,"
	" last_failure INTEGER NOT NULL DEFAULT 0, last_login INTEGER NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE mentors("
	" id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id), name TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK(kind IN ('mentor','instructor')), expertise TEXT, phone TEXT,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE tenants("
	" id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id),"
	" name TEXT NOT NULL, short_name TEXT,"
	" org_type TEXT NOT NULL CHECK(org_type IN ('social_group','service_org','foundation','community_org')),"
	" reg_state TEXT NOT NULL CHECK(reg_state IN ('preparing','registered','filed')),"
	" credit_code TEXT, field TEXT, legal_rep TEXT, contact TEXT, phone TEXT, address TEXT,"
	" staff INTEGER NOT NULL DEFAULT 0, volunteers INTEGER NOT NULL DEFAULT 0, founded TEXT,"
	" stage TEXT NOT NULL CHECK(stage IN ('applied','reviewing','incubating','graduated','exited')),"
	" stage_since INTEGER NOT NULL, admitted_on INTEGER, planned_end INTEGER,"
	" extended INTEGER NOT NULL DEFAULT 0, exit_reason TEXT,"
	" rating INTEGER NOT NULL DEFAULT 0 CHECK(rating BETWEEN 0 AND 5), rating_date TEXT,"
	" party_org TEXT NOT NULL DEFAULT 'none' CHECK(party_org IN"
	"  ('none','branch','joint_branch','functional','extended','fallback')),"
	" party_members INTEGER NOT NULL DEFAULT 0, instructor_id INTEGER REFERENCES mentors(id),"
	" notes TEXT,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX tenants_hub_stage ON tenants(hub_id, stage, name);"
	"CREATE UNIQUE INDEX tenants_credit_code ON tenants(credit_code) WHERE credit_code IS NOT NULL;"
	"CREATE TABLE stage_history("
	" id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" from_stage TEXT, to_stage TEXT NOT NULL, at INTEGER NOT NULL, operator TEXT NOT NULL,"
	" reason TEXT) STRICT;"
	"CREATE INDEX stage_history_tenant ON stage_history(tenant_id, at);"
	"CREATE TABLE milestones("
	" id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" track TEXT NOT NULL CHECK(track IN ('org','party')), seq INTEGER NOT NULL,"
	" code TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, due INTEGER,"
	" done_on INTEGER, note TEXT,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" UNIQUE(tenant_id, track, code)) STRICT;"
	"CREATE TABLE allocations("
	" id INTEGER PRIMARY KEY, space_id INTEGER NOT NULL REFERENCES spaces(id),"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id), seats INTEGER NOT NULL,"
	" start_on INTEGER NOT NULL, end_on INTEGER, free_until INTEGER,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX allocations_open ON allocations(space_id) WHERE end_on IS NULL;"
	"CREATE INDEX allocations_tenant ON allocations(tenant_id);"
	"CREATE TABLE audit("
	" id INTEGER PRIMARY KEY, at INTEGER NOT NULL, operator_id INTEGER, operator TEXT NOT NULL,"
	" via TEXT NOT NULL, hub_id INTEGER, entity TEXT NOT NULL, entity_id INTEGER,"
	" action TEXT NOT NULL, old TEXT, new TEXT) STRICT;"
	"CREATE INDEX audit_entity ON audit(entity, entity_id, id);"
	"CREATE INDEX audit_hub ON audit(hub_id, id);",

	/* 2: tenant search and sort orders. The search row holds name, short
	 * name, credit code, contact, phone and pinyin initials (computed in C,
	 * so filled by core, see tenant_db.c); the trigram index follows it by
	 * triggers. The gram index holds every 1- and 2-character piece of it
	 * as a token, for the queries trigrams cannot answer; core writes it. */
	"CREATE TABLE tenant_search(id INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,"
	" hay TEXT NOT NULL) STRICT;"
	"CREATE VIRTUAL TABLE tenant_fts USING fts5(hay, content='tenant_search',"
	" content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER tenant_search_ai AFTER INSERT ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(rowid, hay) VALUES(new.id, new.hay); END;"
	"CREATE TRIGGER tenant_search_ad AFTER DELETE ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(tenant_fts, rowid, hay) VALUES('delete', old.id, old.hay); END;"
	"CREATE TRIGGER tenant_search_au AFTER UPDATE ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(tenant_fts, rowid, hay) VALUES('delete', old.id, old.hay);"
	" INSERT INTO tenant_fts(rowid, hay) VALUES(new.id, new.hay); END;"
	"CREATE VIRTUAL TABLE tenant_grams USING fts5(grams, content='', detail=none,"
	" columnsize=0, tokenize='unicode61 remove_diacritics 0');"
	"CREATE INDEX tenants_name ON tenants(name, id);"
	"CREATE INDEX tenants_field ON tenants(field, hub_id);"
	"CREATE INDEX tenants_admitted ON tenants(ifnull(admitted_on, 9223372036854775807), id);"
	"INSERT INTO settings(key, value) VALUES('reindex', '1')"
	" ON CONFLICT(key) DO UPDATE SET value = '1';",

	/* 3: finding the same organisation again (intake, add, import) */
	"CREATE INDEX tenants_phone ON tenants(phone) WHERE phone IS NOT NULL;",

	/* 4: names in pinyin order: ICU's sort key of each name (filled in C by
	 * the tenant module, see tenant_db.c), paged by keyset on its index */
	"ALTER TABLE tenants ADD COLUMN name_key BLOB;"
	"CREATE INDEX tenants_name_key ON tenants(name_key, id);"
	"INSERT INTO settings(key, value) VALUES('reindex', '1')"
	" ON CONFLICT(key) DO UPDATE SET value = '1';",

	/* 5: dual incubation (see party.c). Fallback (兜底) is no longer a form
	 * of organisation but a flag beside it; the party record's details,
	 * joint branches, the sync checks, the level's party rules and the
	 * maintained counts behind coverage and the dashboard. */
	"ALTER TABLE tenants ADD COLUMN party_fallback INTEGER NOT NULL DEFAULT 0;"
	"UPDATE tenants SET party_org = 'none', party_fallback = 1 WHERE party_org = 'fallback';"
	"CREATE INDEX tenants_instructor ON tenants(instructor_id, stage) WHERE instructor_id IS NOT NULL;"
	"CREATE INDEX tenants_party_org ON tenants(party_org, stage, hub_id);"
	"ALTER TABLE mentors ADD COLUMN employer TEXT;"
	"ALTER TABLE hubs ADD COLUMN committee_term_years INTEGER NOT NULL DEFAULT 3;"
	"ALTER TABLE hubs ADD COLUMN joint_max_tenants INTEGER NOT NULL DEFAULT 5;"
	"ALTER TABLE hubs ADD COLUMN sync_registration_days INTEGER NOT NULL DEFAULT 5;"
	"ALTER TABLE hubs ADD COLUMN sync_annual_deadline TEXT NOT NULL DEFAULT '05-31';"
	"ALTER TABLE hubs ADD COLUMN coverage_org_forms TEXT NOT NULL DEFAULT 'branch,joint_branch';"
	"CREATE TABLE hub_references(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL, name TEXT NOT NULL, org_rate REAL NOT NULL, work_rate REAL,"
	" PRIMARY KEY(hub_id, seq)) STRICT;"
	"CREATE TABLE party_branches("
	" id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id), name TEXT NOT NULL,"
	" secretary TEXT, founded TEXT, elected TEXT,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" UNIQUE(hub_id, name)) STRICT;"
	"CREATE TABLE party("
	" tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,"
	" probationary INTEGER NOT NULL DEFAULT 0, applicants INTEGER NOT NULL DEFAULT 0,"
	" activists INTEGER NOT NULL DEFAULT 0, relations_here INTEGER NOT NULL DEFAULT 0,"
	" branch_id INTEGER REFERENCES party_branches(id), founded TEXT, elected TEXT,"
	" secretary TEXT, secretary_in_mgmt INTEGER NOT NULL DEFAULT 0, appointed TEXT, reason TEXT"
	") STRICT;"
	"CREATE INDEX party_branch ON party(branch_id) WHERE branch_id IS NOT NULL;"
	"CREATE TABLE party_people("
	" id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('full','probationary','applicant','activist')),"
	" relation_here INTEGER NOT NULL DEFAULT 1, UNIQUE(tenant_id, name)) STRICT;"
	"CREATE TABLE party_sync("
	" id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL, event TEXT NOT NULL, event_on INTEGER NOT NULL, due INTEGER NOT NULL,"
	" done_on INTEGER, note TEXT, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" UNIQUE(tenant_id, kind, event_on)) STRICT;"
	"CREATE INDEX party_sync_open ON party_sync(due, tenant_id) WHERE done_on IS NULL;"
	/* The counts behind coverage and the dashboard, kept by triggers in the
	 * transaction of every write to tenants; `fuhua check` recounts them. */
	"CREATE TABLE party_tally(hub_id INTEGER NOT NULL, stage TEXT NOT NULL, form TEXT NOT NULL,"
	" fallback INTEGER NOT NULL, guided INTEGER NOT NULL, n INTEGER NOT NULL,"
	" members INTEGER NOT NULL, PRIMARY KEY(hub_id, stage, form, fallback, guided))"
	" STRICT, WITHOUT ROWID;"
	"INSERT INTO party_tally SELECT hub_id, stage, party_org, party_fallback,"
	" instructor_id IS NOT NULL, count(*), sum(party_members) FROM tenants GROUP BY 1, 2, 3, 4, 5;"
	"CREATE TRIGGER party_tally_ai AFTER INSERT ON tenants BEGIN"
	" INSERT INTO party_tally VALUES(new.hub_id, new.stage, new.party_org, new.party_fallback,"
	"  new.instructor_id IS NOT NULL, 1, new.party_members)"
	"  ON CONFLICT DO UPDATE SET n = n + 1, members = members + excluded.members; END;"
	"CREATE TRIGGER party_tally_ad AFTER DELETE ON tenants BEGIN"
	" UPDATE party_tally SET n = n - 1, members = members - old.party_members"
	"  WHERE hub_id = old.hub_id AND stage = old.stage AND form = old.party_org"
	"  AND fallback = old.party_fallback AND guided = (old.instructor_id IS NOT NULL); END;"
	"CREATE TRIGGER party_tally_au AFTER UPDATE OF hub_id, stage, party_org, party_fallback,"
	" instructor_id, party_members ON tenants BEGIN"
	" UPDATE party_tally SET n = n - 1, members = members - old.party_members"
	"  WHERE hub_id = old.hub_id AND stage = old.stage AND form = old.party_org"
	"  AND fallback = old.party_fallback AND guided = (old.instructor_id IS NOT NULL);"
	" INSERT INTO party_tally VALUES(new.hub_id, new.stage, new.party_org, new.party_fallback,"
	"  new.instructor_id IS NOT NULL, 1, new.party_members)"
	"  ON CONFLICT DO UPDATE SET n = n + 1, members = members + excluded.members; END;",

	/* 6: spaces. An allocation has an inclusive last day (it was open
	 * ended); release and handover; the level's fees, handover deadline,
	 * rooms' hours and booking cap; the calendar of working days; the
	 * waiting list; bookings of rooms by the hour. */
	"ALTER TABLE spaces ADD COLUMN approval INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE allocations ADD COLUMN released_on INTEGER;"
	"ALTER TABLE allocations ADD COLUMN handover_due INTEGER;"
	"ALTER TABLE allocations ADD COLUMN handed_on INTEGER;"
	"UPDATE allocations SET end_on = coalesce((SELECT planned_end FROM tenants t"
	" WHERE t.id = allocations.tenant_id), start_on + 3 * 365 * 86400) WHERE end_on IS NULL;"
	"DROP INDEX allocations_open;"
	"CREATE INDEX allocations_space ON allocations(space_id, end_on, start_on);"
	"CREATE INDEX allocations_handover ON allocations(handover_due)"
	" WHERE handover_due IS NOT NULL AND handed_on IS NULL;"
	"ALTER TABLE hubs ADD COLUMN fee_per_m2_month REAL NOT NULL DEFAULT 0;"
	"ALTER TABLE hubs ADD COLUMN fee_per_seat_month REAL NOT NULL DEFAULT 0;"
	"ALTER TABLE hubs ADD COLUMN handover_working_days INTEGER NOT NULL DEFAULT 15;"
	"ALTER TABLE hubs ADD COLUMN opens INTEGER NOT NULL DEFAULT 510;"
	"ALTER TABLE hubs ADD COLUMN closes INTEGER NOT NULL DEFAULT 1260;"
	"ALTER TABLE hubs ADD COLUMN max_hours_per_week INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE hub_days(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" day INTEGER NOT NULL, off INTEGER NOT NULL, PRIMARY KEY(hub_id, day)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE waitlist("
	" id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id),"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" type TEXT NOT NULL CHECK(type IN ('office','desk','showcase')), seats INTEGER NOT NULL,"
	" since INTEGER NOT NULL, note TEXT,"
	" state TEXT NOT NULL DEFAULT 'waiting' CHECK(state IN ('waiting','placed','withdrawn')),"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX waitlist_open ON waitlist(hub_id, type, since) WHERE state = 'waiting';"
	"CREATE TABLE bookings("
	" id INTEGER PRIMARY KEY, space_id INTEGER NOT NULL REFERENCES spaces(id),"
	" tenant_id INTEGER REFERENCES tenants(id) ON DELETE CASCADE,"
	" starts INTEGER NOT NULL, ends INTEGER NOT NULL, title TEXT NOT NULL,"
	" state TEXT NOT NULL CHECK(state IN ('pending','confirmed','cancelled','skipped')),"
	" series INTEGER, blocker INTEGER, why TEXT,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" CHECK(ends > starts)) STRICT;"
	"CREATE INDEX bookings_space ON bookings(space_id, starts) WHERE state IN ('pending','confirmed');"
	"CREATE INDEX bookings_tenant ON bookings(tenant_id, starts) WHERE state IN ('pending','confirmed');"
	"CREATE INDEX bookings_series ON bookings(series, starts) WHERE series IS NOT NULL;"
	"CREATE INDEX bookings_starts ON bookings(starts);",

	/* 7: mentoring. Milestones become pending, done (with evidence and who
	 * verified, or the proof another module gave) or waived (with the
	 * reason); templates say whether they are required and what counts as
	 * evidence; mentors carry tenants by assignment and record sessions;
	 * the level's lead times, quiet days and graduation criteria. */
	"ALTER TABLE milestone_templates ADD COLUMN required INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE milestone_templates ADD COLUMN evidence TEXT;"
	"ALTER TABLE milestone_templates ADD COLUMN title_en TEXT;"
	"ALTER TABLE milestone_templates ADD COLUMN min_rating INTEGER NOT NULL DEFAULT 3;"
	"ALTER TABLE milestones ADD COLUMN min_rating INTEGER NOT NULL DEFAULT 3;"
	"ALTER TABLE milestones ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'"
	" CHECK(state IN ('pending','done','waived'));"
	"UPDATE milestones SET state = 'done' WHERE done_on IS NOT NULL;"
	"ALTER TABLE milestones ADD COLUMN required INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE milestones ADD COLUMN evidence TEXT;"
	"ALTER TABLE milestones ADD COLUMN verified_by TEXT;"
	"ALTER TABLE milestones ADD COLUMN title_en TEXT;"
	/* where the milestone's tenant is and whether it is in incubation, kept
	 * by a trigger, so that the due lists walk one hub's pending ones by date */
	"ALTER TABLE milestones ADD COLUMN hub_id INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE milestones ADD COLUMN active INTEGER NOT NULL DEFAULT 0;"
	"UPDATE milestones SET hub_id = (SELECT hub_id FROM tenants t WHERE t.id = tenant_id),"
	" active = (SELECT stage = 'incubating' FROM tenants t WHERE t.id = tenant_id);"
	"CREATE INDEX milestones_due ON milestones(hub_id, due, state, active)"
	" WHERE state = 'pending' AND active = 1;"
	"CREATE INDEX tenants_past_end ON tenants(hub_id, planned_end, stage) WHERE stage = 'incubating';"
	"CREATE TRIGGER milestones_follow AFTER UPDATE OF hub_id, stage ON tenants BEGIN"
	" UPDATE milestones SET hub_id = new.hub_id, active = new.stage = 'incubating'"
	"  WHERE tenant_id = new.id; END;"
	"ALTER TABLE mentors ADD COLUMN capacity INTEGER NOT NULL DEFAULT 5;"
	"ALTER TABLE mentors ADD COLUMN organization TEXT;"
	"CREATE TABLE mentor_assignments("
	" id INTEGER PRIMARY KEY, mentor_id INTEGER NOT NULL REFERENCES mentors(id),"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" start_on INTEGER NOT NULL, end_on INTEGER,"
	" updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX assignments_mentor ON mentor_assignments(mentor_id) WHERE end_on IS NULL;"
	"CREATE INDEX assignments_tenant ON mentor_assignments(tenant_id);"
	"CREATE TABLE sessions("
	" id INTEGER PRIMARY KEY, mentor_id INTEGER NOT NULL REFERENCES mentors(id),"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), on_day INTEGER NOT NULL,"
	" topic TEXT NOT NULL, hours REAL NOT NULL CHECK(hours > 0 AND hours <= 24), notes TEXT,"
	" milestone_id INTEGER REFERENCES milestones(id) ON DELETE SET NULL,"
	" updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX sessions_tenant ON sessions(tenant_id, on_day);"
	"CREATE INDEX sessions_mentor ON sessions(mentor_id, on_day);"
	"CREATE INDEX sessions_hub ON sessions(hub_id, on_day);"
	"ALTER TABLE hubs ADD COLUMN quiet_days INTEGER NOT NULL DEFAULT 30;"
	"ALTER TABLE hubs ADD COLUMN lead_days TEXT NOT NULL DEFAULT '30,7,0';"
	"ALTER TABLE hubs ADD COLUMN grad_registered INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE hubs ADD COLUMN grad_handovers INTEGER NOT NULL DEFAULT 1;",

	/* 8: flat at a million tenants. Counts kept by triggers in the
	 * transaction of every write (tally.c lists them; `fuhua check` recounts
	 * them): tenants by hub, stage, type and field, for the lists' counts,
	 * the dashboard and the hub tree; pending milestones and planned ends of
	 * tenants in incubation by hub and day, for the overdue and due-soon
	 * counts. The list's sort indexes carry the filter columns, so a walk
	 * tests a tenant without reading its row; tenants_filter holds each
	 * (hub, stage, type, field) together, with the sort keys, so that a
	 * rare combination is read whole from the index. */
	"CREATE TABLE tenant_tally(hub_id INTEGER NOT NULL, stage TEXT NOT NULL,"
	" org_type TEXT NOT NULL, field TEXT NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY(hub_id, stage, org_type, field)) STRICT, WITHOUT ROWID;"
	"INSERT INTO tenant_tally SELECT hub_id, stage, org_type, ifnull(field, ''), count(*)"
	" FROM tenants GROUP BY 1, 2, 3, 4;"
	"CREATE TRIGGER tenant_tally_ai AFTER INSERT ON tenants BEGIN"
	" INSERT INTO tenant_tally VALUES(new.hub_id, new.stage, new.org_type, ifnull(new.field, ''), 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER tenant_tally_ad AFTER DELETE ON tenants BEGIN"
	" UPDATE tenant_tally SET n = n - 1 WHERE hub_id = old.hub_id AND stage = old.stage"
	"  AND org_type = old.org_type AND field = ifnull(old.field, ''); END;"
	"CREATE TRIGGER tenant_tally_au AFTER UPDATE OF hub_id, stage, org_type, field ON tenants BEGIN"
	" UPDATE tenant_tally SET n = n - 1 WHERE hub_id = old.hub_id AND stage = old.stage"
	"  AND org_type = old.org_type AND field = ifnull(old.field, '');"
	" INSERT INTO tenant_tally VALUES(new.hub_id, new.stage, new.org_type, ifnull(new.field, ''), 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TABLE due_tally(hub_id INTEGER NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('milestone','end')),"
	" due INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(hub_id, kind, due)) STRICT, WITHOUT ROWID;"
	/* the same by spans of 2^21 s (24 days): the overdue total sums the
	 * spans before today's and the days of today's span before today */
	"CREATE TABLE due_span(hub_id INTEGER NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('milestone','end')),"
	" span INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(hub_id, kind, span)) STRICT, WITHOUT ROWID;"
	"INSERT INTO due_tally SELECT hub_id, 'milestone', due, count(*) FROM milestones"
	" WHERE state = 'pending' AND active = 1 GROUP BY hub_id, due;"
	"INSERT INTO due_tally SELECT hub_id, 'end', planned_end, count(*) FROM tenants"
	" WHERE stage = 'incubating' AND planned_end IS NOT NULL GROUP BY hub_id, planned_end;"
	"INSERT INTO due_span SELECT hub_id, kind, due >> 21, sum(n) FROM due_tally GROUP BY 1, 2, 3;"
	"CREATE TRIGGER due_tally_mi AFTER INSERT ON milestones"
	" WHEN new.state = 'pending' AND new.active = 1 BEGIN"
	" INSERT INTO due_tally VALUES(new.hub_id, 'milestone', new.due, 1) ON CONFLICT DO UPDATE SET n = n + 1;"
	" INSERT INTO due_span VALUES(new.hub_id, 'milestone', new.due >> 21, 1) ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER due_tally_md AFTER DELETE ON milestones"
	" WHEN old.state = 'pending' AND old.active = 1 BEGIN"
	" UPDATE due_tally SET n = n - 1 WHERE hub_id = old.hub_id AND kind = 'milestone' AND due = old.due;"
	" UPDATE due_span SET n = n - 1 WHERE hub_id = old.hub_id AND kind = 'milestone' AND span = old.due >> 21; END;"
	"CREATE TRIGGER due_tally_mu AFTER UPDATE OF hub_id, state, active, due ON milestones BEGIN"
	" UPDATE due_tally SET n = n - 1 WHERE old.state = 'pending' AND old.active = 1"
	"  AND hub_id = old.hub_id AND kind = 'milestone' AND due = old.due;"
	" UPDATE due_span SET n = n - 1 WHERE old.state = 'pending' AND old.active = 1"
	"  AND hub_id = old.hub_id AND kind = 'milestone' AND span = old.due >> 21;"
	" INSERT INTO due_tally SELECT new.hub_id, 'milestone', new.due, 1"
	"  WHERE new.state = 'pending' AND new.active = 1 ON CONFLICT DO UPDATE SET n = n + 1;"
	" INSERT INTO due_span SELECT new.hub_id, 'milestone', new.due >> 21, 1"
	"  WHERE new.state = 'pending' AND new.active = 1 ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER due_tally_ti AFTER INSERT ON tenants"
	" WHEN new.stage = 'incubating' AND new.planned_end IS NOT NULL BEGIN"
	" INSERT INTO due_tally VALUES(new.hub_id, 'end', new.planned_end, 1) ON CONFLICT DO UPDATE SET n = n + 1;"
	" INSERT INTO due_span VALUES(new.hub_id, 'end', new.planned_end >> 21, 1) ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER due_tally_td AFTER DELETE ON tenants"
	" WHEN old.stage = 'incubating' AND old.planned_end IS NOT NULL BEGIN"
	" UPDATE due_tally SET n = n - 1 WHERE hub_id = old.hub_id AND kind = 'end' AND due = old.planned_end;"
	" UPDATE due_span SET n = n - 1 WHERE hub_id = old.hub_id AND kind = 'end' AND span = old.planned_end >> 21; END;"
	"CREATE TRIGGER due_tally_tu AFTER UPDATE OF hub_id, stage, planned_end ON tenants BEGIN"
	" UPDATE due_tally SET n = n - 1 WHERE old.stage = 'incubating' AND old.planned_end IS NOT NULL"
	"  AND hub_id = old.hub_id AND kind = 'end' AND due = old.planned_end;"
	" UPDATE due_span SET n = n - 1 WHERE old.stage = 'incubating' AND old.planned_end IS NOT NULL"
	"  AND hub_id = old.hub_id AND kind = 'end' AND span = old.planned_end >> 21;"
	" INSERT INTO due_tally SELECT new.hub_id, 'end', new.planned_end, 1"
	"  WHERE new.stage = 'incubating' AND new.planned_end IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1;"
	" INSERT INTO due_span SELECT new.hub_id, 'end', new.planned_end >> 21, 1"
	"  WHERE new.stage = 'incubating' AND new.planned_end IS NOT NULL ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"DROP INDEX tenants_name_key;"
	"DROP INDEX tenants_admitted;"
	"CREATE INDEX tenants_by_name ON tenants(name_key, id, hub_id, stage, org_type, field);"
	"CREATE INDEX tenants_by_admitted ON tenants(ifnull(admitted_on, 9223372036854775807), id,"
	" hub_id, stage, org_type, field);"
	"CREATE INDEX tenants_filter ON tenants(hub_id, stage, org_type, field, name_key, admitted_on);"
	/* the gram index's tokens take the hub and every kind of character
	 * (tenant_db.c); core writes them again after the migration */
	"INSERT INTO tenant_grams(tenant_grams) VALUES('delete-all');"
	/* the trigram index holds the runs of printable ASCII of the search
	 * text only (codes, phones, initials): Chinese goes to the gram index */
	"DROP TRIGGER tenant_search_ai;"
	"DROP TRIGGER tenant_search_ad;"
	"DROP TRIGGER tenant_search_au;"
	"DROP TABLE tenant_fts;"
	"ALTER TABLE tenant_search ADD COLUMN ascii TEXT NOT NULL DEFAULT '';"
	"UPDATE tenant_search SET ascii = fh_ascii_runs(hay);"
	"CREATE VIRTUAL TABLE tenant_fts USING fts5(ascii, content='tenant_search',"
	" content_rowid='id', tokenize='trigram');"
	"INSERT INTO tenant_fts(tenant_fts) VALUES('rebuild');"
	"CREATE TRIGGER tenant_search_ai AFTER INSERT ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(rowid, ascii) VALUES(new.id, new.ascii); END;"
	"CREATE TRIGGER tenant_search_ad AFTER DELETE ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(tenant_fts, rowid, ascii) VALUES('delete', old.id, old.ascii); END;"
	"CREATE TRIGGER tenant_search_au AFTER UPDATE ON tenant_search BEGIN"
	" INSERT INTO tenant_fts(tenant_fts, rowid, ascii) VALUES('delete', old.id, old.ascii);"
	" INSERT INTO tenant_fts(rowid, ascii) VALUES(new.id, new.ascii); END;",
	/* 9: pairings end when the tenant leaves (graduation, exit): those of
	 * tenants that left before end on the day they left */
	"UPDATE mentor_assignments SET end_on = max(start_on, (SELECT t.stage_since - (t.stage_since + 28800) % 86400"
	"  FROM tenants t WHERE t.id = tenant_id)), updated_by = 'system'"
	" WHERE end_on IS NULL AND tenant_id IN (SELECT id FROM tenants WHERE stage IN ('graduated','exited'));",
	/* 10: the Party screen's lists without reading every tenant. The day
	 * a branch committee's term began (its last election, else its
	 * founding): kept on the tenant by triggers on the party record and
	 * indexed by hub for the branches in incubation; a joint branch's, a
	 * column computed from its own row, likewise. The term's end follows
	 * from the level's term (party_report.c). And each instructor's
	 * tenants in incubation, counted per hub (a tally, tally.c). The due
	 * lists' indexes in the order they are walked, by day then number
	 * (milestone.c): the state in the index's columns kept SQLite from
	 * seeing that order, so each chunk sorted its day again. */
	"DROP INDEX milestones_due;"
	"CREATE INDEX milestones_due ON milestones(hub_id, due) WHERE state = 'pending' AND active = 1;"
	"DROP INDEX tenants_past_end;"
	"CREATE INDEX tenants_past_end ON tenants(hub_id, planned_end) WHERE stage = 'incubating';"
	"ALTER TABLE tenants ADD COLUMN term_from INTEGER;"
	"UPDATE tenants SET term_from = (SELECT unixepoch(coalesce(p.elected, p.founded)) - 28800"
	"  FROM party p WHERE p.tenant_id = tenants.id)"
	" WHERE id IN (SELECT tenant_id FROM party WHERE coalesce(elected, founded) IS NOT NULL);"
	"CREATE INDEX tenants_term ON tenants(hub_id, term_from)"
	" WHERE term_from IS NOT NULL AND stage = 'incubating' AND party_org = 'branch';"
	"CREATE TRIGGER party_term_ai AFTER INSERT ON party BEGIN"
	" UPDATE tenants SET term_from = unixepoch(coalesce(new.elected, new.founded)) - 28800"
	"  WHERE id = new.tenant_id; END;"
	"CREATE TRIGGER party_term_au AFTER UPDATE OF founded, elected ON party BEGIN"
	" UPDATE tenants SET term_from = unixepoch(coalesce(new.elected, new.founded)) - 28800"
	"  WHERE id = new.tenant_id; END;"
	"CREATE TRIGGER party_term_ad AFTER DELETE ON party BEGIN"
	" UPDATE tenants SET term_from = NULL WHERE id = old.tenant_id; END;"
	"ALTER TABLE party_branches ADD COLUMN term_from INTEGER"
	" GENERATED ALWAYS AS (unixepoch(coalesce(elected, founded)) - 28800) VIRTUAL;"
	"CREATE INDEX party_branches_term ON party_branches(hub_id, term_from) WHERE term_from IS NOT NULL;"
	"CREATE TABLE instructor_tally(instructor_id INTEGER NOT NULL, hub_id INTEGER NOT NULL,"
	" n INTEGER NOT NULL, PRIMARY KEY(instructor_id, hub_id)) STRICT, WITHOUT ROWID;"
	"INSERT INTO instructor_tally SELECT instructor_id, hub_id, count(*) FROM tenants"
	" WHERE instructor_id IS NOT NULL AND stage = 'incubating' GROUP BY 1, 2;"
	"CREATE TRIGGER instructor_tally_ai AFTER INSERT ON tenants"
	" WHEN new.instructor_id IS NOT NULL AND new.stage = 'incubating' BEGIN"
	" INSERT INTO instructor_tally VALUES(new.instructor_id, new.hub_id, 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER instructor_tally_ad AFTER DELETE ON tenants"
	" WHEN old.instructor_id IS NOT NULL AND old.stage = 'incubating' BEGIN"
	" UPDATE instructor_tally SET n = n - 1 WHERE instructor_id = old.instructor_id AND hub_id = old.hub_id; END;"
	"CREATE TRIGGER instructor_tally_au AFTER UPDATE OF instructor_id, stage, hub_id ON tenants BEGIN"
	" UPDATE instructor_tally SET n = n - 1 WHERE old.instructor_id IS NOT NULL AND old.stage = 'incubating'"
	"  AND instructor_id = old.instructor_id AND hub_id = old.hub_id;"
	" INSERT INTO instructor_tally SELECT new.instructor_id, new.hub_id, 1"
	"  WHERE new.instructor_id IS NOT NULL AND new.stage = 'incubating' ON CONFLICT DO UPDATE SET n = n + 1; END;"
	/* what another session's write can have changed, by topic: a screen
	 * reloads when a topic it shows was written to (changes.c) */
	"CREATE TABLE changes(topic TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;"
	"INSERT INTO changes VALUES('tenant', 0), ('party', 0), ('milestone', 0), ('mentor', 0), ('space', 0),"
	" ('hub', 0), ('audit', 0);"
	"CREATE TRIGGER changes_tenants_i AFTER INSERT ON tenants BEGIN"
	CHANGES_BUMP("'tenant', 'party', 'milestone', 'mentor', 'space'") " END;"
	"CREATE TRIGGER changes_tenants_d AFTER DELETE ON tenants BEGIN"
	CHANGES_BUMP("'tenant', 'party', 'milestone', 'mentor', 'space'") " END;"
	"CREATE TRIGGER changes_tenants_u AFTER UPDATE ON tenants BEGIN" CHANGES_BUMP("'tenant'") " END;"
	/* the tenant's columns the Party screen shows or counts */
	"CREATE TRIGGER changes_tenants_party AFTER UPDATE OF name, short_name, hub_id, stage, party_org,"
	" party_members, party_fallback, instructor_id, term_from ON tenants"
	" WHEN old.name IS NOT new.name OR old.short_name IS NOT new.short_name OR old.hub_id != new.hub_id"
	" OR old.stage != new.stage OR old.party_org != new.party_org OR old.party_members != new.party_members"
	" OR old.party_fallback != new.party_fallback OR old.instructor_id IS NOT new.instructor_id"
	" OR old.term_from IS NOT new.term_from BEGIN" CHANGES_BUMP("'party'") " END;"
	/* … and those the mentoring and spaces screens show beside their rows */
	"CREATE TRIGGER changes_tenants_others AFTER UPDATE OF name, hub_id, stage, planned_end ON tenants"
	" WHEN old.name IS NOT new.name OR old.hub_id != new.hub_id OR old.stage != new.stage"
	" OR old.planned_end IS NOT new.planned_end BEGIN" CHANGES_BUMP("'milestone', 'mentor', 'space'") " END;"
	CHANGES_WATCH("stage_history", "'tenant'")
	CHANGES_WATCH("party", "'party', 'tenant'")
	CHANGES_WATCH("party_people", "'party', 'tenant'")
	CHANGES_WATCH("party_sync", "'party', 'tenant'")
	CHANGES_WATCH("party_branches", "'party'")
	CHANGES_WATCH("milestones", "'milestone', 'tenant'")
	CHANGES_WATCH("milestone_templates", "'milestone'")
	CHANGES_WATCH("mentors", "'mentor'")
	/* instructors are on the Party screen too */
	"CREATE TRIGGER changes_instructors_i AFTER INSERT ON mentors WHEN new.kind = 'instructor' BEGIN"
	CHANGES_BUMP("'party'") " END;"
	"CREATE TRIGGER changes_instructors_u AFTER UPDATE ON mentors WHEN 'instructor' IN (old.kind, new.kind) BEGIN"
	CHANGES_BUMP("'party'") " END;"
	"CREATE TRIGGER changes_instructors_d AFTER DELETE ON mentors WHEN old.kind = 'instructor' BEGIN"
	CHANGES_BUMP("'party'") " END;"
	CHANGES_WATCH("mentor_assignments", "'mentor', 'tenant'")
	CHANGES_WATCH("sessions", "'mentor', 'tenant'")
	CHANGES_WATCH("spaces", "'space'")
	CHANGES_WATCH("allocations", "'space', 'tenant'")
	CHANGES_WATCH("bookings", "'space', 'tenant'")
	CHANGES_WATCH("waitlist", "'space', 'tenant'")
	CHANGES_WATCH("hub_days", "'space'")
	CHANGES_WATCH("hubs", "'hub'")
	CHANGES_WATCH("hub_fields", "'hub'")
	CHANGES_WATCH("hub_stages", "'hub'")
	CHANGES_WATCH("hub_references", "'hub'")
	/* an operator added or removed (the dashboard counts them), not each login */
	"CREATE TRIGGER changes_operators_i AFTER INSERT ON operators BEGIN" CHANGES_BUMP("'hub'") " END;"
	"CREATE TRIGGER changes_operators_d AFTER DELETE ON operators BEGIN" CHANGES_BUMP("'hub'") " END;"
	CHANGES_WATCH("audit", "'audit'"),
	/* 11: a hub's row is the hub itself. The rules' columns of the first
	 * schema had NOT NULL and no default, so that hub.c had to name every
	 * module's to insert a hub; now each is written by its module alone
	 * (the module table's write_rules), in the transaction that inserts
	 * the hub, and none has a default of its own: a section's defaults
	 * are in its module's configuration reader, once. */
	HUB_RULE_NULLABLE("incubation_term_months") HUB_RULE_NULLABLE("extension_months")
	HUB_RULE_NULLABLE("free_period_months") HUB_RULE_NULLABLE("idle_lock_minutes")
	HUB_RULE_NULLABLE("branch_min_members") HUB_RULE_NULLABLE("instructor_required")
	HUB_RULE_NULLABLE("grad_min_months") HUB_RULE_NULLABLE("grad_all_milestones")
	HUB_RULE_NULLABLE("grad_party_coverage") HUB_RULE_NULLABLE("grad_min_rating"),
	/* 12: a module's own schema, after these (modules.h): the steps of
	 * each module's schema that have run. A module adds its storage in
	 * its own file from here on, not in this list. */
	"CREATE TABLE IF NOT EXISTS module_schema(module TEXT PRIMARY KEY, version INTEGER NOT NULL CHECK (version > 0));",
	/* 13: what lists show for a hub (short_name: in its file, else its name) */
	"ALTER TABLE hubs ADD COLUMN short_name TEXT;",
};

/* clang-format on */

const int fh_migrations_count = (int)(sizeof fh_migrations / sizeof fh_migrations[0]);
