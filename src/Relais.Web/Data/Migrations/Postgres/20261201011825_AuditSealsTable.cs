using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditSealsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No audit row may commit between the copies below and the new triggers (an instance of the previous version
            // still running during a rolling restart): it would be neither sealed nor queued.
            migrationBuilder.Sql(@"LOCK TABLE ""AuditEntries"" IN SHARE MODE;");

            migrationBuilder.CreateTable(
                name: "AuditPending",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPending", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "AuditSeals",
                columns: table => new
                {
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    ChainIndex = table.Column<long>(type: "bigint", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql(@"INSERT INTO ""AuditSeals"" (""EntryId"", ""ChainIndex"", ""PatientId"", ""PreviousHash"", ""Hash"")
SELECT ""Id"", ""ChainIndex"", ""PatientId"", ""PreviousHash"", ""Hash"" FROM ""AuditEntries"" WHERE ""ChainIndex"" IS NOT NULL;");
            migrationBuilder.Sql(@"INSERT INTO ""AuditPending"" (""EntryId"", ""PatientId"")
SELECT ""Id"", ""PatientId"" FROM ""AuditEntries"" WHERE ""ChainIndex"" IS NULL;");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChainIndex",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChainIndex",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");

            // A row is never updated now (its seal is a row of its own), and deleted only when a signed purge covers its seal.
            migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (
       SELECT 1 FROM ""AuditSeals"" s
       WHERE s.""EntryId"" = OLD.""Id"" AND s.""ChainIndex"" <= (SELECT COALESCE(MAX(""UpToIndex""), 0) FROM ""AuditPurges"")) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit rows are append-only';
END $$;");
            // Every audit row, however written (one by one or a list's rows in one statement), joins the sealer's queue in
            // its own transaction: one statement-level trigger over the rows it inserted.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ""AuditPending"" (""EntryId"", ""PatientId"") SELECT ""Id"", ""PatientId"" FROM audit_inserted;
  RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_enqueue AFTER INSERT ON ""AuditEntries""
REFERENCING NEW TABLE AS audit_inserted FOR EACH STATEMENT EXECUTE FUNCTION audit_enqueue();");
            // Seals are append-only too; the purge removes those its signed record covers.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.""ChainIndex"" <= (SELECT COALESCE(MAX(""UpToIndex""), 0) FROM ""AuditPurges"") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit seals are append-only';
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON ""AuditSeals""
FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();");
            // A seal at or below the last purge's index would let its row be deleted as if purged, and the verification walks
            // the chain from that index on: no seal may be written there (one check per statement, the sealer's batch is one).
            migrationBuilder.Sql(@"CREATE FUNCTION audit_seal_above_purge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM audit_new_seals
             WHERE ""ChainIndex"" <= (SELECT COALESCE(MAX(""UpToIndex""), 0) FROM ""AuditPurges"")) THEN
    RAISE EXCEPTION 'audit seals go after the last purge';
  END IF;
  RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_above_purge AFTER INSERT ON ""AuditSeals""
REFERENCING NEW TABLE AS audit_new_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_above_purge();");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON ""AuditSeals""
FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_enqueue ON ""AuditEntries"";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_enqueue();");

            migrationBuilder.AddColumn<long>(
                name: "ChainIndex",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.Sql(@"ALTER TABLE ""AuditEntries"" DISABLE TRIGGER audit_append_only;");
            migrationBuilder.Sql(@"UPDATE ""AuditEntries"" e SET ""ChainIndex"" = s.""ChainIndex"", ""PreviousHash"" = s.""PreviousHash"", ""Hash"" = s.""Hash""
FROM ""AuditSeals"" s WHERE s.""EntryId"" = e.""Id"";");
            migrationBuilder.Sql(@"ALTER TABLE ""AuditEntries"" ENABLE TRIGGER audit_append_only;");
            migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN RAISE EXCEPTION 'audit rows are append-only'; END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.""ChainIndex"" IS NULL OR OLD.""ChainIndex"" > (SELECT COALESCE(MAX(""UpToIndex""), 0) FROM ""AuditPurges"") THEN
      RAISE EXCEPTION 'audit rows are append-only';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.""ChainIndex"" IS NOT NULL
     OR (NEW.""Id"", NEW.""At"", NEW.""ActorId"", NEW.""ActorRole"", NEW.""PatientId"", NEW.""Action"", NEW.""Resource"", NEW.""Outcome"", NEW.""Detail"")
        IS DISTINCT FROM (OLD.""Id"", OLD.""At"", OLD.""ActorId"", OLD.""ActorRole"", OLD.""PatientId"", OLD.""Action"", OLD.""Resource"", OLD.""Outcome"", OLD.""Detail"")
  THEN RAISE EXCEPTION 'sealed audit rows are immutable'; END IF;
  RETURN NEW;
END $$;");

            migrationBuilder.DropTable(
                name: "AuditPending");

            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_seal_above_purge ON ""AuditSeals"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_seal_no_truncate ON ""AuditSeals"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_seal_append_only ON ""AuditSeals"";");
            migrationBuilder.DropTable(
                name: "AuditSeals");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_seal_append_only();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_seal_above_purge();");

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
        }
    }
}
