/* fuhua tests — import.h: tenants taken in from a spreadsheet and given
 * out as one — all or nothing with each bad line named, or the good lines
 * with the bad skipped; each hub's service fields; GB18030 and UTF-8; who
 * may import; the CSV export escaped for spreadsheets and read by ranges.
 * Degenerate cases first. */
#include "module.h"

#include "fuhua/buf.h"
#include "fuhua/import.h"

MODULE_TEST("import.db", "2026-01-10T09:00")

static fh_actor desk;

static int setup(void **s)
{
	if (module_setup(s) != 0)
		return -1;
	desk = signed_in("desk", FH_ROLE_FRONT_DESK, "ja");
	return 0;
}

static fh_status import(const char *data, size_t len, bool skip, fh_import_result *res, fh_error *err)
{
	fh_import_options o = { .hub_code = "ja-gh", .skip_bad = skip, .source = "test.csv" };
	return fh_tenant_import(st, &sys_actor, data, len, &o, res, err);
}

static int tenants_in(const char *hub)
{
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(st),
			   "SELECT count(*) FROM tenants t JOIN hubs h ON h.id = t.hub_id"
			   " WHERE h.code = ?1",
			   -1, &q, NULL);
	sqlite3_bind_text(q, 1, hub, -1, SQLITE_STATIC);
	int n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return n;
}

static void import_all_or_nothing(void **s)
{
	(void)s;
	fh_import_result res;
	fh_error err;
	char code[19], csv[2048];
	code_for(500, code);
	snprintf(csv, sizeof csv,
		 "\xEF\xBB\xBF名称,组织类型,登记状态,统一社会信用代码,联系电话,阶段,入驻日期,备注\r\n"
		 "导入一号服务社,社会团体,已登记,%s,13812345678,孵化中,2025/3/1,\"多行\n备注, 含逗号\"\r\n"
		 "导入二号,民办非企业单位,筹备,,021 6234 5678,申请,,\r\n"
		 "导入三号,基金会,筹备,,6234,申请,,\r\n"
		 "导入四号,公司,筹备,,,申请,,\r\n"
		 "导入五号,社会团体,已登记,%s,,申请,,\r\n"
		 "\r\n",
		 code, code);
	int before = tenants_in("ja-gh");
	assert_int_equal(import(csv, strlen(csv), false, &res, &err), FH_EINVAL);
	assert_int_equal(tenants_in("ja-gh"), before);
	assert_int_equal(res.rows, 5);
	/* the first record has two lines: line 5 phone, line 6 org type, line 7
	 * the same code as line 2 */
	assert_true(res.nproblems >= 3);
	assert_int_equal(res.problems[0].line, 5);
	assert_string_equal(res.problems[0].field, "phone");
	assert_int_equal(res.problems[1].line, 6);
	assert_string_equal(res.problems[1].field, "org_type");
	assert_int_equal(res.problems[res.nproblems - 1].line, 7);
	assert_string_equal(res.problems[res.nproblems - 1].field, "credit_code");
	fh_import_result_free(&res);
	/* --skip-bad writes the two good rows */
	assert_int_equal(import(csv, strlen(csv), true, &res, &err), FH_OK);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.skipped, 3);
	assert_int_equal(tenants_in("ja-gh"), before + 2);
	fh_import_result_free(&res);
	/* the multi-line note arrived whole */
	assert_int_equal(count_where("SELECT count(*) FROM tenants WHERE notes = '多行\n备注, 含逗号' AND %lld", 1), 1);
}

/* Each row's service field is checked against its own hub's list (the
 * import reads each hub's list once): 新市民服务 is a street's field, not a
 * community's. */
