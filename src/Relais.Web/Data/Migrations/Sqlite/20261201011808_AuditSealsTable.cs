using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSealsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditPending",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPending", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "AuditSeals",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSeals", x => x.EntryId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditSeals_ChainIndex",
                table: "AuditSeals",
                column: "ChainIndex",
                unique: true);
            // The chain as it stands moves to the seals, the rows not yet sealed to the queue.
            migrationBuilder.Sql(@"INSERT INTO AuditSeals (EntryId, ChainIndex, PatientId, PreviousHash, Hash)
SELECT Id, ChainIndex, PatientId, PreviousHash, Hash FROM AuditEntries WHERE ChainIndex IS NOT NULL;");
            migrationBuilder.Sql(@"INSERT INTO AuditPending (EntryId, PatientId)
SELECT Id, PatientId FROM AuditEntries WHERE ChainIndex IS NULL;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChainIndex",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries");

            // In place (SQLite 3.35), not by EF's rebuild of the table, which runs at the end of the migration and would drop
            // the triggers created below with the old table.
            migrationBuilder.Sql("ALTER TABLE AuditEntries DROP COLUMN ChainIndex;");

            migrationBuilder.Sql("ALTER TABLE AuditEntries DROP COLUMN Hash;");

            migrationBuilder.Sql("ALTER TABLE AuditEntries DROP COLUMN PreviousHash;");

            // A row is never updated now (its seal is a row of its own), and deleted only when a signed purge covers its seal.
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries
WHEN NOT EXISTS (SELECT 1 FROM AuditSeals s
                 WHERE s.EntryId = OLD.Id AND s.ChainIndex <= (SELECT COALESCE(MAX(UpToIndex), 0) FROM AuditPurges))
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
            // Every audit row, however written, joins the sealer's queue in its own transaction.
            migrationBuilder.Sql(@"CREATE TRIGGER audit_enqueue AFTER INSERT ON AuditEntries
BEGIN INSERT INTO AuditPending (EntryId, PatientId) VALUES (NEW.Id, NEW.PatientId); END;");
            // Seals are append-only too; the purge removes those its signed record covers.
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON AuditSeals
BEGIN SELECT RAISE(ABORT, 'audit seals are append-only'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON AuditSeals
WHEN OLD.ChainIndex > (SELECT COALESCE(MAX(UpToIndex), 0) FROM AuditPurges)
BEGIN SELECT RAISE(ABORT, 'audit seals are append-only'); END;");
            // A seal at or below the last purge's index would let its row be deleted as if purged: none may be written there.
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_above_purge BEFORE INSERT ON AuditSeals
WHEN NEW.ChainIndex <= (SELECT COALESCE(MAX(UpToIndex), 0) FROM AuditPurges)
BEGIN SELECT RAISE(ABORT, 'audit seals go after the last purge'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_enqueue;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_no_delete;");
            migrationBuilder.DropTable(
                name: "AuditPending");

            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChainIndex",
                table: "AuditEntries",
                column: "ChainIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries",
                column: "Id",
                filter: "\"ChainIndex\" IS NULL");

            migrationBuilder.Sql(@"UPDATE AuditEntries SET
  ChainIndex = (SELECT s.ChainIndex FROM AuditSeals s WHERE s.EntryId = AuditEntries.Id),
  PreviousHash = (SELECT s.PreviousHash FROM AuditSeals s WHERE s.EntryId = AuditEntries.Id),
  Hash = (SELECT s.Hash FROM AuditSeals s WHERE s.EntryId = AuditEntries.Id);");
            migrationBuilder.DropTable(
                name: "AuditSeals");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries
WHEN OLD.ChainIndex IS NOT NULL OR NEW.Id IS NOT OLD.Id OR NEW.At IS NOT OLD.At OR NEW.ActorId IS NOT OLD.ActorId
  OR NEW.ActorRole IS NOT OLD.ActorRole OR NEW.PatientId IS NOT OLD.PatientId OR NEW.Action IS NOT OLD.Action
  OR NEW.Resource IS NOT OLD.Resource OR NEW.Outcome IS NOT OLD.Outcome OR NEW.Detail IS NOT OLD.Detail
BEGIN SELECT RAISE(ABORT, 'sealed audit rows are immutable'); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries
WHEN OLD.ChainIndex IS NULL OR OLD.ChainIndex > (SELECT COALESCE(MAX(UpToIndex), 0) FROM AuditPurges)
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
        }
    }
}
