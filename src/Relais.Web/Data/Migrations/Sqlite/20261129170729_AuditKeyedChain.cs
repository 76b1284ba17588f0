using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditKeyedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditPurges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpToIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    HashAtIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RowsPurged = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPurges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditPurges_UpToIndex",
                table: "AuditPurges",
                column: "UpToIndex",
                unique: true);

            // The chain was plain SHA-256, which anyone with write access could recompute (security review M2):
            // every row is unsealed here and sealed again under the audit key by the sealer, role included.
            migrationBuilder.Sql("DROP TRIGGER audit_no_update;");
            migrationBuilder.Sql("UPDATE AuditEntries SET ChainIndex = NULL, PreviousHash = NULL, Hash = NULL;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries
WHEN OLD.ChainIndex IS NOT NULL OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.ActorId IS NOT OLD.ActorId
  OR NEW.ActorRole IS NOT OLD.ActorRole OR NEW.PatientId IS NOT OLD.PatientId OR NEW.Action IS NOT OLD.Action
  OR NEW.Resource IS NOT OLD.Resource OR NEW.Outcome IS NOT OLD.Outcome OR NEW.Detail IS NOT OLD.Detail
BEGIN SELECT RAISE(ABORT, 'sealed audit rows are immutable'); END;");
            // A row may be deleted only when a signed purge record covers it (the retention purge).
            migrationBuilder.Sql("DROP TRIGGER audit_no_delete;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries
WHEN OLD.ChainIndex IS NULL OR OLD.ChainIndex > (SELECT COALESCE(MAX(UpToIndex), 0) FROM AuditPurges)
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_purge_no_update BEFORE UPDATE ON AuditPurges
BEGIN SELECT RAISE(ABORT, 'audit purges are append-only'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_purge_no_delete BEFORE DELETE ON AuditPurges
BEGIN SELECT RAISE(ABORT, 'audit purges are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_purge_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_purge_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.DropTable(
                name: "AuditPurges");
        }
    }
}
