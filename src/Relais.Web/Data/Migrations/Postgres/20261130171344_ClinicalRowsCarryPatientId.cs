using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Relais.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClinicalRowsCarryPatientId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PatientId",
                table: "SupportiveReferralEntries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "PatientId",
                table: "PostCancerActs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Each existing row takes the patient of its referral or prescription (before the foreign keys are checked).
            migrationBuilder.Sql(@"UPDATE ""SupportiveReferralEntries"" SET ""PatientId"" = (SELECT r.""PatientId"" FROM ""SupportiveReferrals"" r WHERE r.""Id"" = ""SupportiveReferralEntries"".""ReferralId"");");
            migrationBuilder.Sql(@"UPDATE ""PostCancerActs"" SET ""PatientId"" = (SELECT p.""PatientId"" FROM ""PostCancerPrescriptions"" p WHERE p.""Id"" = ""PostCancerActs"".""PrescriptionId"");");

            migrationBuilder.CreateIndex(
                name: "IX_SupportiveReferralEntries_PatientId",
                table: "SupportiveReferralEntries",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_PostCancerActs_PatientId",
                table: "PostCancerActs",
                column: "PatientId");

            migrationBuilder.AddForeignKey(
                name: "FK_PostCancerActs_Patients_PatientId",
                table: "PostCancerActs",
                column: "PatientId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportiveReferralEntries_Patients_PatientId",
                table: "SupportiveReferralEntries",
                column: "PatientId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PostCancerActs_Patients_PatientId",
                table: "PostCancerActs");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportiveReferralEntries_Patients_PatientId",
                table: "SupportiveReferralEntries");

            migrationBuilder.DropIndex(
                name: "IX_SupportiveReferralEntries_PatientId",
                table: "SupportiveReferralEntries");

            migrationBuilder.DropIndex(
                name: "IX_PostCancerActs_PatientId",
                table: "PostCancerActs");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "SupportiveReferralEntries");

            migrationBuilder.DropColumn(
                name: "PatientId",
                table: "PostCancerActs");
        }
    }
}
