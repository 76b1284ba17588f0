using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpToIndex = table.Column<long>(type: "bigint", nullable: false),
                    HashAtIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RowsPurged = table.Column<int>(type: "integer", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql(@"ALTER TABLE ""AuditEntries"" DISABLE TRIGGER audit_append_only;");
            migrationBuilder.Sql(@"UPDATE ""AuditEntries"" SET ""ChainIndex"" = NULL, ""PreviousHash"" = NULL, ""Hash"" = NULL;");
            migrationBuilder.Sql(@"ALTER TABLE ""AuditEntries"" ENABLE TRIGGER audit_append_only;");
            // A row may be deleted only when a signed purge record covers it (the retention purge).
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
            migrationBuilder.Sql(@"CREATE FUNCTION audit_purge_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit purges are append-only'; END $$;");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_purge_append_only BEFORE UPDATE OR DELETE ON ""AuditPurges""
FOR EACH ROW EXECUTE FUNCTION audit_purge_append_only();");
            migrationBuilder.Sql(@"CREATE TRIGGER audit_purge_no_truncate BEFORE TRUNCATE ON ""AuditPurges""
FOR EACH STATEMENT EXECUTE FUNCTION audit_purge_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_purge_no_truncate ON ""AuditPurges"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS audit_purge_append_only ON ""AuditPurges"";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_purge_append_only();");
            migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN RAISE EXCEPTION 'audit rows are append-only'; END IF;
  IF OLD.""ChainIndex"" IS NOT NULL
     OR (NEW.""Id"", NEW.""At"", NEW.""ActorId"", NEW.""ActorRole"", NEW.""PatientId"", NEW.""Action"", NEW.""Resource"", NEW.""Outcome"", NEW.""Detail"")
        IS DISTINCT FROM (OLD.""Id"", OLD.""At"", OLD.""ActorId"", OLD.""ActorRole"", OLD.""PatientId"", OLD.""Action"", OLD.""Resource"", OLD.""Outcome"", OLD.""Detail"")
  THEN RAISE EXCEPTION 'sealed audit rows are immutable'; END IF;
  RETURN NEW;
END $$;");
            migrationBuilder.DropTable(
                name: "AuditPurges");
        }
    }
}
