/* fuhua core — operators, roles, hub scope, passwords. */
#include "fuhua/operator.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"

static const char *const role_names[FH_ROLE_COUNT] = { "front_desk", "manager", "admin" };

const char *fh_role_name(fh_role r)
{
	return (unsigned)r < FH_ROLE_COUNT ? role_names[r] : NULL;
}

bool fh_role_parse(const char *s, fh_role *out)
{
	for (int i = 0; s && i < FH_ROLE_COUNT; i++)
		if (strcmp(role_names[i], s) == 0) {
			*out = (fh_role)i;
			return true;
		}
	return false;
}

bool fh_role_allows(fh_role role, fh_role need)
{
	return role >= need;
}

fh_status fh_actor_scope(fh_store *s, const fh_actor *actor, int64_t hub_id, fh_error *err)
{
	if (!actor || actor->id == 0)
		return fh_error_set(err, FH_EDENIED, "hub", "%s", _("nobody is logged in"));
	fh_stmt *st;
	fh_status r = fh_store_stmt(s,
				    "WITH RECURSIVE up(id, parent) AS ("
				    "  SELECT id, parent_id FROM hubs WHERE id = ?1 UNION ALL"
				    "  SELECT h.id, h.parent_id FROM hubs h JOIN up ON h.id = up.parent)"
				    " SELECT 1 FROM up WHERE id = ?2",
				    &st, err);
	if (r != FH_OK)
		return r;
	fh_bind_int64(st, 1, hub_id);
	fh_bind_int64(st, 2, actor->hub_id);
	int rc = fh_step(st);
	fh_reset(st);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_EDENIED, "hub", "%s", _("that hub is outside your hub"));
	return fh_store_fail(s, err, _("reading the hubs"));
}

fh_status fh_actor_hub(fh_store *s, const fh_actor *actor, const char *code, int64_t *hub, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	*hub = actor->hub_id;
	if (!code || !code[0])
		return FH_OK;
	fh_status st = fh_store_id(s, "SELECT id FROM hubs WHERE code = ?1", code, hub, _("reading hubs"), err);
	if (st != FH_OK)
		return st;
	if (!*hub)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub '%s' in your scope"), code);
	return fh_actor_scope(s, actor, *hub, err);
}

/* ---- passwords ------------------------------------------------------------ */

static void wipe(void *p, size_t n)
{
	explicit_bzero(p, n);
}

/* Hashes password with yescrypt. Returns a malloc'd hash or NULL. */
static char *hash_password(const char *password)
{
	char *setting = crypt_gensalt_ra("$y$", 0, NULL, 0);
	if (!setting)
		return NULL;
	struct crypt_data *data = calloc(1, sizeof *data);
	char *result = NULL;
	if (data) {
		const char *h = crypt_r(password, setting, data);
		if (h && h[0] != '*')
			result = strdup(h);
		wipe(data, sizeof *data);
		free(data);
	}
	free(setting);
	return result;
}

