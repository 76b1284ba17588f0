using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessAndInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TransmissionRecipients_PatientId_TransmissionId",
                table: "TransmissionRecipients");

            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_ProfessionalId_PatientId",
                table: "CareTeamMembers");

            migrationBuilder.CreateIndex(
                name: "IX_TransmissionRecipients_Patient_Recipient",
                table: "TransmissionRecipients",
                columns: new[] { "PatientId", "RecipientId", "TransmissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId", "From", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TransmissionRecipients_Patient_Recipient",
                table: "TransmissionRecipients");

            migrationBuilder.DropIndex(
                name: "IX_CareTeamMembers_Professional_Periods",
                table: "CareTeamMembers");

            migrationBuilder.CreateIndex(
                name: "IX_TransmissionRecipients_PatientId_TransmissionId",
                table: "TransmissionRecipients",
                columns: new[] { "PatientId", "TransmissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CareTeamMembers_ProfessionalId_PatientId",
                table: "CareTeamMembers",
                columns: new[] { "ProfessionalId", "PatientId" });
        }
    }
}
