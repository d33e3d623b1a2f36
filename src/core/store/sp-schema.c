/* sp-schema.c: the store's schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration N brings a database from PRAGMA user_version N to N + 1. A
 * migration, once released, is never edited: a change to the schema is a
 * new migration appended here. The columns are named as the fields in the
 * entities' tables (tests check that every field has its column).
 */

#include "sp-schema.h"

/* What of an investigation the full-text index holds, of the row @p. */
#define INVESTIGATION_TEXT(p) \
  "ifnull (" p "facts, '') || ' ' || ifnull (" p "heard, '') || ' ' || ifnull (" p "analysis, '')" \
  " || ' ' || ifnull (" p "actions_taken, '') || ' ' || ifnull (" p "feedback_text, '')"

static const char migration_1[] =
  "CREATE TABLE units (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT,\n"
  "  parent_id TEXT,\n"
  "  kind TEXT,\n"
  "  area TEXT,\n"
  "  manager_id TEXT\n"
  ");\n"
  "CREATE TABLE users (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  username TEXT,\n"
  "  display_name TEXT,\n"
  "  email TEXT,\n"
  "  roles TEXT,\n"
  "  unit_id TEXT\n"
  ");\n"
  "CREATE TABLE providers (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  name TEXT,\n"
  "  org_number TEXT,\n"
  "  contract_form TEXT,\n"
  "  contract_reference TEXT,\n"
  "  responsible_administration TEXT,\n"
  "  area TEXT\n"
  ");\n"
  "CREATE TABLE categories (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  code TEXT,\n"
  "  name TEXT,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE cases (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  diary_number TEXT,\n"
  "  kind TEXT,\n"
  "  valence TEXT,\n"
  "  channel TEXT,\n"
  "  received_on TEXT,\n"
  "  status TEXT,\n"
  "  sender_anonymous INTEGER NOT NULL DEFAULT 0,\n"
  "  sender_name TEXT,\n"
  "  sender_address TEXT,\n"
  "  sender_phone TEXT,\n"
  "  sender_email TEXT,\n"
  "  sender_wants_feedback INTEGER NOT NULL DEFAULT 0,\n"
  "  sender_relation TEXT,\n"
  "  concerns TEXT,\n"
  "  unit_id TEXT,\n"
  "  provider_id TEXT,\n"
  "  other_district TEXT,\n"
  "  other_authority TEXT,\n"
  "  area TEXT,\n"
  "  category TEXT,\n"
  "  subject TEXT,\n"
  "  description TEXT,\n"
  "  service_note TEXT,\n"
  "  individual_record INTEGER NOT NULL DEFAULT 0,\n"
  "  individual_record_noted INTEGER NOT NULL DEFAULT 0,\n"
  "  named_employee INTEGER NOT NULL DEFAULT 0,\n"
  "  conflict_of_interest INTEGER NOT NULL DEFAULT 0,\n"
  "  investigating_unit_id TEXT,\n"
  "  contract_breach INTEGER NOT NULL DEFAULT 0,\n"
  "  authority_reference TEXT,\n"
  "  given_due_on TEXT,\n"
  "  deadline_rule TEXT,\n"
  "  due_on TEXT,\n"
  "  assigned_to TEXT,\n"
  "  forwarded_to TEXT,\n"
  "  delay_notice_on TEXT,\n"
  "  delay_reason TEXT,\n"
  "  feedback_on TEXT,\n"
  "  closed_on TEXT,\n"
  "  created_by TEXT,\n"
  "  created_at TEXT\n"
  ");\n"
  "CREATE TABLE investigations (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  investigator_id TEXT,\n"
  "  investigating_unit_id TEXT,\n"
  "  facts TEXT,\n"
  "  heard TEXT,\n"
  "  analysis TEXT,\n"
  "  assessment TEXT,\n"
  "  actions_taken TEXT,\n"
  "  feedback_text TEXT,\n"
  "  follow_up_on TEXT,\n"
  "  authority_answer TEXT,\n"
  "  authority_answer_on TEXT,\n"
  "  lex_sarah INTEGER NOT NULL DEFAULT 0,\n"
  "  lex_sarah_reference TEXT,\n"
  "  lex_sarah_on TEXT,\n"
  "  lex_maria INTEGER NOT NULL DEFAULT 0,\n"
  "  lex_maria_reference TEXT,\n"
  "  lex_maria_on TEXT,\n"
  "  deviation INTEGER NOT NULL DEFAULT 0,\n"
  "  deviation_reference TEXT,\n"
  "  deviation_on TEXT,\n"
  "  contract_breach INTEGER NOT NULL DEFAULT 0,\n"
  "  contract_breach_reference TEXT,\n"
  "  contract_breach_on TEXT,\n"
  "  welfare_crime INTEGER NOT NULL DEFAULT 0,\n"
  "  welfare_crime_reference TEXT,\n"
  "  welfare_crime_on TEXT\n"
  ");\n"
  "CREATE TABLE planned_actions (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  description TEXT,\n"
  "  responsible TEXT,\n"
  "  due_on TEXT,\n"
  "  done_on TEXT\n"
  ");\n"
  "CREATE TABLE case_events (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  at TEXT,\n"
  "  actor_id TEXT,\n"
  "  actor_name TEXT,\n"
  "  kind TEXT,\n"
  "  field TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT,\n"
  "  note TEXT\n"
  ");\n"
  "CREATE TABLE letters (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  kind TEXT,\n"
  "  language TEXT,\n"
  "  recipient TEXT,\n"
  "  body TEXT,\n"
  "  contact_person TEXT,\n"
  "  sent_on TEXT,\n"
  "  method TEXT\n"
  ");\n"
  "CREATE TABLE disclosure_requests (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  requested_on TEXT,\n"
  "  requester TEXT,\n"
  "  decision TEXT,\n"
  "  osl_provision TEXT,\n"
  "  decided_on TEXT,\n"
  "  decided_by TEXT,\n"
  "  note TEXT\n"
  ");\n"
  "CREATE TABLE contract_issues (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  provider_id TEXT,\n"
  "  status TEXT,\n"
  "  correction_requested_on TEXT,\n"
  "  correction_due_on TEXT,\n"
  "  account_received_on TEXT,\n"
  "  sanction TEXT,\n"
  "  outcome TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX investigations_case ON investigations (case_id);\n"
  "CREATE INDEX planned_actions_case ON planned_actions (case_id);\n"
  "CREATE INDEX case_events_case ON case_events (case_id, at);\n"
  "CREATE INDEX letters_case ON letters (case_id);\n"
  "CREATE INDEX disclosure_requests_case ON disclosure_requests (case_id);\n"
  "CREATE INDEX contract_issues_case ON contract_issues (case_id);\n"
  "CREATE INDEX units_parent ON units (parent_id);\n"
  "CREATE UNIQUE INDEX users_username ON users (username);\n"
  "CREATE UNIQUE INDEX categories_code ON categories (code);\n"

  /* The case list sorts and filters on these; each sort index ends in id so
   * that paging is stable and the order is total. */
  "CREATE INDEX cases_received ON cases (received_on, id);\n"
  "CREATE INDEX cases_diary ON cases (diary_number, id);\n"
  "CREATE INDEX cases_status ON cases (status, received_on);\n"
  "CREATE INDEX cases_kind ON cases (kind, received_on);\n"
  "CREATE INDEX cases_unit ON cases (unit_id, received_on);\n"
  "CREATE INDEX cases_category ON cases (category, received_on);\n"
  "CREATE INDEX cases_provider ON cases (provider_id, received_on);\n"
  "CREATE INDEX cases_due ON cases (due_on, id);\n"
  "CREATE INDEX cases_subject ON cases (subject COLLATE NOCASE, id);\n"
  "CREATE INDEX cases_updated ON cases (updated_at, id);\n"
  "CREATE INDEX cases_created_by ON cases (created_by);\n"
  "CREATE INDEX cases_assigned_to ON cases (assigned_to);\n"
  "CREATE INDEX cases_rev ON cases (rev);\n"
  "CREATE INDEX units_rev ON units (rev);\n"
  "CREATE INDEX users_rev ON users (rev);\n"
  "CREATE INDEX providers_rev ON providers (rev);\n"
  "CREATE INDEX categories_rev ON categories (rev);\n"
  "CREATE INDEX investigations_rev ON investigations (rev);\n"
  "CREATE INDEX planned_actions_rev ON planned_actions (rev);\n"
  "CREATE INDEX case_events_rev ON case_events (rev);\n"
  "CREATE INDEX letters_rev ON letters (rev);\n"
  "CREATE INDEX disclosure_requests_rev ON disclosure_requests (rev);\n"
  "CREATE INDEX contract_issues_rev ON contract_issues (rev);\n"

  "CREATE TABLE settings (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ");\n"
  "INSERT INTO settings (key, value) VALUES ('rev', '0');\n"
  "INSERT INTO settings (key, value) VALUES ('diary.prefix', 'SDN');\n"
  "INSERT INTO settings (key, value) VALUES ('diary.format', '{prefix} {year}/{seq:4}');\n"

  /* One row a number: the primary key makes numbers unique, and numbers are
   * only taken inside the transaction that registers the case. */
  "CREATE TABLE diary (\n"
  "  year INTEGER NOT NULL,\n"
  "  seq INTEGER NOT NULL,\n"
  "  case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),\n"
  "  number TEXT NOT NULL UNIQUE,\n"
  "  PRIMARY KEY (year, seq)\n"
  ");\n"

  "CREATE TABLE schema_versions (\n"
  "  component TEXT PRIMARY KEY NOT NULL,\n"
  "  version INTEGER NOT NULL\n"
  ");\n"

  /* Full-text search over a case's subject, description and investigation.
   * unicode61 without diacritic removal keeps å, ä and ö letters of their
   * own (as Swedish readers expect) while folding their case. */
  "CREATE VIRTUAL TABLE cases_fts USING fts5 (\n"
  "  subject, description, investigation,\n"
  "  tokenize = 'unicode61 remove_diacritics 0'\n"
  ");\n"
  "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN\n"
  "  INSERT INTO cases_fts (rowid, subject, description, investigation)\n"
  "  VALUES (new.rowid, new.subject, new.description,\n"
  "          (SELECT " INVESTIGATION_TEXT ("") "\n"
  "           FROM investigations WHERE case_id = new.id));\n"
  "END;\n"
  "CREATE TRIGGER cases_fts_update AFTER UPDATE OF subject, description ON cases BEGIN\n"
  "  UPDATE cases_fts SET subject = new.subject, description = new.description\n"
  "  WHERE rowid = new.rowid;\n"
  "END;\n"
  "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
  "  DELETE FROM cases_fts WHERE rowid = old.rowid;\n"
  "END;\n"
  "CREATE TRIGGER investigations_fts_insert AFTER INSERT ON investigations BEGIN\n"
  "  UPDATE cases_fts\n"
  "  SET investigation = " INVESTIGATION_TEXT ("new.") "\n"
  "  WHERE rowid = (SELECT rowid FROM cases WHERE id = new.case_id);\n"
  "END;\n"
  "CREATE TRIGGER investigations_fts_update AFTER UPDATE ON investigations BEGIN\n"
  "  UPDATE cases_fts\n"
  "  SET investigation = " INVESTIGATION_TEXT ("new.") "\n"
  "  WHERE rowid = (SELECT rowid FROM cases WHERE id = new.case_id);\n"
  "END;\n";

