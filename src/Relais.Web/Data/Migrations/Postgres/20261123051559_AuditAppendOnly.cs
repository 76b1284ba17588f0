using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit rows are append-only: never deleted; once sealed into the hash chain, never changed;
            // before sealing, only the seal columns may be filled in.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN RAISE EXCEPTION 'audit rows are append-only'; END IF;
  IF OLD.""ChainIndex"" IS NOT NULL
     OR (NEW.""Id"", NEW.""At"", NEW.""ActorId"", NEW.""ActorRole"", NEW.""PatientId"", NEW.""Action"", NEW.""Resource"", NEW.""Outcome"", NEW.""Detail"")
        IS DISTINCT FROM (OLD.""Id"", OLD.""At"", OLD.""ActorId"", OLD.""ActorRole"", OLD.""PatientId"", OLD.""Action"", OLD.""Resource"", OLD.""Outcome"", OLD.""Detail"")
  THEN RAISE EXCEPTION 'sealed audit rows are immutable'; END IF;
  RETURN NEW;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON ""AuditEntries""
FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ""AuditEntries""
FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_no_truncate ON ""AuditEntries"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_append_only ON ""AuditEntries"";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_append_only();");
        }
    }
}
