using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "IdentityDocument",
                table: "Patients",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "IdentityDocumentCheckedBy",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IdentityDocumentCheckedOn",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityMismatchReason",
                table: "Patients",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentityStatus",
                table: "Patients",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Provisional");

            migrationBuilder.AddColumn<string>(
                name: "InsOid",
                table: "Patients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InsiVerifiedAt",
                table: "Patients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspectedDuplicateSince",
                table: "Patients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Patients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Episodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CareTeamMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "IdentityAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OtherPatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Ins = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RaisedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