/* The replica's side of sync: local changes waiting to be pushed (one row
 * per record and field, so that repeated edits of a field coalesce; a NULL
 * field is the creation of the record, '@status' a workflow transition) and
 * conflicts the server reported, waiting for the user. */
static const char migration_2[] =
  "CREATE TABLE outbox (\n"
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  entity TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL DEFAULT '',\n"
  "  base_rev INTEGER NOT NULL DEFAULT 0,\n"
  "  value TEXT,\n"
  "  created_at TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX outbox_field ON outbox (entity, record_id, field);\n"
  "CREATE TABLE sync_conflicts (\n"
  "  entity TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  local_value TEXT,\n"
  "  server_value TEXT,\n"
  "  server_rev INTEGER NOT NULL DEFAULT 0,\n"
  "  PRIMARY KEY (entity, record_id, field)\n"
  ");\n";

/* The unit manager's work (issue 12, and R21, R22, R29 of issue 11): how
 * the final answer was given, "no action possible", a complex city
 * environment case, praise passed on; who sent a letter; the person a
 * unit's senders can turn to if not satisfied. */
static const char migration_3[] =
  "ALTER TABLE cases ADD COLUMN feedback_method TEXT;\n"
  "ALTER TABLE cases ADD COLUMN feedback_note TEXT;\n"
  "ALTER TABLE cases ADD COLUMN no_action_possible INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE cases ADD COLUMN complex INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE cases ADD COLUMN complex_reason TEXT;\n"
  "ALTER TABLE cases ADD COLUMN praise_passed_on TEXT;\n"
  "ALTER TABLE cases ADD COLUMN praise_passed_to TEXT;\n"
  "ALTER TABLE letters ADD COLUMN sent_by TEXT;\n"
  "ALTER TABLE units ADD COLUMN contact_name TEXT;\n"
  "ALTER TABLE units ADD COLUMN contact_address TEXT;\n"
  "ALTER TABLE units ADD COLUMN contact_phone TEXT;\n";