/* Constant-time comparison of the whole hash strings. */
static bool same(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = la != lb;
	for (size_t i = 0; i < la && i < lb; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

static bool verify_password(const char *password, const char *stored)
{
	/* An unknown operator is checked against a real hash of the same cost,
	 * so that the time taken does not tell which names exist. */
	static char *dummy;
	if (!dummy)
		dummy = hash_password("fuhua: no such operator");
	const char *setting = stored && stored[0] == '$' ? stored : dummy;
	if (!setting)
		return false;
	struct crypt_data *data = calloc(1, sizeof *data);
	if (!data)
		return false;
	const char *h = crypt_r(password, setting, data);
	bool ok = stored && h && h[0] != '*' && same(h, stored);
	wipe(data, sizeof *data);
	free(data);
	return ok;
}

unsigned fh_operator_delay_ms(int failures)
{
	if (failures <= 0)
		return 0;
	int shift = failures - 1;
	if (shift > 5)
		return 30000;
	unsigned ms = 1000u << shift;
	return ms > 30000 ? 30000 : ms;
}

/* After this many failures in a row, attempts on one operator from any
 * terminal are at least FH_LOGIN_GATE_S apart; each terminal adds its own,
 * longer wait (fh_operator_delay_ms) without blocking. */
#define FH_LOGIN_GATE_AFTER 3
#define FH_LOGIN_GATE_S 2

/* ---- actors ---------------------------------------------------------------- */

#define ACTOR_COLUMNS                                                                     \
	"o.id, o.name, o.role, o.hub_id, h.code, h.name, h.idle_lock_minutes, o.pw_hash," \
	" o.failures, o.version, o.system, o.last_failure, o.disabled"

static void read_actor(fh_stmt *st, fh_actor *a, const char *via)
{
	memset(a, 0, sizeof *a);
	a->id = fh_column_int64(st, 0);
	fh_column_text(st, 1, a->name, sizeof a->name);
	char role[16];
	fh_column_text(st, 2, role, sizeof role);
	fh_role_parse(role, &a->role);
	a->hub_id = fh_column_int64(st, 3);
	fh_column_text(st, 4, a->hub_code, sizeof a->hub_code);
	fh_column_text(st, 5, a->hub_name, sizeof a->hub_name);
	a->idle_lock_minutes = fh_column_int(st, 6);
	snprintf(a->via, sizeof a->via, "%s", via ? via : "");
}

fh_status fh_actor_system(fh_store *s, const char *via, fh_actor *out, fh_error *err)
{
	fh_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
					"SELECT " ACTOR_COLUMNS " FROM operators o JOIN hubs h ON h.id = o.hub_id"
					" WHERE o.system = 1",
					&st, err);
	if (st_rc != FH_OK)
		return st_rc;
	int rc = fh_step(st);
	if (rc == FH_ROW)
		read_actor(st, out, via);
	fh_reset(st);
	/* a command acts for its Unix user: the audit log and refusals say who */
	if (rc == FH_ROW && via && strncmp(via, "cli:", 4) == 0)
		snprintf(out->name, sizeof out->name, "%s", via);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, NULL, "%s",
				    _("the database has no hubs yet: run 'fuhua init --config DIR' first"));
	return fh_store_fail(s, err, _("reading operators"));
}

fh_status fh_actor_unix(fh_store *s, const char *login, fh_actor *out, fh_error *err)
{
	memset(out, 0, sizeof *out);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT " ACTOR_COLUMNS " FROM operators o JOIN hubs h ON h.id = o.hub_id"
				     " WHERE o.unix_login = ?1 AND o.system = 0",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_str(q, 1, login ? login : "");
	char via[64];
	snprintf(via, sizeof via, "cli:%s", login ? login : "");
	int rc = fh_step(q);
	bool disabled = false;
	if (rc == FH_ROW) {
		read_actor(q, out, via);
		disabled = fh_column_int(q, 12) != 0;
	}
	fh_reset(q);
	if (rc == FH_ROW && !disabled)
		return FH_OK;
	char name[64];
	snprintf(name, sizeof name, "%s", out->name);
	memset(out, 0, sizeof *out); /* nobody acts */
	if (rc == FH_ROW)
		return fh_error_set(err, FH_EDENIED, NULL,
				    _("the operator '%s' that Unix user '%s' acts as is disabled"), name, login);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, NULL, _("Unix user '%s' is bound to no operator"),
				    login ? login : "");
	return fh_store_fail(s, err, _("reading operators"));
}

/* How long a login waits to record itself behind another session's write
 * (a long import) before it goes on without the record. */
#define FH_LOGIN_RECORD_WAIT_MS 300