static void import_fields_per_hub(void **s)
{
	(void)s;
	const char csv[] = "名称,服务领域,孵化基地\n"
			   "领域街道一号社,新市民服务,ja-gh\n"
			   "领域社区二号社,新市民服务,ja-gh-yq\n"
			   "领域社区三号社,文化,ja-gh-yq\n"
			   "领域街道四号社,食品安全,ja-gh\n";
	fh_import_result res;
	fh_error err;
	assert_int_equal(import(csv, sizeof csv - 1, false, &res, &err), FH_EINVAL);
	assert_int_equal(res.nproblems, 1);
	assert_int_equal(res.problems[0].line, 3);
	assert_string_equal(res.problems[0].field, "field");
	assert_non_null(strstr(res.problems[0].message, "社区治理"));
	assert_null(strstr(res.problems[0].message, "食品安全"));
	fh_import_result_free(&res);
	int street = tenants_in("ja-gh"), community = tenants_in("ja-gh-yq");
	assert_int_equal(import(csv, sizeof csv - 1, true, &res, &err), FH_OK);
	assert_int_equal(res.imported, 3);
	assert_int_equal(tenants_in("ja-gh"), street + 2);
	assert_int_equal(tenants_in("ja-gh-yq"), community + 1);
	fh_import_result_free(&res);
}

static void import_gb18030(void **s)
{
	(void)s;
	/* "名称,联系人\r\n国标测试社,李明\r\n" in GB18030 */
	const char gb[] = "\xC3\xFB\xB3\xC6,\xC1\xAA\xCF\xB5\xC8\xCB\r\n"
			  "\xB9\xFA\xB1\xEA\xB2\xE2\xCA\xD4\xC9\xE7,\xC0\xEE\xC3\xF7\r\n";
	fh_import_result res;
	fh_error err;
	assert_int_equal(import(gb, sizeof gb - 1, false, &res, &err), FH_OK);
	assert_string_equal(res.encoding, "gb18030");
	assert_int_equal(res.imported, 1);
	fh_import_result_free(&res);
	assert_int_equal(
		count_where("SELECT count(*) FROM tenants WHERE name = '国标测试社' AND contact = '李明' AND %lld", 1),
		1);
	/* named as UTF-8 it is refused with its line */
	fh_import_options o = { .hub_code = "ja-gh", .encoding = "utf-8" };
	assert_int_equal(fh_tenant_import(st, &sys_actor, gb, sizeof gb - 1, &o, &res, &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "1"));
	fh_import_result_free(&res);
	/* a heading that is no field; an unclosed quote */
	const char *bad = "名称,身高\r\n某组织,180\r\n";
	assert_int_equal(import(bad, strlen(bad), false, &res, &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "身高"));
	fh_import_result_free(&res);
	const char *open = "name\r\n\"某组织\r\n";
	assert_int_equal(import(open, strlen(open), false, &res, &err), FH_EINVAL);
	assert_int_equal(res.problems[0].line, 2);
	fh_import_result_free(&res);
	/* a front-desk operator may not import */
	fh_import_options od = { .hub_code = "ja" };
	assert_int_equal(fh_tenant_import(st, &desk, "name\r\nx\r\n", 10, &od, &res, &err), FH_EDENIED);
	fh_import_result_free(&res);
}

static int collect(void *ctx, const char *data, size_t n)
{
	fh_buf_add(ctx, data, n);
	return 0;
}