/* The provider register's contract period and contact person, and the
 * contract issue's life cycle (issue 14): what the breach is, the request
 * for correction, the provider's account, the sanction and the routing of
 * routine R14. */
static const char migration_4[] =
  "ALTER TABLE providers ADD COLUMN contract_starts_on TEXT;\n"
  "ALTER TABLE providers ADD COLUMN contract_ends_on TEXT;\n"
  "ALTER TABLE providers ADD COLUMN contact_person TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN opened_on TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN routed_to TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN breach TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN correction_request TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN account TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN sanction_kind TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN sanction_amount INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE contract_issues ADD COLUMN sanction_decided_on TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN closed_on TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN welfare_crime INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE INDEX contract_issues_provider ON contract_issues (provider_id, status);\n";

/* The contract issue's assessment of the provider's account, a step of
 * its own between the account and the sanction (issue 14). */
static const char migration_5[] =
  "ALTER TABLE contract_issues ADD COLUMN assessment TEXT;\n"
  "ALTER TABLE contract_issues ADD COLUMN assessed_on TEXT;\n";

/* The registrar's work (issue 13): secrecy markings of a case or its
 * parts, and the disclosure request's secrecy review part by part. */
static const char migration_6[] =
  "CREATE TABLE secrecy_markings (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  part TEXT,\n"
  "  part_id TEXT,\n"
  "  provision TEXT,\n"
  "  reason TEXT,\n"
  "  expires_on TEXT,\n"
  "  marked_on TEXT,\n"
  "  marked_by TEXT,\n"
  "  lifted_on TEXT\n"
  ");\n"
  "CREATE INDEX secrecy_markings_case ON secrecy_markings (case_id);\n"
  "CREATE INDEX secrecy_markings_rev ON secrecy_markings (rev);\n"
  "ALTER TABLE disclosure_requests ADD COLUMN requester_anonymous INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN requested_what TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_sender TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_sender_provision TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_description TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_description_provision TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_description_passages TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_investigation TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_investigation_provision TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_investigation_passages TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_letters TEXT;\n"
  "ALTER TABLE disclosure_requests ADD COLUMN review_letters_provision TEXT;\n";