/* An audit line of an operator's: its name, and what follows (",\"own\":true"). */
static fh_status audit_operator(fh_store *s, const fh_actor *by, int64_t hub, int64_t id, const char *action,
				const char *name, const char *more, fh_error *err)
{
	fh_buf b = FH_BUF_INIT;
	fh_buf_puts(&b, "{\"name\":");
	fh_buf_json_string(&b, name);
	fh_buf_puts(&b, more);
	fh_buf_puts(&b, "}");
	fh_status st = fh_audit_write(s, by, hub, "operator", id, action, NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

static fh_status record_attempt(fh_store *s, const fh_actor *a, bool ok, fh_error *err)
{
	fh_store_busy_ms(s, FH_LOGIN_RECORD_WAIT_MS);
	fh_status st = fh_tx_begin(s, err);
	fh_store_busy_ms(s, FH_STORE_BUSY_MS);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	st = fh_store_stmt(s,
			   ok ? "UPDATE operators SET failures = 0, last_login = ?2 WHERE id = ?1"
			      : "UPDATE operators SET failures = failures + 1, last_failure = ?3 WHERE id = ?1",
			   &q, err);
	if (st != FH_OK) {
		fh_tx_rollback(s);
		return st;
	}
	fh_bind_int64(q, 1, a->id);
	fh_bind_int64(q, 2, fh_clock_now());
	if (!ok)
		fh_bind_int64(q, 3, (int64_t)time(NULL)); /* the gate's clock is the real one */
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE) {
		st = fh_store_fail(s, err, _("recording the login"));
	} else {
		st = audit_operator(s, a, a->hub_id, a->id, ok ? "login" : "login_failed", a->name, "", err);
	}
	if (st != FH_OK) {
		fh_tx_rollback(s);
		return st;
	}
	return fh_tx_commit(s, err);
}

fh_status fh_operator_login(fh_store *s, const char *name, const char *password, const char *via, fh_actor *out,
			    fh_error *err)
{
	fh_error_clear(err);
	memset(out, 0, sizeof *out);
	if (!name || !*name || !password)
		return fh_error_set(err, FH_EAUTH, NULL, "%s", _("wrong name or password"));
	fh_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
					"SELECT " ACTOR_COLUMNS " FROM operators o JOIN hubs h ON h.id = o.hub_id"
					" WHERE o.name = ?1 AND o.system = 0",
					&st, err);
	if (st_rc != FH_OK)
		return st_rc;
	fh_bind_str(st, 1, name);
	int rc = fh_step(st);
	fh_actor a;
	char *stored = NULL;
	int failures = 0;
	int64_t last_failure = 0;
	bool disabled = false;
	if (rc == FH_ROW) {
		read_actor(st, &a, via);
		const char *h = fh_column_str(st, 7);
		stored = h ? strdup(h) : NULL;
		failures = fh_column_int(st, 8);
		last_failure = fh_column_int64(st, 11);
		disabled = fh_column_int(st, 12) != 0;
	}
	fh_reset(st);
	if (rc != FH_ROW && rc != FH_DONE) {
		free(stored);
		return fh_store_fail(s, err, _("reading operators"));
	}
	int64_t since = (int64_t)time(NULL) - last_failure;
	if (failures >= FH_LOGIN_GATE_AFTER && since >= 0 && since < FH_LOGIN_GATE_S) {
		if (stored) {
			wipe(stored, strlen(stored));
			free(stored);
		}
		return fh_error_set(err, FH_EBUSY, NULL, "%s",
				    _("too many failed logins for this name just now; try again in a moment"));
	}
	bool ok = verify_password(password, stored);
	if (stored) {
		wipe(stored, strlen(stored));
		free(stored);
	}
	if (rc == FH_ROW) {
		fh_error e2;
		fh_status rs = record_attempt(s, &a, ok, &e2);
		/* a login never waits behind a long write: when the database is
		 * busy the attempt goes unrecorded (the terminal still counts a
		 * failure); any other failure to record refuses the login */
		if (rs != FH_OK && rs != FH_EBUSY && ok) {
			*err = e2;
			return e2.code;
		}
	}
	if (!ok)
		return fh_error_set(err, FH_EAUTH, NULL, "%s", _("wrong name or password"));
	if (disabled) /* said only to whoever knows the password */
		return fh_error_set(err, FH_EDENIED, NULL, "%s",
				    _("this operator is disabled; a manager of its hub can enable it again"));
	*out = a;
	return FH_OK;
}

