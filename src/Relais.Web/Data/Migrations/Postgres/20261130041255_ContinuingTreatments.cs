using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContinuingTreatments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ContinuingTreatmentId",
                table: "CarnetItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModuleCode",
                table: "CarnetItems",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ModuleVersion",
                table: "CarnetItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContinuingTreatments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Drug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Class = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedMonths = table.Column<int>(type: "integer", nullable: true),
                    Prescriber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StoppedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StopReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StopRemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PlannedStopOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuingTreatments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuingTreatments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    TreatmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reporter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Adherence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SideEffects = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Intolerance = table.Column<bool>(type: "boolean", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentReports_ContinuingTreatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "ContinuingTreatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuingTreatments_PatientId",
                table: "ContinuingTreatments",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuingTreatments_Status_StopRemindedAt_PlannedStopOn",
                table: "ContinuingTreatments",
                columns: new[] { "Status", "StopRemindedAt", "PlannedStopOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentReports_PatientId_ReportedAt",
                table: "TreatmentReports",
                columns: new[] { "PatientId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentReports_TreatmentId",
                table: "TreatmentReports",
                column: "TreatmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentReports");

            migrationBuilder.DropTable(
                name: "ContinuingTreatments");

            migrationBuilder.DropColumn(
                name: "ContinuingTreatmentId",
                table: "CarnetItems");

            migrationBuilder.DropColumn(
                name: "ModuleCode",
                table: "CarnetItems");

            migrationBuilder.DropColumn(
                name: "ModuleVersion",
                table: "CarnetItems");
        }
    }
}