/* 6 → 7: the access rules in SQL (sp-case-query.c) answer their OR from
 * one index per grant: these two are partial, so they cost a write only
 * for the few cases investigated by another unit or flagged as a
 * contract breach. */
static const char migration_7[] =
  "CREATE INDEX cases_investigating ON cases (investigating_unit_id)"
  " WHERE investigating_unit_id IS NOT NULL;\n"
  "CREATE INDEX cases_contract_breach ON cases (received_on) WHERE contract_breach = 1;\n";

/* 7 → 8: a contract issue about several cases (issue 14): each further case is
 * a link of its own, synced, removed as a tombstone. */
static const char migration_8[] =
  "CREATE TABLE contract_issue_cases (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  contract_issue_id TEXT NOT NULL,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  linked_on TEXT\n"
  ");\n"
  "CREATE INDEX contract_issue_cases_issue ON contract_issue_cases (contract_issue_id);\n"
  "CREATE INDEX contract_issue_cases_case ON contract_issue_cases (case_id);\n"
  "CREATE INDEX contract_issue_cases_rev ON contract_issue_cases (rev);\n";

/* 8 → 9: the case list's order (issue 11). A category sorts by the name the list
 * shows, collated, which SQL cannot do: category_ranks holds each
 * category's place in that order, both ways (the cases without a category,
 * code NULL, last both ways), computed by the store for its collation
 * (sp-case-query.c) whenever category_ranks_state's collation is not its
 * own; a change to the categories or a case with a category not ranked yet
 * clears it, and such a case gets a place at the end until then. The
 * list reads the ranks in order and each category's cases from the index
 * in received order, so the first page costs no sort. Every sort has the
 * received date, newest first, as tie-breaker, with an index for each
 * direction where a key has many equal values. */