/* ---- administration -------------------------------------------------------- */

static fh_status check_name(const char *name, fh_error *err)
{
	size_t len = name ? strlen(name) : 0, i = 0, chars = 0;
	if (len == 0)
		return fh_error_set(err, FH_EINVAL, "name", "%s", _("must not be empty"));
	while (i < len) {
		uint32_t cp;
		i += fh_utf8_decode(name + i, len - i, &cp);
		chars++;
		bool ok = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
			cp == '.' || cp == '_' || cp == '-' || (cp >= 0x3400 && cp <= 0x9FFF) ||
			(cp >= 0x20000 && cp <= 0x2FFFF);
		if (!ok)
			return fh_error_set(err, FH_EINVAL, "name", "%s",
					    _("may hold letters, digits, '.', '_', '-' and Chinese characters only"));
	}
	if (chars < 2 || chars > 32)
		return fh_error_set(err, FH_EINVAL, "name", "%s", _("must be 2 to 32 characters"));
	return FH_OK;
}

static fh_status check_password(const char *password, fh_error *err)
{
	size_t len = password ? strlen(password) : 0;
	if (len < 6 || len > 128)
		return fh_error_set(err, FH_EINVAL, "password", "%s", _("must be 6 to 128 characters"));
	if (fh_text_has_control(password))
		return fh_error_set(err, FH_EINVAL, "password", "%s", _("contains a control character"));
	return FH_OK;
}

/* Who may add, disable, enable an operator of `role` or set its password:
 * a manager for front desk and managers, an admin for anyone (the hub in
 * their scope is checked apart). */
static fh_status may_manage(const fh_actor *by, fh_role role, fh_error *err)
{
	if (!by || !fh_role_allows(by->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("only a manager or an admin may manage operators"));
	if (!fh_role_allows(by->role, role))
		return fh_error_set(err, FH_EDENIED, "role", "%s", _("only an admin may manage administrators"));
	return FH_OK;
}

/* The operator `name` (not the system's), read in the caller's transaction:
 * its id, hub, role, version and whether it is disabled. FH_ENOTFOUND, or the
 * database's error; on error the outputs are not to be used. */
static fh_status target_read(fh_store *s, const char *name, int64_t *id, int64_t *hub, fh_role *role, int64_t *version,
			     bool *disabled, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, "SELECT id, hub_id, role, version, disabled FROM operators WHERE name = ?1 AND system = 0", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_str(q, 1, name ? name : "");
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		char r[16];
		*id = fh_column_int64(q, 0);
		*hub = fh_column_int64(q, 1);
		fh_column_text(q, 2, r, sizeof r);
		fh_role_parse(r, role);
		*version = fh_column_int64(q, 3);
		*disabled = fh_column_int(q, 4) != 0;
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "name", _("no operator named '%s'"), name ? name : "");
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("reading operators"));
}

