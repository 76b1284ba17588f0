using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessObjections_ProfessionalId",
                table: "AccessObjections");

            migrationBuilder.CreateIndex(
                name: "IX_TransmissionRecipients_Unacknowledged",
                table: "TransmissionRecipients",
                columns: new[] { "PatientId", "DueAt" },
                filter: "\"AcknowledgedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AccessObjections_ProfessionalId_PatientId",
                table: "AccessObjections",
                columns: new[] { "ProfessionalId", "PatientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TransmissionRecipients_Unacknowledged",
                table: "TransmissionRecipients");

            migrationBuilder.DropIndex(
                name: "IX_AccessObjections_ProfessionalId_PatientId",
                table: "AccessObjections");

            migrationBuilder.CreateIndex(
                name: "IX_AccessObjections_ProfessionalId",
                table: "AccessObjections",
                column: "ProfessionalId");
        }
    }
}