static const char migration_9[] =
  "CREATE TABLE category_ranks (\n"
  "  code TEXT,\n"
  "  up INTEGER NOT NULL,\n"
  "  down INTEGER NOT NULL\n"
  ");\n"
  "CREATE UNIQUE INDEX category_ranks_code ON category_ranks (code);\n"
  "CREATE UNIQUE INDEX category_ranks_up ON category_ranks (up);\n"
  "CREATE UNIQUE INDEX category_ranks_down ON category_ranks (down);\n"
  "CREATE TABLE category_ranks_state (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  collation TEXT\n"
  ");\n"
  "INSERT INTO category_ranks_state (id, collation) VALUES (1, NULL);\n"
  "CREATE TRIGGER categories_rank_insert AFTER INSERT ON categories BEGIN\n"
  "  UPDATE category_ranks_state SET collation = NULL;\n"
  "END;\n"
  "CREATE TRIGGER categories_rank_update AFTER UPDATE OF code, name, deleted ON categories BEGIN\n"
  "  UPDATE category_ranks_state SET collation = NULL;\n"
  "END;\n"
  "CREATE TRIGGER categories_rank_delete AFTER DELETE ON categories BEGIN\n"
  "  UPDATE category_ranks_state SET collation = NULL;\n"
  "END;\n"
  "CREATE TRIGGER cases_rank_insert AFTER INSERT ON cases\n"
  "  WHEN NOT EXISTS (SELECT 1 FROM category_ranks WHERE code IS NEW.category) BEGIN\n"
  "  INSERT INTO category_ranks (code, up, down)\n"
  "    VALUES (NEW.category, (SELECT ifnull (max (up), 0) + 1 FROM category_ranks),\n"
  "            (SELECT ifnull (max (down), 0) + 1 FROM category_ranks));\n"
  "  UPDATE category_ranks_state SET collation = NULL;\n"
  "END;\n"
  "CREATE TRIGGER cases_rank_update AFTER UPDATE OF category ON cases\n"
  "  WHEN NOT EXISTS (SELECT 1 FROM category_ranks WHERE code IS NEW.category) BEGIN\n"
  "  INSERT INTO category_ranks (code, up, down)\n"
  "    VALUES (NEW.category, (SELECT ifnull (max (up), 0) + 1 FROM category_ranks),\n"
  "            (SELECT ifnull (max (down), 0) + 1 FROM category_ranks));\n"
  "  UPDATE category_ranks_state SET collation = NULL;\n"
  "END;\n"
  "INSERT INTO category_ranks (code, up, down)\n"
  "  SELECT code, row_number () OVER (ORDER BY code), row_number () OVER (ORDER BY code DESC)\n"
  "  FROM (SELECT code FROM categories UNION SELECT DISTINCT category FROM cases\n"
  "        WHERE category IS NOT NULL);\n"
  "INSERT INTO category_ranks (code, up, down)\n"
  "  VALUES (NULL, (SELECT ifnull (max (up), 0) + 1 FROM category_ranks),\n"
  "          (SELECT ifnull (max (down), 0) + 1 FROM category_ranks));\n"
  "DROP INDEX cases_category;\n"
  "CREATE INDEX cases_category ON cases (category, received_on, id);\n"
  "DROP INDEX cases_kind;\n"
  "CREATE INDEX cases_kind ON cases (kind, received_on, id);\n"
  "CREATE INDEX cases_kind_newest ON cases (kind, received_on DESC, id DESC);\n"
  "DROP INDEX cases_status;\n"
  "CREATE INDEX cases_status ON cases (status, received_on, id);\n"
  "CREATE INDEX cases_status_newest ON cases (status, received_on DESC, id DESC);\n"
  "DROP INDEX cases_due;\n"
  "CREATE INDEX cases_due ON cases (due_on, received_on, id);\n"
  "CREATE INDEX cases_due_newest ON cases (due_on, received_on DESC, id DESC);\n"
  "DROP INDEX cases_diary;\n"
  "CREATE INDEX cases_diary ON cases (diary_number, received_on, id);\n"
  "DROP INDEX cases_subject;\n"
  "CREATE INDEX cases_subject ON cases (subject COLLATE NOCASE, received_on, id);\n"
  "DROP INDEX cases_unit;\n"
  "CREATE INDEX cases_unit ON cases (unit_id, received_on, id);\n"
  "DROP INDEX cases_provider;\n"
  "CREATE INDEX cases_provider ON cases (provider_id, received_on, id);\n";

/* 9 → 10: units' compilations of a period (R24 of issue 15): the figures counted
 * when each was made, the unit's analysis, assessment and actions with
 * their follow-up. */
