using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Claimed",
                table: "OutboxMessages",
                column: "ClaimToken",
                filter: "\"ClaimToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId", "From", "To", "EndedAt", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries",
                column: "Id",
                filter: "\"ChainIndex\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Claimed",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Unsealed",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId", "From", "To", "EndedAt" });
        }
    }
}
