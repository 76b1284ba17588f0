using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit rows are append-only: never deleted; once sealed into the hash chain, never changed;
            // before sealing, only the seal columns may be filled in.
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries
WHEN OLD.ChainIndex IS NOT NULL OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.ActorId IS NOT OLD.ActorId
  OR NEW.ActorRole IS NOT OLD.ActorRole OR NEW.PatientId IS NOT OLD.PatientId OR NEW.Action IS NOT OLD.Action
  OR NEW.Resource IS NOT OLD.Resource OR NEW.Outcome IS NOT OLD.Outcome OR NEW.Detail IS NOT OLD.Detail
BEGIN SELECT RAISE(ABORT, 'sealed audit rows are immutable'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
        }
    }
}