static const char migration_10[] =
  "CREATE TABLE unit_compilations (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  unit_id TEXT NOT NULL,\n"
  "  period TEXT NOT NULL,\n"
  "  figures TEXT,\n"
  "  analysis TEXT,\n"
  "  assessment TEXT,\n"
  "  actions_taken TEXT,\n"
  "  actions_planned TEXT,\n"
  "  follow_up_on TEXT,\n"
  "  written_by TEXT,\n"
  "  written_on TEXT\n"
  ");\n"
  "CREATE INDEX unit_compilations_unit ON unit_compilations (unit_id, period);\n"
  "CREATE INDEX unit_compilations_rev ON unit_compilations (rev);\n";

/* 10 → 11: the statistics read a period's cases in one pass (sp-stats.c): this
 * index holds every column the pass reads and filters on, in received
 * order, so that the pass never reads the table. A complaint's assessment
 * is its investigation's, copied onto the case by triggers
 * (stats_assessment, no field of the case: it is never synced), so that
 * the pass looks up no investigation either. */
static const char migration_11[] =
  "ALTER TABLE cases ADD COLUMN stats_assessment TEXT;\n"
  "UPDATE cases SET stats_assessment ="
  " (SELECT i.assessment FROM investigations i WHERE i.case_id = cases.id AND i.deleted = 0)"
  " WHERE id IN (SELECT case_id FROM investigations);\n"
  "CREATE TRIGGER cases_stats_assessment_case AFTER INSERT ON cases"
  " WHEN EXISTS (SELECT 1 FROM investigations WHERE case_id = new.id) BEGIN\n"
  "  UPDATE cases SET stats_assessment ="
  " (SELECT i.assessment FROM investigations i WHERE i.case_id = new.id AND i.deleted = 0)"
  " WHERE id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER cases_stats_assessment_insert AFTER INSERT ON investigations BEGIN\n"
  "  UPDATE cases SET stats_assessment = CASE WHEN new.deleted = 0 THEN new.assessment END"
  " WHERE id = new.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cases_stats_assessment_update AFTER UPDATE OF assessment, deleted, case_id"
  " ON investigations BEGIN\n"
  "  UPDATE cases SET stats_assessment = NULL WHERE id = old.case_id AND old.case_id IS NOT new.case_id;\n"
  "  UPDATE cases SET stats_assessment = CASE WHEN new.deleted = 0 THEN new.assessment END"
  " WHERE id = new.case_id;\n"
  "END;\n"
  "CREATE INDEX cases_stats ON cases (received_on, deleted, named_employee, contract_breach,"
  " kind, valence, category, channel, area, unit_id, provider_id, sender_relation, status,"
  " due_on, feedback_on, deadline_rule, stats_assessment);\n";

/* Forwarding with accounts (issue 13): an account asked of a provider or
 * another district with its last date, and recorded when it comes. */
static const char migration_12[] =
  "CREATE TABLE account_requests (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  source TEXT,\n"
  "  provider_id TEXT,\n"
  "  requested_from TEXT,\n"
  "  requested_on TEXT,\n"
  "  requested_by TEXT,\n"
  "  due_on TEXT,\n"
  "  received_on TEXT,\n"
  "  received_method TEXT,\n"
  "  account TEXT,\n"
  "  recorded_by TEXT\n"
  ");\n"
  "CREATE INDEX account_requests_case ON account_requests (case_id);\n"
  "CREATE INDEX account_requests_rev ON account_requests (rev);\n";

/* Links between cases (issue 13): duplicate of, related, same sender. */
static const char migration_13[] =
  "CREATE TABLE case_links (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  rev INTEGER NOT NULL DEFAULT 0,\n"
  "  updated_at TEXT,\n"
  "  updated_by TEXT,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  other_case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  kind TEXT,\n"
  "  note TEXT,\n"
  "  linked_on TEXT,\n"
  "  linked_by TEXT\n"
  ");\n"
  "CREATE INDEX case_links_case ON case_links (case_id);\n"
  "CREATE INDEX case_links_other ON case_links (other_case_id);\n"
  "CREATE INDEX case_links_rev ON case_links (rev);\n";

const char * const sp_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  NULL
};

/* OR REPLACE: a case saved while the index is filled, after the triggers
 * came back, has its row already. */
const char sp_schema_fts_fill[] =
  "INSERT OR REPLACE INTO cases_fts (rowid, subject, description, investigation)\n"
  "  SELECT rowid, subject, description,\n"
  "         (SELECT " INVESTIGATION_TEXT ("") " FROM investigations WHERE case_id = cases.id)\n"
  "  FROM cases WHERE rowid > ?1 AND rowid <= ?2 ORDER BY rowid;\n";