fh_status fh_operator_insert(fh_store *s, const fh_actor *by, const char *name, fh_role role, const char *hub_code,
			     const char *password, fh_error *err)
{
	fh_status st;
	if ((st = check_name(name, err)) != FH_OK || (st = check_password(password, err)) != FH_OK)
		return st;
	if ((unsigned)role >= FH_ROLE_COUNT)
		return fh_error_set(err, FH_EINVAL, "role", "%s", _("unknown role"));
	if ((st = may_manage(by, role, err)) != FH_OK)
		return st;
	int64_t hub = 0;
	if (hub_code &&
	    (st = fh_store_id(s, "SELECT id FROM hubs WHERE code = ?1", hub_code, &hub, _("reading hubs"), err)) !=
		    FH_OK)
		return st;
	if (!hub)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub with code '%s'"), hub_code ? hub_code : "");
	fh_status sc = fh_actor_scope(s, by, hub, err);
	if (sc != FH_OK)
		return sc;
	char *hash = hash_password(password);
	if (!hash)
		return fh_error_set(err, FH_ESTORE, "password", "%s", _("password hashing failed"));
	fh_stmt *q;
	fh_status qs = fh_store_stmt(s,
				     "INSERT INTO operators(name, role, hub_id, pw_hash, updated_at, updated_by)"
				     " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
				     &q, err);
	int rc = FH_STEP_ERROR;
	if (q) {
		fh_bind_str(q, 1, name);
		fh_bind_static(q, 2, role_names[role], -1);
		fh_bind_int64(q, 3, hub);
		fh_bind_str(q, 4, hash);
		fh_bind_int64(q, 5, fh_clock_now());
		fh_bind_str(q, 6, by->name);
		rc = fh_step(q);
		fh_reset(q);
	}
	wipe(hash, strlen(hash));
	free(hash);
	if (qs != FH_OK)
		return qs;
	if (rc == FH_STEP_DUPLICATE)
		return fh_error_set(err, FH_ECONFLICT, "name", _("an operator named '%s' exists already"), name);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("adding the operator"));
	fh_buf b = FH_BUF_INIT;
	fh_buf_puts(&b, "{\"name\":");
	fh_buf_json_string(&b, name);
	fh_buf_printf(&b, ",\"role\":\"%s\",\"hub\":", role_names[role]);
	fh_buf_json_string(&b, hub_code);
	fh_buf_puts(&b, "}");
	st = fh_audit_write(s, by, hub, "operator", fh_store_last_id(s), "create", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_operator_add(fh_store *s, const fh_actor *by, const char *name, fh_role role, const char *hub_code,
			  const char *password, fh_error *err)
{
	fh_error_clear(err);
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	st = fh_operator_insert(s, by, name, role, hub_code, password, err);
	if (st != FH_OK) {
		fh_tx_rollback(s);
		return st;
	}
	return fh_tx_commit(s, err);
}

/* In the caller's transaction: the password of `name` set to hash, its
 * failures cleared, audited as `action`. */
static fh_status set_hash_locked(fh_store *s, const fh_actor *by, const char *name, const char *hash,
				 int64_t expected_version, fh_error *err)
{
	int64_t id, hub, version;
	fh_role role = FH_ROLE_ADMIN;
	bool disabled;
	fh_status st = target_read(s, name, &id, &hub, &role, &version, &disabled, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_actor_scope(s, by, hub, err)) != FH_OK)
		return st;
	if (by->id != id && (st = may_manage(by, role, err)) != FH_OK)
		return st;
	if ((st = fh_store_check_version(s, "operators", id, expected_version ? expected_version : version, err)) !=
	    FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"UPDATE operators SET pw_hash = ?2, failures = 0, version = version + 1,"
				" updated_at = ?3, updated_by = ?4 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_str(q, 2, hash);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, by->name);
	if ((st = fh_store_done(s, q, _("changing the password"), err)) != FH_OK)
		return st;
	return audit_operator(s, by, hub, id, "password", name, by->id == id ? ",\"own\":true" : "", err);
}

fh_status fh_operator_set_password(fh_store *s, const fh_actor *by, const char *name, const char *password,
				   int64_t expected_version, fh_error *err)
{
	fh_error_clear(err);
	fh_status st = check_password(password, err);
	if (st != FH_OK)
		return st;
	if (!by || !by->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	char *hash = hash_password(password); /* slow: before the write lock */
	if (!hash)
		return fh_error_set(err, FH_ESTORE, "password", "%s", _("password hashing failed"));
	st = fh_tx_begin(s, err);
	if (st == FH_OK)
		st = fh_tx_end(s, set_hash_locked(s, by, name, hash, expected_version, err), err);
	wipe(hash, strlen(hash));
	free(hash);
	return st;
}

fh_status fh_operator_change_own(fh_store *s, const fh_actor *by, const char *old, const char *password, fh_error *err)
{
	fh_error_clear(err);
	if (!by || !by->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = check_password(password, err);
	if (st != FH_OK)
		return st;
	if (old && strcmp(old, password) == 0)
		return fh_error_set(err, FH_EINVAL, "password", "%s", _("is the same as the old one"));
	fh_stmt *q;
	if ((st = fh_store_stmt(s, "SELECT pw_hash, version FROM operators WHERE id = ?1 AND system = 0", &q, err)) !=
	    FH_OK)
		return st;
	fh_bind_int64(q, 1, by->id);
	char *stored = NULL;
	int64_t version = 0;
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		const char *h = fh_column_str(q, 0);
		stored = h ? strdup(h) : NULL;
		version = fh_column_int64(q, 1);
	}
	fh_reset(q);
	if (rc != FH_ROW) {
		free(stored);
		return rc == FH_DONE ? fh_error_set(err, FH_ENOTFOUND, NULL, "%s", _("no such operator"))
				     : fh_store_fail(s, err, _("reading operators"));
	}
	bool ok = verify_password(old ? old : "", stored);
	if (stored) {
		wipe(stored, strlen(stored));
		free(stored);
	}
	if (!ok) {
		fh_error e2;
		record_attempt(s, by, false, &e2); /* counted as a failed login: slows guessing down */
		return fh_error_set(err, FH_EAUTH, "old", "%s", _("is not your password"));
	}
	/* the version read with the hash checked: a change made meanwhile wins */
	return fh_operator_set_password(s, by, by->name, password, version, err);
}

static fh_status set_disabled_locked(fh_store *s, const fh_actor *by, const char *name, bool disable, fh_error *err)
{
	int64_t id, hub, version;
	fh_role role = FH_ROLE_ADMIN;
	bool disabled;
	fh_status st = target_read(s, name, &id, &hub, &role, &version, &disabled, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_actor_scope(s, by, hub, err)) != FH_OK || (st = may_manage(by, role, err)) != FH_OK)
		return st;
	if (id == by->id)
		return fh_error_set(err, FH_EINVAL, "name", "%s", _("you cannot disable yourself"));
	if (disabled == disable)
		return fh_error_set(err, FH_ECONFLICT, "name",
				    disable ? _("'%s' is disabled already") : _("'%s' is not disabled"), name);
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"UPDATE operators SET disabled = ?2, version = version + 1, updated_at = ?3,"
				" updated_by = ?4 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int(q, 2, disable);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, by->name);
	if ((st = fh_store_done(s, q, _("changing the operator"), err)) != FH_OK)
		return st;
	return audit_operator(s, by, hub, id, disable ? "disable" : "enable", name, "", err);
}

/* A Unix login: 1–32 of letters, digits, '_', '.' and '-', not starting
 * with '-' (what useradd takes, and nothing a shell or a path reads). */
static bool unix_login_ok(const char *l)
{
	size_t n = strlen(l);
	if (n < 1 || n > 32 || l[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(l[i] >= 'a' && l[i] <= 'z') && !(l[i] >= 'A' && l[i] <= 'Z') && !(l[i] >= '0' && l[i] <= '9') &&
		    !strchr("_.-", l[i]))
			return false;
	return true;
}

static fh_status bind_locked(fh_store *s, const fh_actor *by, const char *name, const char *login, fh_error *err)
{
	int64_t id, hub, version;
	fh_role role = FH_ROLE_ADMIN;
	bool disabled;
	fh_status st = target_read(s, name, &id, &hub, &role, &version, &disabled, err);
	if (st != FH_OK || (st = fh_actor_scope(s, by, hub, err)) != FH_OK)
		return st;
	fh_stmt *q;
	if (*login) { /* read inside the write: two binds of one login cannot both pass */
		if ((st = fh_store_stmt(s, "SELECT name FROM operators WHERE unix_login = ?1 AND id != ?2", &q, err)) !=
		    FH_OK)
			return st;
		fh_bind_str(q, 1, login);
		fh_bind_int64(q, 2, id);
		char other[64] = "";
		int rc = fh_step(q);
		if (rc == FH_ROW)
			fh_column_text(q, 0, other, sizeof other);
		fh_reset(q);
		if (rc == FH_ROW)
			return fh_error_set(err, FH_ECONFLICT, "unix", _("Unix user '%s' is bound to '%s' already"),
					    login, other);
		if (rc != FH_DONE)
			return fh_store_fail(s, err, _("reading operators"));
	}
	if ((st = fh_store_stmt(s,
				"UPDATE operators SET unix_login = ?2, version = version + 1, updated_at = ?3,"
				" updated_by = ?4 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_text(q, 2, *login ? login : NULL);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, by->name);
	if ((st = fh_store_done(s, q, _("changing the operator"), err)) != FH_OK)
		return st;
	fh_buf more = FH_BUF_INIT;
	fh_buf_puts(&more, ",\"unix\":");
	fh_buf_json_string(&more, login);
	st = audit_operator(s, by, hub, id, "bind_unix", name, fh_buf_str(&more), err);
	fh_buf_free(&more);
	return st;
}

fh_status fh_operator_bind_unix(fh_store *s, const fh_actor *by, const char *name, const char *login, fh_error *err)
{
	fh_error_clear(err);
	if (!by || !by->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	if (by->role != FH_ROLE_ADMIN)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("only an administrator binds a Unix user"));
	if (!login || (*login && !unix_login_ok(login)))
		return fh_error_set(err, FH_EINVAL, "unix", "%s",
				    _("a Unix login: 1 to 32 letters, digits, '_', '.' or '-', not starting with '-'"));
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, bind_locked(s, by, name, login, err), err);
}

fh_status fh_operator_set_disabled(fh_store *s, const fh_actor *by, const char *name, bool disable, fh_error *err)
{
	fh_error_clear(err);
	if (!by || !by->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, set_disabled_locked(s, by, name, disable, err), err);
}

fh_status fh_operator_count(fh_store *s, int *n, fh_error *err)
{
	fh_status st = fh_store_count(s, "SELECT count(*) FROM operators WHERE system = 0", 0, 0, n,
				      _("reading operators"), err);
	if (st != FH_OK)
		*n = 0;
	return st;
}

fh_status fh_operator_list(fh_store *s, const fh_actor *by, fh_operator_row **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!by || !by->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_stmt *st;
	fh_status st_rc = fh_store_stmt(
		s,
		FH_SQL_SCOPE
		" SELECT o.id, o.name, o.role, h.code, h.name, o.last_login, o.failures, o.version, o.disabled,"
		" ifnull(o.unix_login, '')"
		" FROM operators o JOIN hubs h ON h.id = o.hub_id"
		" WHERE o.system = 0 AND o.hub_id IN (SELECT id FROM scope)"
		" ORDER BY CASE h.level WHEN 'city' THEN 0 WHEN 'district' THEN 1"
		"  WHEN 'street' THEN 2 ELSE 3 END, h.code, o.name",
		&st, err);
	if (st_rc != FH_OK)
		return st_rc;
	fh_bind_int64(st, 1, by->hub_id);
	size_t cap = 16, count = 0;
	fh_operator_row *out = malloc(cap * sizeof *out);
	int rc;
	while (out && (rc = fh_step(st)) == FH_ROW) {
		if (count == cap) {
			fh_operator_row *grown = realloc(out, (cap *= 2) * sizeof *out);
			if (!grown) {
				free(out);
				out = NULL;
				break;
			}
			out = grown;
		}
		fh_operator_row *r = &out[count++];
		memset(r, 0, sizeof *r);
		r->id = fh_column_int64(st, 0);
		fh_column_text(st, 1, r->name, sizeof r->name);
		char role[16];
		fh_column_text(st, 2, role, sizeof role);
		fh_role_parse(role, &r->role);
		fh_column_text(st, 3, r->hub_code, sizeof r->hub_code);
		fh_column_text(st, 4, r->hub_name, sizeof r->hub_name);
		r->last_login = fh_column_int64(st, 5);
		r->failures = fh_column_int(st, 6);
		r->version = fh_column_int64(st, 7);
		r->disabled = fh_column_int(st, 8) != 0;
		fh_column_text(st, 9, r->unix_login, sizeof r->unix_login);
	}
	fh_reset(st);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	*rows = out;
	*n = count;
	return FH_OK;
}

/* ---- the demo's accounts ------------------------------------------------------ */

fh_status fh_operator_mark_demo(fh_store *s, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "INSERT OR REPLACE INTO settings(key, value)"
				     " SELECT 'demo_hash:' || name, pw_hash FROM operators WHERE system = 0",
				     &q, err);
	if (st != FH_OK)
		return st;
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("writing settings"));
}

fh_status fh_operator_demo_logins(fh_store *s, fh_operator_row *rows, size_t max, size_t *n, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st =
		fh_store_stmt(s,
			      "SELECT o.name, o.role FROM operators o JOIN settings k"
			      " ON k.key = 'demo_hash:' || o.name AND k.value = o.pw_hash"
			      " WHERE o.system = 0 AND o.pw_hash IS NOT NULL"
			      " ORDER BY CASE o.role WHEN 'front_desk' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, o.id",
			      &q, err);
	if (st != FH_OK)
		return st;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (*n == max)
			continue;
		fh_operator_row *r = &rows[(*n)++];
		memset(r, 0, sizeof *r);
		fh_column_text(q, 0, r->name, sizeof r->name);
		fh_role_parse(fh_column_str(q, 1), &r->role);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading operators"));
}

fh_status fh_operator_after_migrate(fh_store *s, int from, fh_error *err)
{
	/* a demo made before the demo's hashes were recorded: those of its
	 * accounts that still take the demo password, checked once */
	if (from >= 9 || from == 0)
		return FH_OK;
	fh_stmt *q;
	if (fh_store_prepare(s,
			     "SELECT name, pw_hash FROM operators WHERE system = 0"
			     " AND EXISTS (SELECT 1 FROM settings WHERE key = 'demo')",
			     &q, NULL) != FH_OK)
		return fh_store_fail(s, err, _("reading operators"));
	fh_status st = FH_OK;
	while (st == FH_OK && fh_step(q) == FH_ROW) {
		const char *name = fh_column_str(q, 0);
		const char *hash = fh_column_str(q, 1);
		if (!name || !hash || !verify_password(FH_DEMO_PASSWORD, hash))
			continue;
		fh_stmt *w;
		if (fh_store_prepare(s,
				     "INSERT OR REPLACE INTO settings(key, value)"
				     " VALUES('demo_hash:' || ?1, ?2)",
				     &w, NULL) != FH_OK)
			st = fh_store_fail(s, err, _("writing settings"));
		if (st == FH_OK) {
			fh_bind_str(w, 1, name);
			fh_bind_str(w, 2, hash);
			if (fh_step(w) != FH_DONE)
				st = fh_store_fail(s, err, _("writing settings"));
		}
		fh_finalize(w);
	}
	fh_finalize(q);
	return st;
}

/* ---- the hub's idle lock --------------------------------------------------------- */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_operator_schema[] = {
	/* 1: an operator disabled by a manager cannot log in (fh_operator_set_disabled) */
	"ALTER TABLE operators ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;",
	/* 2: the Unix login a command acts as the operator for (fh_operator_bind_unix) */
	"ALTER TABLE operators ADD COLUMN unix_login TEXT;"
	"CREATE UNIQUE INDEX operators_unix ON operators(unix_login) WHERE unix_login IS NOT NULL;",
	NULL,
};

fh_status fh_operator_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET idle_lock_minutes = ?2 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->operator.idle_lock_minutes);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_operator_describe_rules(fh_buf *b, const fh_rules *r)
{
	fh_buf_printf(b, "|l:%d", r->operator.idle_lock_minutes);
}
