using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers");

            migrationBuilder.CreateIndex(
                name: "IX_SymptomAlerts_Open",
                table: "SymptomAlerts",
                column: "PatientId",
                filter: "\"ActionAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_Expertise",
                table: "Episodes",
                column: "PatientId",
                filter: "\"IsRareCancer\" OR \"HereditarySuspicion\" OR \"PrimarySite\" LIKE 'C8%'");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_LeftCare",
                table: "Episodes",
                column: "PatientId",
                filter: "\"Phase\" IN ('Deceased', 'MovedAway')");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId", "From", "To", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeSteps_Planned",
                table: "AdministrativeSteps",
                columns: new[] { "PatientId", "Owner", "DueOn" },
                filter: "\"Status\" = 'Planned'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SymptomAlerts_Open",
                table: "SymptomAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_Expertise",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_LeftCare",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_AdministrativeSteps_Planned",
                table: "AdministrativeSteps");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId", "From", "To" });
        }
    }
}
