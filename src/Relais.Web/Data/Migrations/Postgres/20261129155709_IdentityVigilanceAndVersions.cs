using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentityVigilanceAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_Ins",
                table: "Patients");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Protocols",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "IdentityDocument",
                table: "Patients",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IdentityDocumentCheckedBy",
                table: "Patients",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IdentityDocumentCheckedOn",
                table: "Patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityMismatchReason",
                table: "Patients",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityStatus",
                table: "Patients",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Provisional");

            migrationBuilder.AddColumn<string>(
                name: "InsOid",
                table: "Patients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InsiVerifiedAt",
                table: "Patients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspectedDuplicateSince",
                table: "Patients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Patients",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Episodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CareTeamMembers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "IdentityAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OtherPatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    Ins = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RaisedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityAlerts_Patients_OtherPatientId",
                        column: x => x.OtherPatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdentityAlerts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_IdentityStatus",
                table: "Patients",
                column: "IdentityStatus");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Ins",
                table: "Patients",
                column: "Ins",
                unique: true,
                filter: "\"SuspectedDuplicateSince\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityAlerts_ClosedAt_RaisedAt",
                table: "IdentityAlerts",
                columns: new[] { "ClosedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityAlerts_OtherPatientId",
                table: "IdentityAlerts",
                column: "OtherPatientId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityAlerts_PatientId",
                table: "IdentityAlerts",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Patients_IdentityStatus",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_Ins",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Protocols");

            migrationBuilder.DropColumn(
                name: "IdentityDocument",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentityDocumentCheckedBy",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentityDocumentCheckedOn",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentityMismatchReason",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "IdentityStatus",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "InsOid",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "InsiVerifiedAt",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "SuspectedDuplicateSince",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CareTeamMembers");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Ins",
                table: "Patients",
                column: "Ins",
                unique: true);
        }
    }
}