static void export_csv(void **s)
{
	(void)s;
	fh_tenant t;
	fh_field_errors e = { 0 };
	fh_error err;
	fh_tenant_init(&t);
	t.hub_id = hub("ja");
	snprintf(t.name, sizeof t.name, "%s", "=HYPERLINK(\"x\")公益");
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	fh_buf b = FH_BUF_INIT;
	assert_int_equal(fh_tenant_export(st, &desk, &f, true, true, collect, &b, &err), FH_OK);
	const char *csv = fh_buf_str(&b);
	assert_memory_equal(csv, "\xEF\xBB\xBF名称,", strlen("\xEF\xBB\xBF名称,"));
	assert_non_null(strstr(csv, "\"'=HYPERLINK(\"\"x\"\")公益\""));
	assert_null(strstr(csv, ",=HYPERLINK"));
	fh_buf_free(&b);
	/* read by ranges of numbers: tenants far apart (a copy numbered 30 000,
	 * another 70 000) each come once, in the order they were taken in, and
	 * the filter holds in every range */
	char sql[400];
	for (int i = 0; i < 2; i++) {
		snprintf(
			sql, sizeof sql,
			"INSERT INTO tenants(id, hub_id, name, org_type, reg_state, stage, stage_since,"
			" updated_at, updated_by) SELECT %d, hub_id, '远号组织%d', org_type, reg_state, '%s', stage_since,"
			" updated_at, updated_by FROM tenants WHERE id = %lld",
			30000 + 40000 * i, i, i ? "exited" : "applied", (long long)t.id);
		assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	}
	b = (fh_buf)FH_BUF_INIT;
	assert_int_equal(fh_tenant_export(st, &desk, &f, true, false, collect, &b, &err), FH_OK);
	csv = fh_buf_str(&b);
	const char *hyper = strstr(csv, "HYPERLINK"), *a = strstr(csv, "远号组织0"), *z = strstr(csv, "远号组织1");
	assert_true(hyper && a && z && hyper < a && a < z);
	assert_null(strstr(a + 1, "远号组织0"));
	assert_null(strstr(z + 1, "远号组织1"));
	fh_buf_free(&b);
	f.stage = FH_STAGE_EXITED;
	b = (fh_buf)FH_BUF_INIT;
	assert_int_equal(fh_tenant_export(st, &desk, &f, true, false, collect, &b, &err), FH_OK);
	assert_non_null(strstr(fh_buf_str(&b), "远号组织1"));
	assert_null(strstr(fh_buf_str(&b), "远号组织0"));
	fh_buf_free(&b);
}

/* fh_tenant_export_rows: the headings, then a row per tenant of FH_TF_COUNT
 * + 1 cells, the hub's code last; each handed out after its range was read
 * (another connection commits a write from inside row() at once, with no
 * wait); a row() that fails stops it. */
struct rows_seen {
	int rows, cells, stop_at;
	bool heading, hubs, wrote;
	sqlite3 *other;
};

static int seen_row(void *ctx, const char *const *cells, int n)
{
	struct rows_seen *r = ctx;
	if (r->rows++ == 0)
		r->heading = strcmp(cells[0], "名称") == 0 && strcmp(cells[n - 1], "孵化基地") == 0;
	else
		r->hubs = r->hubs && strncmp(cells[n - 1], "ja", 2) == 0;
	r->cells = n;
	if (r->other && r->rows == 2)
		r->wrote =
			sqlite3_exec(r->other,
				     "UPDATE tenants SET notes = '导出时写入' WHERE id = (SELECT min(id) FROM tenants)",
				     NULL, NULL, NULL) == SQLITE_OK;
	return r->stop_at && r->rows == r->stop_at ? -1 : 0;
}

static void export_rows(void **s)
{
	(void)s;
	fh_error err;
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	struct rows_seen r = { .hubs = true };
	assert_int_equal(sqlite3_open(sqlite3_db_filename(fh_store_db(st), "main"), &r.other), SQLITE_OK);
	sqlite3_busy_timeout(r.other, 0); /* a write held up by the export fails at once */
	assert_int_equal(fh_tenant_export_rows(st, &desk, &f, true, seen_row, &r, &err), FH_OK);
	sqlite3_close(r.other);
	int64_t all = fixture_count(st, "SELECT count(*) FROM tenants");
	assert_true(all > 1);
	assert_int_equal(r.rows, all + 1);
	assert_int_equal(r.cells, FH_TF_COUNT + 1);
	assert_true(r.heading && r.hubs && r.wrote);
	struct rows_seen stop = { .hubs = true, .stop_at = 2 };
	assert_int_equal(fh_tenant_export_rows(st, &desk, &f, true, seen_row, &stop, &err), FH_ESTORE);
	assert_int_equal(stop.rows, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(import_all_or_nothing), cmocka_unit_test(import_fields_per_hub),
		cmocka_unit_test(import_gb18030),        cmocka_unit_test(export_csv),
		cmocka_unit_test(export_rows),
	};
	return cmocka_run_group_tests_name("import", tests, setup, module_teardown);
}
