using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PalliativeCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaregiverContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsTrustedPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaregiverContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaregiverContacts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HadStays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Prescriber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GpAgreementOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgreementOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PrescribedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StayFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StayUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Renewals = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HadStays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HadStays_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HadStays_SupportiveCareProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "SupportiveCareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SymptomPlanEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Symptom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SymptomPlanEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SymptomPlanEntries_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UrgentCarePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnticipatedPrescriptions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Limit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LimitsNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DiscussedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EmergencyNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgentCarePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgentCarePlans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaregiverContacts_PatientId",
                table: "CaregiverContacts",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_HadStays_PatientId_RequestedOn",
                table: "HadStays",
                columns: new[] { "PatientId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HadStays_ProviderId_Status",
                table: "HadStays",
                columns: new[] { "ProviderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HadStays_Status_RemindOn_RemindedAt",
                table: "HadStays",
                columns: new[] { "Status", "RemindOn", "RemindedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SymptomPlanEntries_PatientId_Symptom",
                table: "SymptomPlanEntries",
                columns: new[] { "PatientId", "Symptom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UrgentCarePlans_PatientId",
                table: "UrgentCarePlans",
                column: "PatientId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaregiverContacts");

            migrationBuilder.DropTable(
                name: "HadStays");

            migrationBuilder.DropTable(
                name: "SymptomPlanEntries");

            migrationBuilder.DropTable(
                name: "UrgentCarePlans");
        }
    }
}
