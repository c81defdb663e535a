/**
 * The SQL that creates a subgraph's `audit_log`, for the subgraph's next migration
 * (`for (const sql of AUDIT_LOG_MIGRATION_SQL) this.addSql(sql)`). Unqualified names land in the
 * subgraph's own schema (its connections set `search_path`).
 */
export const AUDIT_LOG_MIGRATION_SQL: readonly string[] = [
  `create table audit_log (
    id bigserial primary key,
    at timestamptz not null,
    actor_kind text not null,
    actor_id uuid,
    actor_clinic_id uuid,
    api_key_id text,
    action text not null,
    subject_user_id uuid,
    resource_type text,
    resource_id text,
    ip text,
    user_agent text,
    request_id text,
    detail jsonb,
    prev_hash text not null,
    hash text not null unique
  )`,
  'create index audit_log_subject_idx on audit_log (subject_user_id, at desc)',
  'create index audit_log_actor_idx on audit_log (actor_id, at desc)',
  // Append-only in the database itself: no role the application uses can rewrite history, and a
  // superuser has to drop this trigger first (which the hash chain then exposes).
  `create function audit_log_refuse_change() returns trigger language plpgsql as $fn$
   begin
     raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
   end
   $fn$`,
  `create trigger audit_log_append_only before update or delete on audit_log
   for each row execute function audit_log_refuse_change()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
   for each statement execute function audit_log_refuse_change()`,
];

/** Undo for a migration's `down()`. */
export const AUDIT_LOG_DROP_SQL: readonly string[] = ['drop table audit_log', 'drop function audit_log_refuse_change()'];
